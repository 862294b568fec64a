package flitter.signalling.broadcast.impl;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Fernet tokens (github.com/fernet/spec) in their raw, not base64, form: version byte {@code 0x80},
 * timestamp (seconds, 64-bit big-endian), 16-byte IV, AES-128-CBC ciphertext with PKCS#7 padding, and an
 * HMAC-SHA256 over all of that. The 32-byte key is the signing key followed by the encryption key.
 * Immutable and thread-safe.
 */
final class Fernet {
    static final int KEY_BYTES = 32;
    static final int IV_BYTES = 16;
    private static final byte VERSION = (byte) 0x80;
    private static final int HEADER = 1 + 8 + IV_BYTES;
    private static final int MAC_BYTES = 32;
    private static final int BLOCK = 16;
    /** How far in the future a token's timestamp may be (the reference implementations' clock skew). */
    static final long MAX_CLOCK_SKEW_SECONDS = 60;

    private final SecretKeySpec signing;
    private final SecretKeySpec encryption;

    Fernet(byte[] key) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("a Fernet key has 32 bytes, not " + key.length);
        }
        this.signing = new SecretKeySpec(key, 0, 16, "HmacSHA256");
        this.encryption = new SecretKeySpec(key, 16, 16, "AES");
    }

    /** Why a token was refused. */
    enum Reason {
        /** Not a token: too short, wrong version, or not whole blocks. */
        MALFORMED,
        /** The HMAC does not match: another key (another ID or secret) or tampering. */
        SIGNATURE,
        /** Older than the time to live. */
        EXPIRED,
        /** Made more than {@value Fernet#MAX_CLOCK_SKEW_SECONDS} s in the future. */
        FUTURE,
        /** Signed, but the plaintext's padding is wrong. */
        PADDING
    }

    /** A refused token. Carries no stack trace: hostile input makes many. */
    static final class InvalidToken extends Exception {
        private static final long serialVersionUID = 1L;
        final Reason reason;

        InvalidToken(Reason reason, String message) {
            super(message, null, false, false);
            this.reason = reason;
        }
    }

    /** The token for {@code plaintext} made at {@code timestamp} (seconds) with {@code iv}. */
    byte[] encrypt(byte[] plaintext, long timestamp, byte[] iv) {
        if (iv.length != IV_BYTES) {
            throw new IllegalArgumentException("a Fernet IV has 16 bytes, not " + iv.length);
        }
        try {
            Cipher aes = Cipher.getInstance("AES/CBC/PKCS5Padding");
            aes.init(Cipher.ENCRYPT_MODE, encryption, new IvParameterSpec(iv));
            byte[] ciphertext = aes.doFinal(plaintext);
            ByteBuffer token = ByteBuffer.allocate(HEADER + ciphertext.length + MAC_BYTES);
            token.put(VERSION).putLong(timestamp).put(iv).put(ciphertext);
            Mac mac = mac();
            mac.update(token.array(), 0, token.position());
            token.put(mac.doFinal());
            return token.array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks AES-CBC or HMAC-SHA256", e);
        }
    }

    /**
     * The plaintext of {@code token}, checked as the spec says: format, then signature, then age
     * against {@code now} (seconds): older than {@code ttl} seconds or more than a minute ahead is
     * refused; then decryption and padding.
     */
    byte[] decrypt(byte[] token, long now, long ttl) throws InvalidToken {
        int length = token.length;
        if (length < HEADER + BLOCK + MAC_BYTES) {
            throw new InvalidToken(Reason.MALFORMED, "too short for a token (" + length + " bytes)");
        }
        if (token[0] != VERSION) {
            throw new InvalidToken(Reason.MALFORMED, String.format("version byte 0x%02x, not 0x80", token[0] & 0xff));
        }
        int ciphertext = length - HEADER - MAC_BYTES;
        if (ciphertext % BLOCK != 0) {
            throw new InvalidToken(Reason.MALFORMED, "ciphertext of " + ciphertext + " bytes is not whole blocks");
        }
        try {
            Mac mac = mac();
            mac.update(token, 0, length - MAC_BYTES);
            byte[] expected = mac.doFinal();
            if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(token, length - MAC_BYTES, length))) {
                throw new InvalidToken(Reason.SIGNATURE, "signature does not match this key");
            }
            long timestamp = ByteBuffer.wrap(token, 1, 8).getLong();
            if (timestamp + ttl < now) {
                throw new InvalidToken(Reason.EXPIRED, "made " + (now - timestamp) + " s ago (time to live " + ttl + " s)");
            }
            if (timestamp > now + MAX_CLOCK_SKEW_SECONDS) {
                throw new InvalidToken(Reason.FUTURE, "made " + (timestamp - now) + " s in the future");
            }
            Cipher aes = Cipher.getInstance("AES/CBC/PKCS5Padding");
            aes.init(Cipher.DECRYPT_MODE, encryption, new IvParameterSpec(token, 9, IV_BYTES));
            return aes.doFinal(token, HEADER, ciphertext);
        } catch (javax.crypto.BadPaddingException e) {
            throw new InvalidToken(Reason.PADDING, "bad padding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks AES-CBC or HMAC-SHA256", e);
        }
    }

    private Mac mac() throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(signing);
        return mac;
    }
}
