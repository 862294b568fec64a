package flitter.language.builtins;

import java.util.function.LongFunction;

import flitter.model.Context;
import flitter.model.Generator;
import flitter.model.Hashing;
import flitter.model.Vector;

/**
 * The pseudo-random sources {@code uniform}, {@code normal} and {@code beta}, and {@code shuffle}.
 *
 * <p>A source is a vector of length 0 that is true and can be indexed without end; its stream is
 * fixed by the seed's hash with numbers floored first (so {@code uniform(1.7)} is {@code uniform(1)}).
 */
final class RandomLibrary implements Library {
    @Override
    public void register(Registry registry) {
        registry.add(new Source("uniform", RandomUniform::new));
        registry.add(new Source("normal", RandomNormal::new));
        registry.add(new Source("beta", RandomBeta::new));
        registry.add(Builtin.of("shuffle", RandomLibrary::shuffle, "source", "xs"));
    }

    /**
     * The hash the original seeds a stream with: the vector hash with numbers floored. A source used
     * as a seed counts as an empty vector (the original copies its zero elements).
     */
    static long seedHash(Vector seed) {
        return seed.generator() != null ? Hashing.START : seed.hash(true);
    }

    /** The stream behind a source vector, or {@code null} when {@code v} is not one. */
    static RandomUniform source(Vector v) {
        Generator generator = v.generator();
        return generator instanceof RandomUniform ? (RandomUniform) generator : null;
    }

    private static final class Source extends Builtin {
        Source(String name, LongFunction<RandomUniform> factory) {
            super(name, Parameters.of("value").withDefaults(Vector.NULL),
                (context, args) -> Vector.of(factory.apply(seedHash(args[0]))));
        }

        /** The original's sources are classes, not functions. */
        @Override
        public String repr() {
            return "<class 'flitter.language.functions.random." + name() + "'>";
        }

        @Override
        String typeName() {
            return "type";
        }

        /** Cython reports a class's argument errors against its constructor. */
        @Override
        String signatureName() {
            return "__init__";
        }
    }

    private static Vector shuffle(Context context, Vector[] args) throws BuiltinException {
        RandomUniform source = source(args[0]);
        if (source == null) {
            throw new BuiltinException("Argument 'source' has incorrect type (expected uniform, got Vector)");
        }
        return shuffle(source, args[1]);
    }

    /** {@code shuffle(source, xs)}: a Fisher-Yates shuffle of a copy of {@code xs} drawing on {@code source}. */
    static Vector shuffle(RandomUniform source, Vector xs) throws BuiltinException {
        int n = xs.length();
        if (n == 0) {
            return Vector.NULL;
        }
        double[] numbers = xs.numbers();
        if (numbers != null) {
            double[] out = numbers.clone();
            int[] swaps = swaps(source, n);
            for (int i = 0; i < n - 1; i++) {
                int j = swaps[i];
                double t = out[i];
                out[i] = out[j];
                out[j] = t;
            }
            return Vector.of(out);
        }
        Object[] out = new Object[n];
        for (int i = 0; i < n; i++) {
            out[i] = xs.get(i);
        }
        int[] swaps = swaps(source, n);
        for (int i = 0; i < n - 1; i++) {
            int j = swaps[i];
            Object t = out[i];
            out[i] = out[j];
            out[j] = t;
        }
        return Vector.ofObjects(out);
    }

    /**
     * The index each position {@code i < n - 1} is swapped with: {@code i + floor(item(i) * (n - i))}.
     * A source whose items lie outside [0, 1) (a normal source) can point outside the vector, where the
     * original reads or writes arbitrary memory; that is reported as an error here.
     */
    private static int[] swaps(RandomUniform source, int n) throws BuiltinException {
        int[] swaps = new int[Math.max(n - 1, 0)];
        int remaining = n;
        for (int i = 0; i < n - 1; i++) {
            int j = RandomMath.truncateToInt(Math.floor(source.item(i) * (double) remaining)) + i;
            remaining--;
            if (j < i || j >= n) {
                throw new BuiltinException("shuffle source gave " + source.item(i) + ", outside [0, 1)");
            }
            swaps[i] = j;
        }
        return swaps;
    }

    /** The permutation of 0..n-1 that {@code shuffle} makes with {@code source}. */
    static int[] permutation(RandomUniform source, int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = i;
        }
        int remaining = n;
        for (int i = 0; i < n - 1; i++) {
            // Uniform items are below 1 but for outputs within 2^-54 of it; keep the index in range.
            int j = Math.min(RandomMath.truncateToInt(Math.floor(source.item(i) * (double) remaining)) + i, n - 1);
            remaining--;
            int t = out[i];
            out[i] = out[j];
            out[j] = t;
        }
        return out;
    }
}
