package flitter.signalling.server.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class HttpRequestTest {
    @Test
    void readsAnUpgradeRequest() throws Exception {
        InputStream in = stream("GET /?room=x HTTP/1.1\r\nHost: example.org:8080\r\nUpgrade: websocket\r\n"
            + "Connection: keep-alive, Upgrade\r\nSec-WebSocket-Key:dGhlIHNhbXBsZSBub25jZQ==  \r\n\r\n\u0081");
        HttpRequest request = HttpRequest.read(in);
        assertEquals("GET", request.method());
        assertEquals("/?room=x", request.target());
        assertEquals("/", request.path());
        assertEquals("HTTP/1.1", request.version());
        assertEquals("example.org:8080", request.header("host"));
        assertEquals("dGhlIHNhbXBsZSBub25jZQ==", request.header("Sec-WebSocket-Key"));
        assertTrue(request.hasToken("connection", "upgrade"));
        assertTrue(request.hasToken("Upgrade", "WebSocket"));
        assertFalse(request.hasToken("Connection", "close"));
        assertNull(request.header("Origin"));
        // The head is read exactly: a frame sent right behind it is still there.
        assertEquals(0x81, in.read());
    }

    @Test
    void acceptsBareLineFeedsAndAbsoluteTargets() throws Exception {
        HttpRequest request = HttpRequest.read(stream("\r\nGET http://h:1/page?x HTTP/1.1\nHost: h\n\n"));
        assertEquals("/page", request.path());
        assertEquals("/", HttpRequest.read(stream("GET http://h HTTP/1.1\r\n\r\n")).path());
    }

    @Test
    void malformedHeadsAreRefusedWithAStatus() {
        assertRefused("GET /\r\n\r\n", 400, "request line");
        assertRefused("GET  / HTTP/1.1\r\n\r\n", 400, "request line");
        assertRefused("G(T / HTTP/1.1\r\n\r\n", 400, "request line");
        assertRefused("GET / HTTP/2.0\r\n\r\n", 505, "not supported");
        assertRefused("GET / HTTX/1.1\r\n\r\n", 400, "HTTP version");
        assertRefused("GET nowhere HTTP/1.1\r\n\r\n", 400, "request target");
        assertRefused("GET / HTTP/1.1\r\nHost : x\r\n\r\n", 400, "malformed header");
        assertRefused("GET / HTTP/1.1\r\nNo colon\r\n\r\n", 400, "malformed header");
        assertRefused("GET / HTTP/1.1\r\nA: b\r\n folded\r\n\r\n", 400, "folding");
        assertRefused("GET / HTTP/1.1\rHost: x\r\n\r\n", 400, "bare CR");
        assertRefused("GET / HTTP/1.1\r\nA: \0\r\n\r\n", 400, "NUL");
    }

    @Test
    void limitsHold() {
        assertRefused("GET /" + "a".repeat(HttpRequest.MAX_LINE) + " HTTP/1.1\r\n\r\n", 414, "request line longer");
        assertRefused("GET / HTTP/1.1\r\nA: " + "b".repeat(HttpRequest.MAX_LINE) + "\r\n\r\n", 431, "header line longer");
        assertRefused("GET / HTTP/1.1\r\n" + "A: b\r\n".repeat(HttpRequest.MAX_HEADERS + 1) + "\r\n", 431,
            "more than 100 header fields");
        assertRefused("GET / HTTP/1.1\r\n" + ("A: " + "b".repeat(4000) + "\r\n").repeat(5) + "\r\n", 431,
            "longer than 16384 bytes");
    }

    @Test
    void aHeadCutShortIsAnEndOfStream() {
        assertThrows(EOFException.class, () -> HttpRequest.read(stream("GET / HTTP/1.1\r\nHost: x\r\n")));
    }

    private static void assertRefused(String head, int status, String what) {
        HttpRequest.BadRequest e = assertThrows(HttpRequest.BadRequest.class, () -> HttpRequest.read(stream(head)));
        assertEquals(status, e.status(), e.getMessage());
        assertTrue(e.getMessage().contains(what), e.getMessage());
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1));
    }
}
