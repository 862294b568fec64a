package flitter.signalling.websocket.impl;

import java.net.URI;
import java.net.URISyntaxException;

import flitter.model.Node;
import flitter.model.Vector;

/**
 * The attributes of a {@code !websocket} node: {@code url=} (ws, wss, http or https: all mean a WebSocket
 * connection), {@code verify=} (default true; false accepts any certificate), {@code room=}, {@code id=}
 * (this endpoint's name in the room) and optionally {@code call=} (the member to call). Signalling runs
 * only with a URL, a room and an ID, as in the original.
 */
record Settings(URI url, boolean verify, String room, String id, String call) {
    /** The settings of {@code node}, or null when it lacks a URL, room or ID. */
    static Settings of(Node node) {
        String url = text(node.attribute("url"));
        String room = text(node.attribute("room"));
        String id = text(node.attribute("id"));
        if (url == null || room == null || id == null) {
            return null;
        }
        Vector verify = node.attribute("verify");
        return new Settings(webSocket(url), verify == null || verify.asBool(), room, id, text(node.attribute("call")));
    }

    /** {@code url} as a WebSocket URI: http becomes ws, https becomes wss. */
    static URI webSocket(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("url='" + url + "' is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        String ws = switch (scheme) {
            case "ws", "http" -> "ws";
            case "wss", "https" -> "wss";
            default -> throw new IllegalArgumentException("url='" + url + "' is not ws:, wss:, http: or https:");
        };
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("url='" + url + "' names no host");
        }
        try {
            return new URI(ws, uri.getUserInfo(), uri.getHost(), uri.getPort(),
                uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath(), uri.getQuery(), null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("url='" + url + "': " + e.getReason());
        }
    }

    private static String text(Vector value) {
        if (value == null || value.length() == 0) {
            return null;
        }
        String text = value.asString();
        return text.isEmpty() ? null : text;
    }

    @Override
    public String toString() {
        return "'" + id + "' in room '" + room + "' at " + url + (call == null ? "" : ", calling '" + call + "'");
    }
}
