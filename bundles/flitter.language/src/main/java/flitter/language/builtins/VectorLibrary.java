package flitter.language.builtins;

import flitter.model.Vector;

/**
 * Functions on whole vectors: {@code len}, {@code sort}, {@code snap}, {@code min}, {@code max},
 * {@code minindex}, {@code maxindex}, {@code hypot}, {@code cross}, {@code dot}, {@code normalize},
 * {@code map}, {@code clamp}, {@code zip} and {@code count}.
 */
final class VectorLibrary implements Library {
    @Override
    public void register(Registry registry) {
        registry.add(Builtin.of("len", (c, a) -> Vector.of((double) a[0].length()), "xs"));
        registry.add(Builtin.of("sort", (c, a) -> sort(a[0]), "xs"));
        registry.add(Builtin.of("snap", (c, a) -> snap(a[0]), "xs"));
        registry.add(new Builtin("min", Parameters.of("xs").withRest(), (c, a) -> extreme(a, false)));
        registry.add(new Builtin("max", Parameters.of("xs").withRest(), (c, a) -> extreme(a, true)));
        registry.add(new Builtin("minindex", Parameters.of("xs").withRest(), (c, a) -> extremeIndex(a, false)));
        registry.add(new Builtin("maxindex", Parameters.of("xs").withRest(), (c, a) -> extremeIndex(a, true)));
        registry.add(new Builtin("hypot", Parameters.of().withRest(), (c, a) -> hypot(a)));
        registry.add(Builtin.of("cross", (c, a) -> cross(a[0], a[1]), "xs", "ys"));
        registry.add(Builtin.of("dot", (c, a) -> dot(a[0], a[1]), "xs", "ys"));
        registry.add(Builtin.of("normalize", (c, a) -> normalize(a[0]), "xs"));
        registry.add(Builtin.of("map", (c, a) -> map(a[0], a[1], a[2]), "xs", "ys", "zs"));
        registry.add(Builtin.of("clamp", (c, a) -> clamp(a[0], a[1], a[2]), "xs", "ys", "zs"));
        registry.add(new Builtin("zip", Parameters.of().withRest(), (c, a) -> zip(a)));
        registry.add(Builtin.of("count", (c, a) -> count(a[0], a[1]), "xs", "ys"));
    }

    private static Object[] elements(Vector xs) {
        Object[] items = new Object[xs.length()];
        for (int i = 0; i < items.length; i++) {
            items[i] = xs.get(i);
        }
        return items;
    }

    static Vector sort(Vector xs) throws BuiltinException {
        double[] numbers = xs.numbers();
        if (numbers != null) {
            Object[] boxed = elements(xs);
            VectorOrder.sort(boxed);
            double[] out = new double[boxed.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = (Double) boxed[i];
            }
            return Vector.of(out);
        }
        Object[] items = elements(xs);
        VectorOrder.sort(items);
        return Vector.ofObjects(items);
    }

    static Vector snap(Vector xs) {
        double[] numbers = xs.numbers();
        if (numbers == null) {
            return Vector.NULL;
        }
        double[] out = new double[numbers.length];
        for (int i = 0; i < out.length; i++) {
            double x = numbers[i];
            if (x < 0) {
                x = 0;
            } else if (x > 1) {
                x = 1;
            }
            out[i] = x < 0.5 ? Math.sqrt(x * 2) / 2 : 1 - Math.sqrt((1 - x) * 2) / 2;
        }
        return Vector.of(out);
    }

    /** Whether {@code x} beats {@code best}: less than it for a minimum, greater for a maximum. */
    private static boolean beats(Object x, Object best, boolean greatest) throws BuiltinException {
        return greatest ? VectorOrder.greaterThan(x, best) : VectorOrder.lessThan(x, best);
    }

    /** The position of the least (or greatest) element, the first of equals; -1 when empty. */
    private static int extremeElement(Vector xs, boolean greatest) throws BuiltinException {
        int n = xs.length();
        if (n == 0) {
            return -1;
        }
        int best = 0;
        double[] numbers = xs.numbers();
        if (numbers != null) {
            double f = numbers[0];
            for (int i = 1; i < n; i++) {
                if (greatest ? numbers[i] > f : numbers[i] < f) {
                    f = numbers[i];
                    best = i;
                }
            }
        } else {
            Object y = xs.get(0);
            for (int i = 1; i < n; i++) {
                Object x = xs.get(i);
                if (beats(x, y, greatest)) {
                    y = x;
                    best = i;
                }
            }
        }
        return best;
    }

    /** Among several vectors, the position of the least (or greatest); -1 when two cannot be compared. */
    private static int extremeVector(Vector[] args, boolean greatest) {
        int best = 0;
        for (int i = 1; i < args.length; i++) {
            int c = args[i].compare(args[best]);
            if (c == Integer.MIN_VALUE) {
                return -1;
            }
            if (c == (greatest ? 1 : -1)) {
                best = i;
            }
        }
        return best;
    }

    static Vector extreme(Vector[] args, boolean greatest) throws BuiltinException {
        if (args.length == 1) {
            int i = extremeElement(args[0], greatest);
            return i < 0 ? Vector.NULL : args[0].item(i);
        }
        int i = extremeVector(args, greatest);
        return i < 0 ? Vector.NULL : args[i];
    }

    static Vector extremeIndex(Vector[] args, boolean greatest) throws BuiltinException {
        int i = args.length == 1 ? extremeElement(args[0], greatest) : extremeVector(args, greatest);
        return i < 0 ? Vector.NULL : Vector.of((double) i);
    }

    static Vector hypot(Vector[] args) {
        if (args.length == 0) {
            return Vector.NULL;
        }
        if (args.length == 1) {
            double[] xs = args[0].numbers();
            if (xs == null) {
                return Vector.NULL;
            }
            double y = 0;
            for (double x : xs) {
                y += x * x;
            }
            return Vector.of(Math.sqrt(y));
        }
        int n = 0;
        double[][] all = new double[args.length][];
        for (int j = 0; j < args.length; j++) {
            all[j] = args[j].numbers();
            if (all[j] == null) {
                return Vector.NULL;
            }
            n = Math.max(n, all[j].length);
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double y = 0;
            for (double[] xs : all) {
                double x = xs[i % xs.length];
                y += x * x;
            }
            out[i] = Math.sqrt(y);
        }
        return Vector.of(out);
    }

    static Vector cross(Vector xs, Vector ys) {
        double[] a = xs.numbers();
        double[] b = ys.numbers();
        if (a == null || a.length != 3 || b == null || b.length != 3) {
            return Vector.NULL;
        }
        return Vector.of(a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]);
    }

    static Vector dot(Vector xs, Vector ys) {
        double[] a = xs.numbers();
        double[] b = ys.numbers();
        if (a == null || b == null) {
            return Vector.NULL;
        }
        double sum = 0;
        for (int i = 0, n = Math.max(a.length, b.length); i < n; i++) {
            sum += a[i % a.length] * b[i % b.length];
        }
        return Vector.of(sum);
    }

    static Vector normalize(Vector xs) {
        double[] a = xs.numbers();
        if (a == null) {
            return Vector.NULL;
        }
        double y = 0;
        for (double x : a) {
            y += x * x;
        }
        if (y == 0) {
            return Vector.NULL;
        }
        y = Math.sqrt(y);
        double[] out = new double[a.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = a[i] / y;
        }
        return Vector.of(out);
    }

    /** The function of three numbers that {@code map} and {@code clamp} apply item by item. */
    @FunctionalInterface
    private interface Ternary {
        double apply(double x, double y, double z);
    }

    /** {@code op} over three numeric vectors, each repeated to the length of the longest; null otherwise. */
    private static Vector itemwise(Vector xs, Vector ys, Vector zs, Ternary op) {
        double[] x = xs.numbers();
        double[] y = ys.numbers();
        double[] z = zs.numbers();
        if (x == null || y == null || z == null) {
            return Vector.NULL;
        }
        double[] out = new double[Math.max(x.length, Math.max(y.length, z.length))];
        for (int i = 0; i < out.length; i++) {
            out[i] = op.apply(x[i % x.length], y[i % y.length], z[i % z.length]);
        }
        return Vector.of(out);
    }

    static Vector map(Vector xs, Vector ys, Vector zs) {
        return itemwise(xs, ys, zs, (t, y, z) -> (1 - t) * y + t * z);
    }

    static Vector clamp(Vector xs, Vector ys, Vector zs) {
        return itemwise(xs, ys, zs, (d, l, h) -> {
            d = d > l ? d : l;
            return h < d ? h : d;
        });
    }

    static Vector zip(Vector[] args) {
        int count = 0;
        int n = 0;
        boolean numeric = true;
        for (Vector v : args) {
            if (v.length() > 0) {
                count++;
                n = Math.max(n, v.length());
                numeric &= v.numbers() != null;
            }
        }
        if (count == 0) {
            return Vector.NULL;
        }
        Vector[] vs = new Vector[count];
        int k = 0;
        for (Vector v : args) {
            if (v.length() > 0) {
                vs[k++] = v;
            }
        }
        if (count == 1) {
            return vs[0];
        }
        if (numeric) {
            double[] out = new double[n * count];
            for (int j = 0; j < count; j++) {
                double[] numbers = vs[j].numbers();
                for (int i = 0; i < n; i++) {
                    out[i * count + j] = numbers[i % numbers.length];
                }
            }
            return Vector.of(out);
        }
        Vector.Builder out = new Vector.Builder(n * count);
        for (int i = 0; i < n; i++) {
            for (Vector v : vs) {
                out.add(v.get(i % v.length()));
            }
        }
        return out.build();
    }

    static Vector count(Vector xs, Vector ys) throws BuiltinException {
        int n = xs.length();
        if (n == 0) {
            return Vector.NULL;
        }
        int m = ys.length();
        double[] out = new double[n];
        double[] a = xs.numbers();
        double[] b = ys.numbers();
        if (a != null && b != null) {
            for (int i = 0; i < n; i++) {
                int k = 0;
                for (double y : b) {
                    if (y == a[i]) {
                        k++;
                    }
                }
                out[i] = k;
            }
            return Vector.of(out);
        }
        for (int i = 0; i < n; i++) {
            Object x = xs.get(i);
            int k = 0;
            for (int j = 0; j < m; j++) {
                if (VectorOrder.equal(ys.get(j), x)) {
                    k++;
                }
            }
            out[i] = k;
        }
        return Vector.of(out);
    }
}
