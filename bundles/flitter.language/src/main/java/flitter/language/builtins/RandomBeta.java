package flitter.language.builtins;

/**
 * The stream behind {@code beta(seed)}: item {@code i} is the median of uniform items {@code 4i},
 * {@code 4i+1} and {@code 4i+2} of the same seed, i.e. Beta(2, 2) distributed.
 */
final class RandomBeta extends RandomUniform {
    RandomBeta(long seed) {
        super(seed);
    }

    @Override
    public double item(long i) {
        long base = i << 2;
        double u1 = RandomMath.squares(seed(), base);
        double u2 = RandomMath.squares(seed(), base + 1);
        double u3 = RandomMath.squares(seed(), base + 2);
        if (u1 <= u2 && u1 <= u3) {
            return Math.min(u2, u3);
        }
        if (u2 <= u1 && u2 <= u3) {
            return Math.min(u1, u3);
        }
        return Math.min(u1, u2);
    }

    @Override
    String kind() {
        return "beta";
    }
}
