package flitter.signalling.server.impl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

class WebSocketTest {
    @Test
    void acceptValueIsRfc6455sExample() {
        // RFC 6455 1.3 and 4.2.2: the sample nonce and the value a server must answer with.
        assertEquals("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", WebSocket.accept("dGhlIHNhbXBsZSBub25jZQ=="));
    }

    @Test
    void keysMustBeSixteenBytesOfBase64() {
        assertTrue(WebSocket.validKey("dGhlIHNhbXBsZSBub25jZQ=="));
        assertFalse(WebSocket.validKey("dGhlIHNhbXBsZQ=="));
        assertFalse(WebSocket.validKey("!!!!!!!!!!!!!!!!!!!!!!=="));
        assertFalse(WebSocket.validKey(null));
    }

    @Test
    void rfcExampleFramesDecode() throws Exception {
        // RFC 6455 5.7: a single-frame unmasked "Hello", the same masked, and "Hello" in two fragments.
        WebSocket.Header header = read(bytes(0x81, 0x05, 0x48, 0x65, 0x6c, 0x6c, 0x6f));
        assertEquals(new Frame(true, WebSocket.TEXT, "Hello"), frame(bytes(0x81, 0x05, 0x48, 0x65, 0x6c, 0x6c, 0x6f)));
        assertNull(header.mask());
        assertEquals(new Frame(true, WebSocket.TEXT, "Hello"),
            frame(bytes(0x81, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58)));
        assertEquals(new Frame(false, WebSocket.TEXT, "Hel"), frame(bytes(0x01, 0x03, 0x48, 0x65, 0x6c)));
        assertEquals(new Frame(true, WebSocket.CONTINUATION, "lo"), frame(bytes(0x80, 0x02, 0x6c, 0x6f)));
        assertEquals(new Frame(true, WebSocket.PING, "Hello"), frame(bytes(0x89, 0x05, 0x48, 0x65, 0x6c, 0x6c, 0x6f)));
    }

    @Test
    void encodingMatchesTheRfcExamples() {
        assertArrayEquals(bytes(0x81, 0x05, 0x48, 0x65, 0x6c, 0x6c, 0x6f), WebSocket.encode(WebSocket.TEXT, true, ascii("Hello"), null));
        assertArrayEquals(bytes(0x81, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58),
            WebSocket.encode(WebSocket.TEXT, true, ascii("Hello"), RawClient.MASK));
        assertArrayEquals(bytes(0x8a, 0x05, 0x48, 0x65, 0x6c, 0x6c, 0x6f), WebSocket.encode(WebSocket.PONG, true, ascii("Hello"), null));
        assertArrayEquals(bytes(0x01, 0x03, 0x48, 0x65, 0x6c), WebSocket.encode(WebSocket.TEXT, false, ascii("Hel"), null));
    }

    @Test
    void lengthsUseSixteenAndSixtyFourBitForms() throws Exception {
        for (int length : new int[] {0, 125, 126, 65535, 65536, 300_000}) {
            byte[] payload = new byte[length];
            for (int i = 0; i < length; i++) {
                payload[i] = (byte) (i * 31);
            }
            byte[] frame = WebSocket.encode(WebSocket.BINARY, true, payload, RawClient.MASK);
            int expectedHeader = length < 126 ? 2 : length <= 65535 ? 4 : 10;
            assertEquals(expectedHeader + 4 + length, frame.length, "frame of " + length);
            assertEquals(length < 126 ? length : length <= 65535 ? 126 : 127, frame[1] & 0x7f);
            InputStream in = new ByteArrayInputStream(frame);
            WebSocket.Header header = WebSocket.readHeader(in);
            assertEquals(length, header.length());
            byte[] back = new byte[length];
            WebSocket.readPayload(in, header, back, 0);
            assertArrayEquals(payload, back);
        }
        // 256 bytes: 0x7E then 0x0100 (RFC 6455 5.7); 64 KiB: 0x7F then 0x0000000000010000.
        assertArrayEquals(bytes(0x82, 0x7e, 0x01, 0x00), Arrays.copyOf(WebSocket.encode(WebSocket.BINARY, true, new byte[256], null), 4));
        assertArrayEquals(bytes(0x82, 0x7f, 0, 0, 0, 0, 0, 1, 0, 0),
            Arrays.copyOf(WebSocket.encode(WebSocket.BINARY, true, new byte[65536], null), 10));
    }

    @Test
    void sixtyFourBitLengthsAreReadInFull() throws Exception {
        WebSocket.Header header = read(bytes(0x82, 0xff, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 1, 2, 3, 4));
        assertEquals(1L << 32, header.length());
        assertArrayEquals(bytes(1, 2, 3, 4), header.mask());
        WebSocket.ProtocolException e = assertThrows(WebSocket.ProtocolException.class,
            () -> read(bytes(0x82, 0x7f, 0x80, 0, 0, 0, 0, 0, 0, 0)));
        assertEquals(WebSocket.PROTOCOL_ERROR, e.code());
    }

    @Test
    void brokenFramesAreProtocolErrors() {
        assertProtocolError(bytes(0xc1, 0x00), "reserved bits");
        assertProtocolError(bytes(0x83, 0x00), "unknown opcode 3");
        assertProtocolError(bytes(0x09, 0x00), "fragmented control frame");
        assertProtocolError(bytes(0x89, 0x7e, 0x00, 0x7e), "control frame longer than 125");
    }

    @Test
    void aStreamEndingBetweenFramesIsNotAnError() throws Exception {
        assertNull(WebSocket.readHeader(new ByteArrayInputStream(new byte[0])));
        assertThrows(EOFException.class, () -> read(bytes(0x81)));
        assertThrows(EOFException.class, () -> frame(bytes(0x81, 0x05, 0x48)));
    }

    @Test
    void closePayloadsCarryTheCodeAndACutReason() {
        assertArrayEquals(bytes(0x03, 0xe8, 'o', 'k'), WebSocket.closePayload(1000, "ok"));
        byte[] payload = WebSocket.closePayload(1008, "é".repeat(100));
        assertTrue(payload.length <= 125);
        // The reason is cut between characters, never inside one.
        String reason = new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8);
        assertEquals("é".repeat(61), reason);
        assertTrue(WebSocket.validCloseCode(1000) && WebSocket.validCloseCode(4999) && WebSocket.validCloseCode(1011));
        assertFalse(WebSocket.validCloseCode(1005) || WebSocket.validCloseCode(1006) || WebSocket.validCloseCode(999)
            || WebSocket.validCloseCode(2000) || WebSocket.validCloseCode(5000));
    }

    private record Frame(boolean fin, int opcode, String text) {
    }

    private static void assertProtocolError(byte[] bytes, String what) {
        WebSocket.ProtocolException e = assertThrows(WebSocket.ProtocolException.class, () -> read(bytes));
        assertTrue(e.getMessage().contains(what), e.getMessage());
        assertEquals(WebSocket.PROTOCOL_ERROR, e.code());
    }

    private static WebSocket.Header read(byte[] bytes) throws Exception {
        return WebSocket.readHeader(new ByteArrayInputStream(bytes));
    }

    private static Frame frame(byte[] bytes) throws Exception {
        InputStream in = new ByteArrayInputStream(bytes);
        WebSocket.Header header = WebSocket.readHeader(in);
        byte[] payload = new byte[(int) header.length()];
        WebSocket.readPayload(in, header, payload, 0);
        return new Frame(header.fin(), header.opcode(), new String(payload, StandardCharsets.UTF_8));
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }
}
