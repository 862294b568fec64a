package flitter.language.builtins;

import java.util.Map;
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
        registry.add(new Shuffle());
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
        private static final String[] PARAMETERS = {"value"};
        private final LongFunction<RandomUniform> factory;

        Source(String name, LongFunction<RandomUniform> factory) {
            super(name);
            this.factory = factory;
        }

        @Override
        protected Vector apply(Context context, Vector[] args, Map<String, Vector> named) throws BuiltinException {
            Vector[] bound = bind("__init__", args, named, PARAMETERS, 0, false);
            Vector seed = bound[0] == null ? Vector.NULL : bound[0];
            return Vector.of(factory.apply(seedHash(seed)));
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
    }

    private static final class Shuffle extends Builtin {
        private static final String[] PARAMETERS = {"source", "xs"};

        Shuffle() {
            super("shuffle");
        }

        @Override
        protected Vector apply(Context context, Vector[] args, Map<String, Vector> named) throws BuiltinException {
            Vector[] bound = bind(name(), args, named, PARAMETERS, 2, false);
            RandomUniform source = source(bound[0]);
            if (source == null) {
                throw new BuiltinException("Argument 'source' has incorrect type (expected uniform, got Vector)");
            }
            return shuffle(source, bound[1]);
        }
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

    /**
     * Binds positional and named arguments to parameters the way the original's compiled Python
     * functions do, with their error messages.
     *
     * @param function the name used in messages ({@code __init__} for the source classes)
     * @param parameters the parameter names, in order
     * @param required how many leading parameters must be given (the rest default to {@code null})
     * @param varargs whether extra positional arguments are allowed (they stay in {@code args})
     * @return one slot per parameter, {@code null} where not given
     */
    static Vector[] bind(String function, Vector[] args, Map<String, Vector> named, String[] parameters, int required,
        boolean varargs) throws BuiltinException {
        int count = parameters.length;
        if (!varargs && args.length > count) {
            throw new BuiltinException(tooFew(function, count, required, varargs, args.length));
        }
        Vector[] bound = new Vector[count];
        for (int i = 0; i < Math.min(args.length, count); i++) {
            bound[i] = args[i];
        }
        if (named != null) {
            for (Map.Entry<String, Vector> entry : named.entrySet()) {
                int at = -1;
                for (int i = 0; i < count; i++) {
                    if (parameters[i].equals(entry.getKey())) {
                        at = i;
                    }
                }
                if (at < 0) {
                    throw new BuiltinException(function + "() got an unexpected keyword argument '" + entry.getKey() + "'");
                }
                if (bound[at] != null) {
                    throw new BuiltinException(function + "() got multiple values for keyword argument '"
                        + entry.getKey() + "'");
                }
                bound[at] = entry.getValue();
            }
        }
        for (int i = 0; i < required; i++) {
            if (bound[i] == null) {
                throw new BuiltinException(tooFew(function, count, required, varargs, i));
            }
        }
        return bound;
    }

    private static String tooFew(String function, int count, int required, boolean varargs, int given) {
        String how;
        int n;
        if (varargs) {
            how = "at least";
            n = required;
        } else if (required == count) {
            how = "exactly";
            n = count;
        } else if (given > count) {
            how = "at most";
            n = count;
        } else {
            how = "at least";
            n = required;
        }
        return function + "() takes " + how + " " + n + " positional argument" + (n == 1 ? "" : "s") + " (" + given
            + " given)";
    }
}
