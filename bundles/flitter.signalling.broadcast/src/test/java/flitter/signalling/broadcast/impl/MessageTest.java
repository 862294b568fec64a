package flitter.signalling.broadcast.impl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.zip.Deflater;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import flitter.signalling.broadcast.impl.Message.Kind;

/** Messages on the wire, byte for byte as the original makes them. */
class MessageTest {
    private static final String SDP =
        "v=0\r\no=- 4611731400430051336 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=msid-semantic: WMS \u00e9\r\n";
    /**
     * Made with Python's cryptography as the original does: Cipher('flitter_webrtc', 'test') on
     * zlib.compress(json.dumps({'offer': SDP}).encode('utf8'), 9), at time 1700000000 with IV 16..31.
     */
    private static final byte[] PYTHON_TOKEN = HexFormat.of().parseHex(
        "80000000006553f100101112131415161718191a1b1c1d1e1f70eba3572475a8345fd8175f5f5d3e158f713634c6315bc087ec68"
            + "1e1e002c8fd4e1dc67b45a8a899eb7b7ea14248c398ff919c625ab7faa2e9786289407bfcca1d5539bae1ddffce151c1b46ee7"
            + "db466d27b44120faa426b9b4eb098a5ddfc70847661b084fde9452a2997f0f9791cd7570d672245ffff963ef87526e9ef262d0"
            + "ebd1e538f5369e399d1a68becf8694");
    private static final byte[] IV = HexFormat.of().parseHex("101112131415161718191a1b1c1d1e1f");

    private final Fernet fernet = new Keys().fernet("flitter_webrtc", "test");

    @Test
    void opensAnOfferTheOriginalSealed() throws Exception {
        Message message = Message.parse(fernet.decrypt(PYTHON_TOKEN, 1_700_000_005L, 10));
        assertEquals(new Message(Kind.OFFER, SDP), message);
    }

    @Test
    void sealsAnOfferByteForByteAsTheOriginal() {
        assertArrayEquals(PYTHON_TOKEN, fernet.encrypt(new Message(Kind.OFFER, SDP).compressed(), 1_700_000_000L, IV));
    }

    @Test
    void writesJsonAsPythonsJsonDumps() {
        assertEquals("{\"answer\": \"a\\\"b\\\\c\\n\\u00e9\\u2615\\u0001\\u007f\"}",
            new Message(Kind.ANSWER, "a\"b\\c\n\u00e9\u2615\u0001\u007f").json());
    }

    @Test
    void readsEscapesOtherMembersAndSpacing() throws Exception {
        assertEquals(new Message(Kind.ANSWER, "x/\u00e9\t"),
            Message.parseJson(" {\"n\" : 1.5e3, \"ok\": true,\"answer\":\"x\\/\\u00e9\\t\", \"z\": null} "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "[]", "{}", "{\"offer\": 3}", "{\"offer\": \"x\"", "{\"offer\": \"x\"} x",
        "{\"other\": \"x\"}", "{\"offer\": \"\\q\"}", "{\"offer\": \"\\u12\"}", "{\"offer\": \"a\nb\"}",
        "{\"offer\": \"x\", \"y\": [1]}", "{\"offer\": \"x\", \"y\": {}}"})
    void refusesWhatIsNotAMessage(String json) {
        assertThrows(Message.Malformed.class, () -> Message.parseJson(json));
    }

    @Test
    void refusesDataThatIsNotZlibOrUtf8() {
        assertThrows(Message.Malformed.class, () -> Message.parse(new byte[] {1, 2, 3, 4}));
        byte[] whole = new Message(Kind.OFFER, SDP).compressed();
        assertThrows(Message.Malformed.class, () -> Message.parse(java.util.Arrays.copyOf(whole, whole.length / 2)));
        assertThrows(Message.Malformed.class, () -> Message.parse(deflate(new byte[] {(byte) 0xff, (byte) 0xfe})));
    }

    @Test
    void refusesADecompressionBomb() {
        byte[] bomb = deflate(("{\"offer\": \"" + "A".repeat(Message.MAX_JSON_BYTES * 4) + "\"}")
            .getBytes(StandardCharsets.UTF_8));
        assertThrows(Message.Malformed.class, () -> Message.parse(bomb));
    }

    private static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater(9);
        deflater.setInput(data);
        deflater.finish();
        byte[] out = new byte[data.length + 64];
        int n = deflater.deflate(out);
        deflater.end();
        return java.util.Arrays.copyOf(out, n);
    }
}
