package flitter.signalling.broadcast.impl;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The Fernet keys of calls, as the original derives them: PBKDF2-HMAC-SHA256 over the secret (UTF-8)
 * with the first 16 bytes of SHA-256 of the call or answer ID (UTF-8) as salt, 480 000 iterations, 32
 * bytes. A derivation takes a few hundred milliseconds, so keys are cached per (secret, ID); callers
 * derive on their own threads, never the render thread.
 */
final class Keys {
    static final int ITERATIONS = 480_000;
    private static final int CACHED = 64;

    private record Id(String secret, String id) {
    }

    private final Map<Id, Fernet> cache = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Id, Fernet> eldest) {
            return size() > CACHED;
        }
    };

    /** The Fernet for {@code secret} and {@code id}, derived once and then cached. */
    Fernet fernet(String secret, String id) {
        Id key = new Id(secret, id);
        synchronized (cache) {
            Fernet cached = cache.get(key);
            if (cached != null) {
                return cached;
            }
        }
        Fernet derived = new Fernet(derive(secret, id));
        synchronized (cache) {
            cache.putIfAbsent(key, derived);
            return cache.get(key);
        }
    }

    /** The 32-byte key for {@code secret} and {@code id}. */
    static byte[] derive(String secret, String id) {
        try {
            byte[] salt = Arrays.copyOf(
                MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8)), 16);
            // SunJCE's PBKDF2 encodes the password's characters as UTF-8, as the original does.
            PBEKeySpec spec = new PBEKeySpec(secret.toCharArray(), salt, ITERATIONS, Fernet.KEY_BYTES * 8);
            try {
                return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            } finally {
                spec.clearPassword();
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks PBKDF2WithHmacSHA256 or SHA-256", e);
        }
    }
}
