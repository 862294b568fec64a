package flitter.model;

/**
 * The original's 64-bit hashes: FNV-1a over a string's code points, and a splitmix64-style mixing
 * step that folds values into a running hash. Seeds for pseudo-random streams and symbol numbers are
 * made from these, so they must agree bit for bit.
 */
public final class Hashing {
    /** Where every vector hash starts. */
    public static final long START = 0xe220a8397b1dcdafL;

    private Hashing() {
    }

    /** Folds {@code value} into {@code hash}. */
    public static long update(long hash, long value) {
        hash ^= value;
        hash += 0x9e3779b97f4a7c15L;
        hash ^= hash >>> 30;
        hash *= 0xbf58476d1ce4e5b9L;
        hash ^= hash >>> 27;
        hash *= 0x94d049bb133111ebL;
        hash ^= hash >>> 31;
        return hash;
    }

    /** FNV-1a over the string's Unicode code points. */
    public static long string(String text) {
        long y = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            y = (y ^ c) * 0x100000001b3L;
            i += Character.charCount(c);
        }
        return y;
    }
}
