package flitter.language.builtins;

import flitter.model.Generator;

/**
 * The stream behind {@code uniform(seed)}: item {@code i} is the Squares generator's output for
 * counter {@code i} (as an unsigned 64-bit number) and key {@code seed}, scaled to [0, 1).
 */
class RandomUniform implements Generator {
    private final long seed;

    RandomUniform(long seed) {
        this.seed = seed;
    }

    @Override
    public double item(long i) {
        return RandomMath.squares(seed, i);
    }

    @Override
    public final long seed() {
        return seed;
    }

    /** The original's name for the source kind: {@code uniform}, {@code normal} or {@code beta}. */
    String kind() {
        return "uniform";
    }

    @Override
    public final boolean equals(Object other) {
        return other != null && other.getClass() == getClass() && ((RandomUniform) other).seed == seed;
    }

    @Override
    public final int hashCode() {
        return Long.hashCode(seed) ^ getClass().hashCode();
    }

    @Override
    public final String toString() {
        return kind() + "(" + Long.toUnsignedString(seed) + ")";
    }
}
