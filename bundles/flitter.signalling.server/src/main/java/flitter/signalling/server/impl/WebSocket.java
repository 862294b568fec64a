package flitter.signalling.server.impl;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The WebSocket protocol's wire format (RFC 6455): the handshake's accept value and frames, read from
 * and written to plain streams. Stateless; {@link WebSocketConnection} does the rest.
 */
final class WebSocket {
    static final int CONTINUATION = 0x0;
    static final int TEXT = 0x1;
    static final int BINARY = 0x2;
    static final int CLOSE = 0x8;
    static final int PING = 0x9;
    static final int PONG = 0xA;

    /** Close status codes (RFC 6455 7.4.1). */
    static final int NORMAL = 1000;
    static final int GOING_AWAY = 1001;
    static final int PROTOCOL_ERROR = 1002;
    static final int UNSUPPORTED_DATA = 1003;
    static final int INVALID_DATA = 1007;
    static final int POLICY_VIOLATION = 1008;
    static final int TOO_BIG = 1009;
    static final int TRY_AGAIN_LATER = 1013;

    /** The most payload a control frame may carry. */
    static final int MAX_CONTROL_PAYLOAD = 125;

    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private WebSocket() {
    }

    /** A frame that breaks the protocol; the connection is then closed with {@link #code()}. */
    static final class ProtocolException extends Exception {
        private static final long serialVersionUID = 1L;
        private final int code;

        ProtocolException(int code, String message) {
            super(message);
            this.code = code;
        }

        int code() {
            return code;
        }
    }

    /**
     * A frame's header.
     *
     * @param mask the masking key, or null for an unmasked frame
     */
    record Header(boolean fin, int rsv, int opcode, long length, byte[] mask) {
        boolean control() {
            return (opcode & 0x8) != 0;
        }
    }

    /** {@code Sec-WebSocket-Accept} for a client's {@code Sec-WebSocket-Key}: base64 of SHA-1 of the key and the GUID. */
    static String accept(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1")
                .digest((key + GUID).getBytes(StandardCharsets.ISO_8859_1));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-1", e);
        }
    }

    /** Whether a {@code Sec-WebSocket-Key} is what RFC 6455 asks for: base64 of 16 bytes. */
    static boolean validKey(String key) {
        if (key == null || key.length() != 24) {
            return false;
        }
        try {
            return Base64.getDecoder().decode(key).length == 16;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Reads a frame header, checking what holds for any frame (reserved bits, opcodes, control frames'
     * size and finality, the 64-bit length's top bit); masking is the caller's rule.
     *
     * @return the header, or null when the stream ended cleanly before the frame
     */
    static Header readHeader(InputStream in) throws IOException, ProtocolException {
        int first = in.read();
        return first < 0 ? null : readHeader(first, in);
    }

    /** The same, when the frame's first byte has been read already (a read that may time out while idle). */
    static Header readHeader(int first, InputStream in) throws IOException, ProtocolException {
        int second = readByte(in);
        boolean fin = (first & 0x80) != 0;
        int rsv = (first >> 4) & 0x7;
        int opcode = first & 0xF;
        boolean masked = (second & 0x80) != 0;
        long length = second & 0x7F;
        if (length == 126) {
            length = ((long) readByte(in) << 8) | readByte(in);
        } else if (length == 127) {
            length = 0;
            for (int i = 0; i < 8; i++) {
                length = (length << 8) | readByte(in);
            }
            if (length < 0) {
                throw new ProtocolException(PROTOCOL_ERROR, "frame length with its most significant bit set");
            }
        }
        byte[] mask = null;
        if (masked) {
            mask = new byte[4];
            readFully(in, mask, 0, 4);
        }
        if (rsv != 0) {
            throw new ProtocolException(PROTOCOL_ERROR, "reserved bits set without a negotiated extension");
        }
        if (opcode != CONTINUATION && opcode != TEXT && opcode != BINARY && opcode != CLOSE && opcode != PING
                && opcode != PONG) {
            throw new ProtocolException(PROTOCOL_ERROR, "unknown opcode " + opcode);
        }
        Header header = new Header(fin, rsv, opcode, length, mask);
        if (header.control() && (!fin || length > MAX_CONTROL_PAYLOAD)) {
            throw new ProtocolException(PROTOCOL_ERROR,
                !fin ? "fragmented control frame" : "control frame longer than " + MAX_CONTROL_PAYLOAD + " bytes");
        }
        return header;
    }

    /** Reads the frame's payload into {@code into} at {@code offset}, unmasked; the caller has checked its length. */
    static void readPayload(InputStream in, Header header, byte[] into, int offset) throws IOException {
        int length = (int) header.length();
        readFully(in, into, offset, length);
        byte[] mask = header.mask();
        if (mask != null) {
            for (int i = 0; i < length; i++) {
                into[offset + i] ^= mask[i & 3];
            }
        }
    }

    /** Reads and drops {@code length} bytes. */
    static void skip(InputStream in, long length) throws IOException {
        byte[] scratch = new byte[(int) Math.min(8192, Math.max(1, length))];
        long left = length;
        while (left > 0) {
            int n = in.read(scratch, 0, (int) Math.min(scratch.length, left));
            if (n < 0) {
                throw new EOFException("the connection closed inside a frame");
            }
            left -= n;
        }
    }

    /**
     * One frame: header, then the payload, masked when {@code mask} is given (clients mask, servers do not).
     */
    static byte[] encode(int opcode, boolean fin, byte[] payload, byte[] mask) {
        int length = payload.length;
        int headerLength = 2 + (length < 126 ? 0 : length <= 0xFFFF ? 2 : 8) + (mask == null ? 0 : 4);
        byte[] frame = new byte[headerLength + length];
        frame[0] = (byte) ((fin ? 0x80 : 0) | opcode);
        int at = 2;
        if (length < 126) {
            frame[1] = (byte) length;
        } else if (length <= 0xFFFF) {
            frame[1] = 126;
            frame[at++] = (byte) (length >> 8);
            frame[at++] = (byte) length;
        } else {
            frame[1] = 127;
            for (int shift = 56; shift >= 0; shift -= 8) {
                frame[at++] = (byte) ((long) length >> shift);
            }
        }
        if (mask != null) {
            frame[1] |= (byte) 0x80;
            System.arraycopy(mask, 0, frame, at, 4);
            at += 4;
            for (int i = 0; i < length; i++) {
                frame[at + i] = (byte) (payload[i] ^ mask[i & 3]);
            }
        } else {
            System.arraycopy(payload, 0, frame, at, length);
        }
        return frame;
    }

    /** A close frame's payload: the status code, then the reason as UTF-8 cut to fit in a control frame. */
    static byte[] closePayload(int code, String reason) {
        byte[] text = truncatedUtf8(reason, MAX_CONTROL_PAYLOAD - 2);
        byte[] payload = new byte[2 + text.length];
        payload[0] = (byte) (code >> 8);
        payload[1] = (byte) code;
        System.arraycopy(text, 0, payload, 2, text.length);
        return payload;
    }

    /** Whether a peer may send this status code in a close frame (RFC 6455 7.4). */
    static boolean validCloseCode(int code) {
        return (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014) || (code >= 3000 && code <= 4999);
    }

    private static byte[] truncatedUtf8(String text, int max) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= max) {
            return bytes;
        }
        int end = max;
        // Never cut a character in two: back off to the start of the one that does not fit.
        while (end > 0 && (bytes[end] & 0xC0) == 0x80) {
            end--;
        }
        byte[] cut = new byte[end];
        System.arraycopy(bytes, 0, cut, 0, end);
        return cut;
    }

    private static int readByte(InputStream in) throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException("the connection closed inside a frame header");
        }
        return b;
    }

    private static void readFully(InputStream in, byte[] into, int offset, int length) throws IOException {
        int done = 0;
        while (done < length) {
            int n = in.read(into, offset + done, length - done);
            if (n < 0) {
                throw new EOFException("the connection closed inside a frame");
            }
            done += n;
        }
    }
}
