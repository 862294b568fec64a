package flitter.signalling.server.impl;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The browser peer: a page, its script and its style, served from this bundle at {@code /},
 * {@code /call.js} and {@code /call.css}. They are read once, when the class is first used.
 */
final class Page {
    /** The page's own policy: its own script and style, WebSockets to its own server, nothing else. */
    static final String SECURITY_POLICY = "default-src 'self'; connect-src 'self'; media-src 'self' blob: mediastream:;"
        + " img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /** One file of the page. */
    record File(String contentType, byte[] content) {
    }

    private static final Map<String, File> FILES = Map.of(
        "/", read("index.html", "text/html; charset=utf-8"),
        "/call.js", read("call.js", "text/javascript; charset=utf-8"),
        "/call.css", read("call.css", "text/css; charset=utf-8"));

    private Page() {
    }

    /** The file served at {@code path}, or null when there is none. */
    static File at(String path) {
        return FILES.get(path);
    }

    private static File read(String name, String contentType) {
        try (InputStream in = Page.class.getResourceAsStream("/flitter/signalling/server/page/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the browser page's " + name + " is missing from the bundle");
            }
            return new File(contentType, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
