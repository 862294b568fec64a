package flitter.signalling.broadcast.impl;

import flitter.model.Node;
import flitter.model.Vector;

/**
 * The attributes of a {@code !broadcast} node: {@code call=} or {@code answer=} (call wins), {@code secret=},
 * {@code port=} and {@code host=} (the local interface; empty for any).
 */
record Settings(String id, boolean calling, String secret, int port, String host) {
    static final int DEFAULT_PORT = 5111;
    static final String DEFAULT_SECRET = "flitter_webrtc";

    /** The settings of {@code node} with the original's defaults. */
    static Settings of(Node node) {
        return of(node, DEFAULT_PORT, DEFAULT_SECRET);
    }

    /**
     * The settings of {@code node}, with {@code defaultPort} and {@code defaultSecret} where it says
     * none; {@code id} is null when it names neither a call nor an answer.
     */
    static Settings of(Node node, int defaultPort, String defaultSecret) {
        String call = text(node.attribute("call"));
        String answer = text(node.attribute("answer"));
        // The original takes secret='' as given (only a missing secret gets the default); IDs and host
        // that are empty count as not given, as there.
        Vector secretValue = node.attribute("secret");
        String secret = secretValue == null || secretValue.length() == 0 ? null : secretValue.asString();
        String host = text(node.attribute("host"));
        Vector portValue = node.attribute("port");
        int port = defaultPort;
        if (portValue != null && portValue.length() == 1 && portValue.isNumeric()) {
            double value = portValue.asDouble();
            if (value != Math.rint(value) || value < 1 || value > 65535) {
                throw new IllegalArgumentException("port=" + portValue.asString() + " is not a UDP port (1-65535)");
            }
            port = (int) value;
        }
        boolean calling = call != null;
        return new Settings(calling ? call : answer, calling, secret == null ? defaultSecret : secret, port,
            host == null ? "" : host);
    }

    private static String text(Vector value) {
        if (value == null || value.length() == 0) {
            return null;
        }
        String text = value.asString();
        return text.isEmpty() ? null : text;
    }

    /** For messages: never the secret. */
    @Override
    public String toString() {
        return (calling ? "call '" : "answer '") + id + "' on " + (host.isEmpty() ? "" : host) + ":" + port;
    }
}
