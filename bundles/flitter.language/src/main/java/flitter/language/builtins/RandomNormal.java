package flitter.language.builtins;

/**
 * The stream behind {@code normal(seed)}: standard normal numbers made pairwise from the uniform
 * stream of the same seed by the Box-Muller transform; items {@code 2k} and {@code 2k+1} share the
 * uniform pair {@code 2k, 2k+1} and take its cosine and sine branch respectively.
 */
final class RandomNormal extends RandomUniform {
    RandomNormal(long seed) {
        super(seed);
    }

    @Override
    public double item(long i) {
        boolean odd = (i & 1) != 0;
        long even = i & ~1L;
        double u1 = RandomMath.squares(seed(), even);
        double u2 = RandomMath.squares(seed(), even + 1);
        if (u1 == 0) {
            double swap = u1;
            u1 = u2;
            u2 = swap;
        }
        double radius = Math.sqrt(-2 * StrictMath.log(u1));
        return odd ? radius * RandomMath.sinTurns(u2) : radius * RandomMath.cosTurns(u2);
    }

    @Override
    String kind() {
        return "normal";
    }
}
