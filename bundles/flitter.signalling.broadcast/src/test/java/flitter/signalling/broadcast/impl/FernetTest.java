package flitter.signalling.broadcast.impl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import flitter.signalling.broadcast.impl.Fernet.InvalidToken;
import flitter.signalling.broadcast.impl.Fernet.Reason;

/** The published test vectors of the Fernet spec (github.com/fernet/spec: generate, verify, invalid). */
class FernetTest {
    private static final Fernet SPEC_KEY = new Fernet(
        Base64.getUrlDecoder().decode("cw_0x689RpI-jtRR7oE8h_eQsKImvJapLeSbXpwF4e4="));
    private static final String SPEC_TOKEN =
        "gAAAAAAdwJ6wAAECAwQFBgcICQoLDA0ODy021cpGVWKZ_eEwCGM4BLLF_5CV9dOPmrhuVUPgJobwOz7JcbmrR64jVmpU4IwqDA==";

    private static long seconds(String time) {
        return OffsetDateTime.parse(time).toEpochSecond();
    }

    private static byte[] raw(String token) {
        return Base64.getUrlDecoder().decode(token);
    }

    @Test
    void generatesTheSpecsToken() {
        byte[] iv = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15};
        byte[] token = SPEC_KEY.encrypt("hello".getBytes(StandardCharsets.UTF_8),
            seconds("1985-10-26T01:20:00-07:00"), iv);
        assertArrayEquals(raw(SPEC_TOKEN), token);
    }

    @Test
    void verifiesTheSpecsToken() throws InvalidToken {
        byte[] plain = SPEC_KEY.decrypt(raw(SPEC_TOKEN), seconds("1985-10-26T01:20:01-07:00"), 60);
        assertEquals("hello", new String(plain, StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "incorrect mac, gAAAAAAdwJ6xAAECAwQFBgcICQoLDA0OD3HkMATM5lFqGaerZ-fWPAl1-szkFVzXTuGb4hR8AKtwcaX1YdykQUFBQUFBQUFBQQ==, 1985-10-26T01:20:01-07:00, SIGNATURE",
        "too short, gAAAAAAdwJ6xAAECAwQFBgcICQoLDA0OD3HkMATM5lFqGaerZ-fWPA==, 1985-10-26T01:20:01-07:00, MALFORMED",
        "payload size not multiple of block size, gAAAAAAdwJ6xAAECAwQFBgcICQoLDA0OD3HkMATM5lFqGaerZ-fWPOm73QeoCk9uGib28Xe5vz6oxq5nmxbx_v7mrfyudzUm, 1985-10-26T01:20:01-07:00, MALFORMED",
        "payload padding error, gAAAAAAdwJ6xAAECAwQFBgcICQoLDA0ODz4LEpdELGQAad7aNEHbf-JkLPIpuiYRLQ3RtXatOYREu2FWke6CnJNYIbkuKNqOhw==, 1985-10-26T01:20:01-07:00, PADDING",
        "far-future TS, gAAAAAAdwStRAAECAwQFBgcICQoLDA0OD3HkMATM5lFqGaerZ-fWPAnja1xKYyhd-Y6mSkTOyTGJmw2Xc2a6kBd-iX9b_qXQcw==, 1985-10-26T01:20:01-07:00, FUTURE",
        "expired TTL, gAAAAAAdwJ6xAAECAwQFBgcICQoLDA0OD3HkMATM5lFqGaerZ-fWPAl1-szkFVzXTuGb4hR8AKtwcaX1YdykRtfsH-p1YsUD2Q==, 1985-10-26T01:21:31-07:00, EXPIRED",
        "incorrect IV, gAAAAAAdwJ6xBQECAwQFBgcICQoLDA0OD3HkMATM5lFqGaerZ-fWPAkLhFLHpGtDBRLRTZeUfWgHSv49TF2AUEZ1TIvcZjK1zQ==, 1985-10-26T01:20:01-07:00, PADDING",
    })
    void refusesTheSpecsInvalidTokens(String description, String token, String now, Reason reason) {
        InvalidToken refused = assertThrows(InvalidToken.class, () -> SPEC_KEY.decrypt(raw(token), seconds(now), 60));
        assertEquals(reason, refused.reason, refused.getMessage());
    }

    @Test
    void theSpecsInvalidBase64IsNotAToken() {
        // Only the text form has base64; on the wire tokens are raw bytes.
        assertThrows(IllegalArgumentException.class, () -> raw(
            "%%%%%%%%%%%%%AECAwQFBgcICQoLDA0OD3HkMATM5lFqGaerZ-fWPAl1-szkFVzXTuGb4hR8AKtwcaX1YdykRtfsH-p1YsUD2Q=="));
    }

    @Test
    void anyFlippedBitIsRefused() {
        byte[] token = raw(SPEC_TOKEN);
        long now = seconds("1985-10-26T01:20:01-07:00");
        for (int i = 0; i < token.length * 8; i++) {
            byte[] tampered = token.clone();
            tampered[i / 8] ^= (byte) (1 << (i % 8));
            assertThrows(InvalidToken.class, () -> SPEC_KEY.decrypt(tampered, now, 60), "bit " + i);
        }
    }

    @Test
    void aTokenIsAcceptedUpToItsTimeToLiveAndAMinuteEarly() throws InvalidToken {
        long made = 1_700_000_000L;
        byte[] token = SPEC_KEY.encrypt(new byte[] {42}, made, new byte[16]);
        assertArrayEquals(new byte[] {42}, SPEC_KEY.decrypt(token, made + 10, 10));
        assertArrayEquals(new byte[] {42}, SPEC_KEY.decrypt(token, made - 60, 10));
        assertEquals(Reason.EXPIRED, assertThrows(InvalidToken.class, () -> SPEC_KEY.decrypt(token, made + 11, 10)).reason);
        assertEquals(Reason.FUTURE, assertThrows(InvalidToken.class, () -> SPEC_KEY.decrypt(token, made - 61, 10)).reason);
    }
}
