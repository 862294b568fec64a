package flitter.language.builtins;

import java.util.Arrays;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

import flitter.model.Context;
import flitter.model.Vector;

/**
 * A built-in with named parameters, bound the way the original binds a call to its Cython functions:
 * positional arguments first, then named arguments by parameter name, then defaults for what is left.
 * A default of {@code null} stands for the original's {@code None} (the body sees a Java null).
 * Shared by the maths, waves, easing and colour libraries.
 */
final class MathsBuiltin extends Builtin {
    /** The body of a built-in, given one value per parameter. */
    @FunctionalInterface
    interface Body {
        Vector apply(Vector[] args) throws BuiltinException;
    }

    private final String[] params;
    private final int required;
    private final Vector[] defaults;
    private final Body body;

    /**
     * @param name the Flitter name
     * @param params the parameter names, the first {@code required} of them without default
     * @param defaults the defaults of the remaining parameters (a Java null element for the original's None)
     */
    MathsBuiltin(String name, String[] params, Vector[] defaults, Body body) {
        super(name);
        this.params = params.clone();
        this.required = params.length - defaults.length;
        this.defaults = defaults.clone();
        this.body = body;
    }

    /** A one-parameter built-in. */
    static MathsBuiltin of(String name, String param, Body body) {
        return new MathsBuiltin(name, new String[] {param}, new Vector[0], body);
    }

    /** A one-parameter built-in applying {@code op} to each number of a numeric vector (null otherwise). */
    static MathsBuiltin map(String name, String param, DoubleUnaryOperator op) {
        return of(name, param, args -> args[0].map(op));
    }

    @Override
    protected Vector apply(Context context, Vector[] args, Map<String, Vector> named) throws BuiltinException {
        return body.apply(bind(args, named));
    }

    private Vector[] bind(Vector[] args, Map<String, Vector> named) throws BuiltinException {
        int n = params.length;
        if (args.length > n || (args.length < required && (named == null || named.isEmpty()))) {
            throw argumentCount(args.length);
        }
        Vector[] values = Arrays.copyOf(args, n);
        boolean[] given = new boolean[n];
        Arrays.fill(given, 0, args.length, true);
        if (named != null) {
            for (Map.Entry<String, Vector> entry : named.entrySet()) {
                int i = Arrays.asList(params).indexOf(entry.getKey());
                if (i < 0) {
                    throw new BuiltinException(name() + "() got an unexpected keyword argument '" + entry.getKey() + "'");
                }
                if (given[i]) {
                    throw new BuiltinException(name() + "() got multiple values for keyword argument '" + entry.getKey()
                        + "'");
                }
                values[i] = entry.getValue();
                given[i] = true;
            }
        }
        for (int i = 0; i < n; i++) {
            if (!given[i]) {
                if (i < required) {
                    throw argumentCount(i);
                }
                values[i] = defaults[i - required];
            }
        }
        return values;
    }

    /** The original's (Cython's) message for a wrong number of positional arguments. */
    private BuiltinException argumentCount(int given) {
        int max = params.length;
        String bound;
        int expected;
        if (required == max) {
            bound = "exactly";
            expected = max;
        } else if (given < required) {
            bound = "at least";
            expected = required;
        } else {
            bound = "at most";
            expected = max;
        }
        return new BuiltinException(name() + "() takes " + bound + " " + expected + " positional argument"
            + (expected == 1 ? "" : "s") + " (" + given + " given)");
    }

    // --- conversions shared by the libraries ---------------------------------------------------

    /** C's {@code (int)d} as x86-64 does it: NaN and out-of-range values give INT_MIN. */
    static int cInt(double d) {
        return d > -2147483649.0 && d < 2147483648.0 ? (int) d : Integer.MIN_VALUE;
    }

    /** C's {@code (int64_t)d} as x86-64 does it: NaN and out-of-range values give INT64_MIN. */
    static long cLong(double d) {
        return d >= -0x1p63 && d < 0x1p63 ? (long) d : Long.MIN_VALUE;
    }
}
