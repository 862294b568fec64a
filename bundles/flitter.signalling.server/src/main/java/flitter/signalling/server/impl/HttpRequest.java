package flitter.signalling.server.impl;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * An HTTP/1.1 request head (request line and header fields, RFC 9112), read with limits: this server only
 * ever needs the head, since it answers plain requests without reading a body and upgrades the rest.
 *
 * @param method the method, as sent ({@code GET})
 * @param target the request target, as sent ({@code /?a=b})
 * @param path the target's path, without the query ({@code /}); for an absolute-form target, its path
 * @param version the protocol version ({@code HTTP/1.1})
 * @param headers the header fields in order, names as sent
 */
record HttpRequest(String method, String target, String path, String version, List<Header> headers) {
    /** The longest request line or header line read. */
    static final int MAX_LINE = 8192;
    /** The most bytes in the whole head. */
    static final int MAX_HEAD = 16384;
    /** The most header fields. */
    static final int MAX_HEADERS = 100;

    record Header(String name, String value) {
    }

    /** A request this server refuses: the status to answer with and why. */
    static final class BadRequest extends Exception {
        private static final long serialVersionUID = 1L;
        private final int status;

        BadRequest(int status, String message) {
            super(message);
            this.status = status;
        }

        int status() {
            return status;
        }
    }

    /**
     * Reads a request head from {@code in}, up to and including its empty line. Lines end with CRLF (a bare
     * LF is accepted, as RFC 9112 allows); bytes are read as ISO-8859-1.
     *
     * @throws EOFException when the stream ends before the head does
     * @throws BadRequest when the head is malformed or over a limit
     */
    static HttpRequest read(InputStream in) throws IOException, BadRequest {
        int[] budget = {MAX_HEAD};
        String requestLine = line(in, budget, 414, "request line");
        // RFC 9112 2.2: a server SHOULD ignore at least one empty line before the request line.
        if (requestLine.isEmpty()) {
            requestLine = line(in, budget, 414, "request line");
        }
        String[] parts = requestLine.split(" ", -1);
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty() || !isToken(parts[0])) {
            throw new BadRequest(400, "malformed request line");
        }
        String version = parts[2];
        if (!version.matches("HTTP/[0-9]\\.[0-9]")) {
            throw new BadRequest(400, "malformed HTTP version '" + version + "'");
        }
        if (version.charAt(5) != '1') {
            throw new BadRequest(505, "HTTP version " + version + " is not supported");
        }
        String path = path(parts[1]);
        List<Header> headers = new ArrayList<>();
        while (true) {
            String line = line(in, budget, 431, "header line");
            if (line.isEmpty()) {
                break;
            }
            if (headers.size() == MAX_HEADERS) {
                throw new BadRequest(431, "more than " + MAX_HEADERS + " header fields");
            }
            if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                throw new BadRequest(400, "obsolete line folding in the header");
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || !isToken(line.substring(0, colon))) {
                throw new BadRequest(400, "malformed header field");
            }
            headers.add(new Header(line.substring(0, colon), line.substring(colon + 1).strip()));
        }
        return new HttpRequest(parts[0], parts[1], path, version, Collections.unmodifiableList(headers));
    }

    private static String path(String target) throws BadRequest {
        String rest = target;
        if (!rest.startsWith("/")) {
            int scheme = rest.indexOf("://");
            if (scheme <= 0) {
                throw new BadRequest(400, "malformed request target");
            }
            int slash = rest.indexOf('/', scheme + 3);
            rest = slash < 0 ? "/" : rest.substring(slash);
        }
        int query = rest.indexOf('?');
        return query < 0 ? rest : rest.substring(0, query);
    }

    private static String line(InputStream in, int[] budget, int status, String what) throws IOException, BadRequest {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        boolean carriageReturn = false;
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("the connection closed inside the request head");
            }
            if (--budget[0] < 0) {
                throw new BadRequest(431, "request head longer than " + MAX_HEAD + " bytes");
            }
            if (b == '\n') {
                return line.toString(StandardCharsets.ISO_8859_1);
            }
            // RFC 9112 2.2: a bare CR is invalid; NUL has no business in a head either.
            if (carriageReturn || b == 0) {
                throw new BadRequest(400, b == 0 ? "NUL in the request head" : "bare CR in the request head");
            }
            if (b == '\r') {
                carriageReturn = true;
                continue;
            }
            if (line.size() == MAX_LINE) {
                throw new BadRequest(status, what + " longer than " + MAX_LINE + " bytes");
            }
            line.write(b);
        }
    }

    private static boolean isToken(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** The value of the first field of this name (case-insensitive), or null. */
    String header(String name) {
        for (Header header : headers) {
            if (header.name().equalsIgnoreCase(name)) {
                return header.value();
            }
        }
        return null;
    }

    /** Whether a comma-separated field of this name (any of its lines) holds this token, case-insensitively. */
    boolean hasToken(String name, String token) {
        for (Header header : headers) {
            if (header.name().equalsIgnoreCase(name)) {
                for (String item : header.value().split(",")) {
                    if (item.strip().toLowerCase(Locale.ROOT).equals(token.toLowerCase(Locale.ROOT))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
