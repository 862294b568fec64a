package flitter.language.builtins;

/**
 * Low-level arithmetic shared by the pseudo-random sources and the noise functions, reproducing the
 * C semantics of the original bit for bit: unsigned 64-bit integers held in {@code long}, x86-64
 * double→int64 truncation, and the turn-based sine and cosine.
 */
final class RandomMath {
    private static final double TWO_POW_64 = 0x1p64;

    private RandomMath() {
    }

    /** C's {@code (double) x} for an unsigned 64-bit {@code x}: round to nearest, ties to even. */
    static double unsignedToDouble(long x) {
        if (x >= 0) {
            return x;
        }
        // Halve (keeping the lost bit as a sticky bit so rounding is unchanged), convert, double.
        return ((double) ((x >>> 1) | (x & 1))) * 2.0;
    }

    /**
     * C's {@code (int64_t) d} as x86-64 computes it (cvttsd2si): truncation toward zero, and the
     * "integer indefinite" value {@code INT64_MIN} for NaN and for anything out of range (where Java
     * would saturate instead).
     */
    static long truncateToLong(double d) {
        if (d >= -0x1p63 && d < 0x1p63) {
            return (long) d;
        }
        return Long.MIN_VALUE;
    }

    /** C's {@code (int64_t) floor(d)} on x86-64. */
    static long floorToLong(double d) {
        return truncateToLong(Math.floor(d));
    }

    /** C's {@code (int) d} on x86-64 (cvttsd2si, 32-bit): {@code INT_MIN} when out of range or NaN. */
    static int truncateToInt(double d) {
        if (d > -2147483649.0 && d < 2147483648.0) {
            return (int) d;
        }
        return Integer.MIN_VALUE;
    }

    /**
     * The original's uniform pseudo-random number: a 64-bit output of the 5-round Squares counter-based
     * generator (Widynski, arXiv:2004.06278) for counter {@code i} and key {@code key}, scaled to
     * [0, 1] (1 itself only when the output rounds up to 2^64).
     */
    static double squares(long key, long i) {
        long y = i * key;
        long z = y + key;
        long x = y;
        x = x * x + y;
        x = (x >>> 32) | (x << 32);
        x = x * x + z;
        x = (x >>> 32) | (x << 32);
        x = x * x + y;
        x = (x >>> 32) | (x << 32);
        x = x * x + z;
        long t = x;
        x = (x >>> 32) | (x << 32);
        x = x * x + y;
        t ^= x >>> 32;
        return unsignedToDouble(t) / TWO_POW_64;
    }

    /**
     * Sine of {@code t} turns (the original's {@code sint}): exact at quarter turns. Not
     * {@link MathsLibm#sint}: this one is built on {@link StrictMath}, and the normal streams depend on
     * it (the two differ in the last bit for about 2.5% of arguments).
     */
    static double sinTurns(double t) {
        if (t < 0) {
            return -sinTurns(-t);
        }
        double x = t * 4.0;
        // remquo(x, 1.0): r = x - n with n the nearest integer (ties to even), |r| <= 0.5
        double r = Math.IEEEremainder(x, 1.0);
        double n = x - r;
        int q = (int) (n % 4.0);
        double a = r * (Math.PI / 2);
        switch (q) {
            case 0:
                return StrictMath.sin(a);
            case 1:
                return StrictMath.cos(a);
            case 2:
                return -StrictMath.sin(a);
            default:
                return -StrictMath.cos(a);
        }
    }

    /** Cosine of {@code t} turns (the original's {@code cost}). */
    static double cosTurns(double t) {
        return sinTurns(t + 0.25);
    }
}
