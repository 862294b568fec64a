package flitter.signalling.broadcast.impl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Base64;

import org.junit.jupiter.api.Test;

/** Keys as the original's Cipher derives them; the expected values were computed with Python's cryptography. */
class KeysTest {
    @Test
    void derivesTheOriginalsKeyForTheDefaultSecret() {
        assertArrayEquals(Base64.getUrlDecoder().decode("5JOEprtHba_bEXqed0o_3eVlhKZOsaoqHhe-4AtZl2o="),
            Keys.derive("flitter_webrtc", "test"));
    }

    @Test
    void encodesSecretAndIdAsUtf8() {
        assertArrayEquals(Base64.getUrlDecoder().decode("d3d1hccn_45_pTsvUlWSCGgsglme2ZE94m7nK9loFCk="),
            Keys.derive("caf\u00e9 \u2615", "\u00fcn\u00efcode-id"));
    }

    @Test
    void derivesTheOriginalsKeyForAnEmptySecret() {
        assertArrayEquals(Base64.getUrlDecoder().decode("Tqq40CRhNHbTChH1dY9HRo8vk-HzmsiNJxguakwpw_8="),
            Keys.derive("", "x"));
    }

    @Test
    void derivesOncePerSecretAndId() {
        Keys keys = new Keys();
        assertSame(keys.fernet("flitter_webrtc", "test"), keys.fernet("flitter_webrtc", "test"));
    }
}
