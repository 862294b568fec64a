package flitter.signalling.server.impl;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Plain HTTP/1.1 responses: a status, a few header fields and a short body; the connection closes after one. */
final class HttpResponse {
    private static final Map<Integer, String> REASONS = Map.ofEntries(
        Map.entry(101, "Switching Protocols"), Map.entry(200, "OK"), Map.entry(400, "Bad Request"),
        Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"), Map.entry(408, "Request Timeout"),
        Map.entry(414, "URI Too Long"), Map.entry(426, "Upgrade Required"), Map.entry(429, "Too Many Requests"),
        Map.entry(431, "Request Header Fields Too Large"), Map.entry(500, "Internal Server Error"),
        Map.entry(503, "Service Unavailable"), Map.entry(505, "HTTP Version Not Supported"));

    private HttpResponse() {
    }

    /**
     * A complete response with a UTF-8 text body (none for {@code HEAD}) and {@code Connection: close}.
     *
     * @param headers extra header fields, name then value
     */
    static byte[] text(int status, String body, boolean head, String... headers) {
        return content(status, "text/plain; charset=utf-8", (body + "\n").getBytes(StandardCharsets.UTF_8), head,
            headers);
    }

    /**
     * A complete response with {@code content} of {@code contentType} (no body for {@code HEAD}) and
     * {@code Connection: close}.
     *
     * @param headers extra header fields, name then value
     */
    static byte[] content(int status, String contentType, byte[] content, boolean head, String... headers) {
        StringBuilder out = statusLine(status);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            out.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        }
        out.append("Content-Type: ").append(contentType).append("\r\n")
            .append("Content-Length: ").append(content.length).append("\r\n")
            .append("Connection: close\r\n\r\n");
        byte[] start = out.toString().getBytes(StandardCharsets.ISO_8859_1);
        if (head) {
            return start;
        }
        byte[] all = new byte[start.length + content.length];
        System.arraycopy(start, 0, all, 0, start.length);
        System.arraycopy(content, 0, all, start.length, content.length);
        return all;
    }

    /** The 101 response that completes a WebSocket handshake. */
    static byte[] switchingProtocols(String accept) {
        return statusLine(101).append("Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ")
            .append(accept).append("\r\n\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static StringBuilder statusLine(int status) {
        return new StringBuilder("HTTP/1.1 ").append(status).append(' ')
            .append(REASONS.getOrDefault(status, "Error")).append("\r\n");
    }
}
