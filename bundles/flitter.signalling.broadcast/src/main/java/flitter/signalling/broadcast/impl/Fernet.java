package flitter.signalling.broadcast.impl;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;

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

    // Refusals that say nothing about the token: shared, as they carry no stack trace and no state.
    private static final InvalidToken TOO_SHORT = new InvalidToken(Reason.MALFORMED, "too short for a token");
    private static final InvalidToken NOT_VERSION_0X80 = new InvalidToken(Reason.MALFORMED, "version byte is not 0x80");
    private static final InvalidToken NOT_WHOLE_BLOCKS = new InvalidToken(Reason.MALFORMED, "ciphertext is not whole blocks");
    private static final InvalidToken WRONG_SIGNATURE = new InvalidToken(Reason.SIGNATURE, "signature does not match this key");

    /** A refused token. Carries no stack trace and cannot be changed: hostile input makes many. */
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
            Mac mac = MACS.get();
            mac.init(signing);
            mac.update(token.array(), 0, token.position());
            token.put(mac.doFinal());
            return token.array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks AES-CBC or HMAC-SHA256", e);
        }
    }

    /** {@link #decrypt(byte[], int, int, long, long)} of a whole array. */
    byte[] decrypt(byte[] token, long now, long ttl) throws InvalidToken {
        return decrypt(token, 0, token.length, now, ttl);
    }

    /**
     * The plaintext of the token in {@code length} bytes of {@code data} at {@code offset}, checked as the
     * spec says: format, then signature, then age against {@code now} (seconds): older than {@code ttl}
     * seconds or more than a minute ahead is refused; then decryption and padding. Refusing a token that
     * is not signed with this key allocates almost nothing (hostile input comes in floods).
     */
    byte[] decrypt(byte[] data, int offset, int length, long now, long ttl) throws InvalidToken {
        if (length < HEADER + BLOCK + MAC_BYTES) {
            throw TOO_SHORT;
        }
        if (data[offset] != VERSION) {
            throw NOT_VERSION_0X80;
        }
        int ciphertext = length - HEADER - MAC_BYTES;
        if (ciphertext % BLOCK != 0) {
            throw NOT_WHOLE_BLOCKS;
        }
        try {
            Mac mac = MACS.get();
            mac.init(signing);
            mac.update(data, offset, length - MAC_BYTES);
            byte[] expected = mac.doFinal();
            int signature = offset + length - MAC_BYTES;
            int difference = 0;
            for (int i = 0; i < MAC_BYTES; i++) {
                difference |= expected[i] ^ data[signature + i];
            }
            if (difference != 0) {
                throw WRONG_SIGNATURE;
            }
            long timestamp = ByteBuffer.wrap(data, offset + 1, 8).getLong();
            if (timestamp + ttl < now) {
                throw new InvalidToken(Reason.EXPIRED, "made " + (now - timestamp) + " s ago (time to live " + ttl + " s)");
            }
            if (timestamp > now + MAX_CLOCK_SKEW_SECONDS) {
                throw new InvalidToken(Reason.FUTURE, "made " + (timestamp - now) + " s in the future");
            }
            Cipher aes = Cipher.getInstance("AES/CBC/PKCS5Padding");
            aes.init(Cipher.DECRYPT_MODE, encryption, new IvParameterSpec(data, offset + 9, IV_BYTES));
            return aes.doFinal(data, offset + HEADER, ciphertext);
        } catch (javax.crypto.BadPaddingException e) {
            throw new InvalidToken(Reason.PADDING, "bad padding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks AES-CBC or HMAC-SHA256", e);
        }
    }

    /** One HMAC engine per thread, keyed anew for each token. */
    private static final ThreadLocal<Mac> MACS = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks HMAC-SHA256", e);
        }
    });
}
