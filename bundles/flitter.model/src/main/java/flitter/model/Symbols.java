package flitter.model;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Symbols ({@code :name}) are numbers: the top 52 bits of the FNV-1a hash of the name, as the mantissa
 * of a huge negative double (below -1e292), exactly as the original computes them, so that symbols
 * used as seeds give the same pseudo-random numbers.
 *
 * <p>The number of a name never changes, so the table that maps numbers back to names (for printing
 * and for string conversion) is a process-wide cache of a pure function rather than state.
 */
public final class Symbols {
    private static final long PREFIX = 0xffe0_0000_0000_0000L;
    private static final ConcurrentHashMap<Double, String> NAMES = new ConcurrentHashMap<>();

    private Symbols() {
    }

    /** The number of the symbol {@code :name}, registering the name for printing. */
    public static double number(String name) {
        double number = Double.longBitsToDouble(PREFIX | (Hashing.string(name) >>> 12));
        NAMES.putIfAbsent(number, name);
        return number;
    }

    /** The name of a symbol's number, or {@code null} when the number is no known symbol. */
    public static String name(double number) {
        if (number > -1e292) {
            return null;
        }
        return NAMES.get(number);
    }
}
