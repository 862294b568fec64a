package flitter.signalling.broadcast.impl;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * One signalling message, {@code {"offer": SDP}} or {@code {"answer": SDP}}, and its encoding on the
 * wire as the original makes it: JSON as Python's {@code json.dumps} writes it (ASCII, {@code ": "}),
 * UTF-8, zlib at level 9, then a Fernet token.
 */
record Message(Kind kind, String sdp) {
    /** Inflated messages larger than this are refused (an SDP is a few kilobytes). */
    static final int MAX_JSON_BYTES = 1 << 20;

    enum Kind {
        OFFER, ANSWER;

        String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A datagram that decrypted but does not hold a message. */
    static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    /** The plaintext of the token: the JSON, deflated. */
    byte[] compressed() {
        byte[] json = json().getBytes(StandardCharsets.UTF_8);
        Deflater deflater = new Deflater(9);
        try {
            deflater.setInput(json);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(json.length / 2 + 64);
            byte[] chunk = new byte[4096];
            while (!deflater.finished()) {
                out.write(chunk, 0, deflater.deflate(chunk));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /** The JSON text, escaped as Python's {@code json.dumps} does by default. */
    String json() {
        StringBuilder out = new StringBuilder(sdp.length() + 32);
        out.append("{\"").append(kind.key()).append("\": \"");
        for (int i = 0; i < sdp.length(); i++) {
            char c = sdp.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append("\"}").toString();
    }

    /** The message in a token's plaintext: zlib data holding a JSON object with one SDP string. */
    static Message parse(byte[] compressed) throws Malformed {
        return parseJson(utf8(inflate(compressed)));
    }

    private static byte[] inflate(byte[] compressed) throws Malformed {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(compressed);
            ByteArrayOutputStream out = new ByteArrayOutputStream(compressed.length * 3);
            byte[] chunk = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(chunk);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new Malformed("truncated zlib data");
                }
                out.write(chunk, 0, n);
                if (out.size() > MAX_JSON_BYTES) {
                    throw new Malformed("inflates to more than " + MAX_JSON_BYTES + " bytes");
                }
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new Malformed("not zlib data: " + e.getMessage());
        } finally {
            inflater.end();
        }
    }

    private static String utf8(byte[] bytes) throws Malformed {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new Malformed("not UTF-8");
        }
    }

    /**
     * A JSON object whose member {@code "offer"} or {@code "answer"} is a string (other members are
     * skipped if they are strings, numbers, booleans or null; the first offer or answer wins).
     */
    static Message parseJson(String text) throws Malformed {
        JsonReader reader = new JsonReader(text);
        Message found = null;
        reader.expect('{');
        if (!reader.next('}')) {
            do {
                String name = reader.string();
                reader.expect(':');
                if (reader.peek() == '"') {
                    String value = reader.string();
                    if (found == null && (name.equals("offer") || name.equals("answer"))) {
                        found = new Message(name.equals("offer") ? Kind.OFFER : Kind.ANSWER, value);
                    }
                } else {
                    reader.scalar();
                }
            } while (reader.next(','));
            reader.expect('}');
        }
        reader.end();
        if (found == null) {
            throw new Malformed("no offer or answer in the message");
        }
        return found;
    }

    /** Just enough JSON for one flat object. */
    private static final class JsonReader {
        private final String text;
        private int at;

        JsonReader(String text) {
            this.text = text;
        }

        char peek() throws Malformed {
            skipSpace();
            if (at >= text.length()) {
                throw new Malformed("JSON ends early");
            }
            return text.charAt(at);
        }

        void expect(char c) throws Malformed {
            if (peek() != c) {
                throw new Malformed("JSON: expected '" + c + "' at " + at);
            }
            at++;
        }

        boolean next(char c) throws Malformed {
            if (peek() == c) {
                at++;
                return true;
            }
            return false;
        }

        void end() throws Malformed {
            skipSpace();
            if (at != text.length()) {
                throw new Malformed("JSON: text after the object at " + at);
            }
        }

        String string() throws Malformed {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (true) {
                if (at >= text.length()) {
                    throw new Malformed("JSON: unterminated string");
                }
                char c = text.charAt(at++);
                if (c == '"') {
                    return out.toString();
                }
                if (c < 0x20) {
                    throw new Malformed("JSON: control character in a string at " + (at - 1));
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                if (at >= text.length()) {
                    throw new Malformed("JSON: unterminated escape");
                }
                char e = text.charAt(at++);
                switch (e) {
                    case '"', '\\', '/' -> out.append(e);
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'u' -> {
                        if (at + 4 > text.length()) {
                            throw new Malformed("JSON: short \\u escape");
                        }
                        try {
                            out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                        } catch (NumberFormatException x) {
                            throw new Malformed("JSON: bad \\u escape at " + at);
                        }
                        at += 4;
                    }
                    default -> throw new Malformed("JSON: bad escape '\\" + e + "'");
                }
            }
        }

        /** Skips a number, true, false or null. */
        void scalar() throws Malformed {
            int start = at;
            while (at < text.length() && "+-.0123456789eEtruefalsn".indexOf(text.charAt(at)) >= 0) {
                at++;
            }
            String word = text.substring(start, at);
            if (word.isEmpty() || !(word.equals("true") || word.equals("false") || word.equals("null")
                    || word.matches("-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?"))) {
                throw new Malformed("JSON: unsupported value at " + start);
            }
        }

        private void skipSpace() {
            while (at < text.length() && " \t\r\n".indexOf(text.charAt(at)) >= 0) {
                at++;
            }
        }
    }
}
