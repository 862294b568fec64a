package flitter.language.builtins;

import flitter.model.Vector;

/**
 * The mathematical built-ins: {@code abs accumulate acos angle asin ceil cos exp floor fract length
 * log10 log2 log mean polar product round sin sqrt sum tan}. Angles are in turns. Parameter names are
 * the original's, so that they may also be given by name.
 */
public final class MathsLibrary implements Library {
    @Override
    public void register(Registry registry) {
        registry.add(Builtin.elementwise("abs", "xs", Math::abs));
        registry.add(new Builtin("accumulate", Parameters.of("xs", "zs").withDefaults(Vector.TRUE),
            (context, args) -> accumulate(args[0], args[1])));
        registry.add(Builtin.elementwise("acos", "ys", y -> MathsExact.acos(y) / MathsLibm.TAU));
        registry.add(new Builtin("angle", Parameters.of("xy", "ys").withDefaults(Parameters.NONE),
            (context, args) -> pairs(args[0], args[1], true)));
        registry.add(Builtin.elementwise("asin", "ys", y -> MathsExact.asin(y) / MathsLibm.TAU));
        registry.add(Builtin.of("ceil", (context, args) -> args[0].ceil(), "xs"));
        registry.add(Builtin.elementwise("cos", "theta", MathsLibm::cost));
        registry.add(Builtin.elementwise("exp", "xs", MathsExact::exp));
        registry.add(Builtin.of("floor", (context, args) -> args[0].floor(), "xs"));
        registry.add(Builtin.of("fract", (context, args) -> args[0].fract(), "xs"));
        registry.add(new Builtin("length", Parameters.of("xy", "ys").withDefaults(Parameters.NONE),
            (context, args) -> pairs(args[0], args[1], false)));
        registry.add(Builtin.elementwise("log10", "xs", MathsLibm::log10));
        registry.add(Builtin.elementwise("log2", "xs", MathsExact::log2));
        registry.add(Builtin.elementwise("log", "xs", Math::log));
        registry.add(new Builtin("mean", Parameters.of("xs", "zs").withDefaults(Vector.TRUE),
            (context, args) -> mean(args[0], args[1])));
        registry.add(Builtin.of("polar", (context, args) -> polar(args[0]), "theta"));
        registry.add(new Builtin("product", Parameters.of("xs", "w").withDefaults(Vector.TRUE),
            (context, args) -> fold(args[0], args[1], true)));
        registry.add(new Builtin("round", Parameters.of("xs", "ys").withDefaults(Vector.FALSE),
            (context, args) -> round(args[0], args[1])));
        registry.add(Builtin.elementwise("sin", "theta", MathsLibm::sint));
        registry.add(Builtin.elementwise("sqrt", "xs", Math::sqrt));
        registry.add(new Builtin("sum", Parameters.of("xs", "w").withDefaults(Vector.TRUE),
            (context, args) -> fold(args[0], args[1], false)));
        registry.add(Builtin.elementwise("tan", "theta", t -> MathsExact.tan(t * MathsLibm.TAU)));
    }

    /** {@code polar(theta)}: the pairs {@code cos;sin} of each angle. */
    private static Vector polar(Vector theta) {
        double[] t = theta.numbers();
        if (t == null) {
            return Vector.NULL;
        }
        double[] out = new double[t.length * 2];
        for (int i = 0; i < t.length; i++) {
            out[2 * i] = MathsLibm.cost(t[i]);
            out[2 * i + 1] = MathsLibm.sint(t[i]);
        }
        return Vector.of(out);
    }

    /**
     * {@code angle()} and {@code length()}: of each {@code x;y} pair of {@code xy} (an odd last number is
     * ignored), or, given {@code ys}, of {@code xy} and {@code ys} taken in step, the shorter repeating.
     */
    private static Vector pairs(Vector xy, Vector ys, boolean angle) {
        double[] a = xy.numbers();
        if (a == null || (ys != null && ys.numbers() == null)) {
            return Vector.NULL;
        }
        double[] b = ys == null ? null : ys.numbers();
        int n = b == null ? a.length / 2 : Math.max(a.length, b.length);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double x;
            double y;
            if (b == null) {
                x = a[i * 2];
                y = a[i * 2 + 1];
            } else {
                x = a[i % a.length];
                y = b[i % b.length];
            }
            out[i] = angle ? MathsExact.atan2(y, x) / MathsLibm.TAU : Math.sqrt(x * x + y * y);
        }
        return Vector.of(out);
    }

    /**
     * The group size argument of {@code sum()}, {@code product()}, {@code accumulate()} and
     * {@code mean()}: a single number truncated to a C {@code int}; 0 when unusable.
     */
    private static int groupSize(Vector w) {
        double[] ws = w.numbers();
        if (ws == null || ws.length != 1) {
            return 0;
        }
        int m = RandomMath.truncateToInt(ws[0]);
        return m < 1 ? 0 : m;
    }

    private static double[] allocate(int n) throws BuiltinException {
        try {
            return new double[n];
        } catch (OutOfMemoryError e) {
            // The original fails its allocation with a MemoryError, whose message is empty.
            throw new BuiltinException("");
        }
    }

    /** {@code sum(xs, w)} or {@code product(xs, w)}: the {@code w}-element groups of {@code xs} added/multiplied. */
    private static Vector fold(Vector xs, Vector w, boolean multiply) throws BuiltinException {
        if (!isNumbers(xs)) {
            return Vector.NULL;
        }
        int m = groupSize(w);
        if (m == 0) {
            return Vector.NULL;
        }
        double[] x = numbersOrEmpty(xs);
        double[] out = allocate(m);
        if (multiply) {
            java.util.Arrays.fill(out, 1);
        }
        for (int i = 0; i < x.length; i += m) {
            for (int j = 0; j < Math.min(m, x.length - i); j++) {
                if (multiply) {
                    out[j] *= x[i + j];
                } else {
                    out[j] += x[i + j];
                }
            }
        }
        return Vector.of(out);
    }

    /** {@code accumulate(xs, zs)}: running sums within each of the {@code zs} interleaved sequences. */
    private static Vector accumulate(Vector xs, Vector zs) throws BuiltinException {
        double[] x = xs.numbers();
        if (x == null) {
            return Vector.NULL;
        }
        int m = groupSize(zs);
        if (m == 0) {
            return Vector.NULL;
        }
        int n = x.length;
        double[] out = new double[n];
        for (int j = 0; j < Math.min(n, m); j++) {
            out[j] = x[j];
        }
        for (int i = m; i < n; i += m) {
            for (int j = 0; j < Math.min(m, n - i); j++) {
                int k = i + j;
                out[k] = out[k - m] + x[k];
            }
        }
        return Vector.of(out);
    }

    /** {@code mean(xs, zs)}: the means of the {@code zs} interleaved sequences; 0 for one without numbers. */
    private static Vector mean(Vector xs, Vector zs) throws BuiltinException {
        if (!isNumbers(xs)) {
            return Vector.NULL;
        }
        int m = groupSize(zs);
        if (m == 0) {
            return Vector.NULL;
        }
        double[] x = numbersOrEmpty(xs);
        double[] sums = allocate(m);
        double[] counts = allocate(m);
        for (int i = 0; i < x.length; i++) {
            sums[i % m] = sums[i % m] + x[i];
            counts[i % m] = counts[i % m] + 1;
        }
        for (int i = 0; i < m; i++) {
            if (counts[i] != 0) {
                sums[i] = sums[i] / counts[i];
            }
        }
        return Vector.of(sums);
    }

    /** {@code round(xs, ys)}: to {@code floor(ys)} decimal places (C's halves-away-from-zero rounding). */
    private static Vector round(Vector xs, Vector ys) {
        double[] digits = ys.numbers();
        if (digits == null || digits.length != 1) {
            return Vector.NULL;
        }
        long ndigits = RandomMath.floorToLong(digits[0]);
        // Cython's integer power: 0 for a negative exponent, wrapping on overflow.
        long power = 1;
        if (ndigits < 0) {
            power = 0;
        } else {
            long base = 10;
            for (long e = ndigits; e != 0; e >>= 1) {
                if ((e & 1) != 0) {
                    power *= base;
                }
                base *= base;
            }
        }
        double exponent = power;
        return xs.map(x -> MathsLibm.round(x * exponent) / exponent);
    }

    /** A purely numeric vector or null (the original's "no objects" test). */
    private static boolean isNumbers(Vector v) {
        return v.isEmpty() || v.numbers() != null;
    }

    private static double[] numbersOrEmpty(Vector v) {
        double[] x = v.numbers();
        return x == null ? new double[0] : x;
    }
}
