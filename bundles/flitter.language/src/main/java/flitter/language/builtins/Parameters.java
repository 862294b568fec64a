package flitter.language.builtins;

import java.util.Arrays;
import java.util.Map;

import flitter.model.Vector;

/**
 * The parameters of a built-in, and the binding of a call's arguments to them as Cython binds a call
 * to the original's compiled functions: positional arguments first, then named arguments by parameter
 * name, then defaults for what is left, with Cython's messages for each mistake.
 *
 * <p>Some of the original's functions take the calling context as their first parameter. Programs
 * cannot pass it, but it still counts in Cython's messages ({@code debug()} "takes exactly 2
 * positional arguments (1 given)") and naming it gives "multiple values for keyword argument
 * 'context'"; {@link #afterContext} keeps that.
 */
final class Parameters {
    private static final String CONTEXT = "context";

    /** The original's None as a default (the body sees a Java null). */
    static final Vector NONE = null;

    /** Every parameter in order, the context first where there is one. */
    private final String[] names;
    /** 1 where the first of {@link #names} is the context, which the call always supplies. */
    private final int hidden;
    /** The defaults of the last {@code defaults.length} parameters; a Java null is the original's None. */
    private final Vector[] defaults;
    /** Whether further positional arguments are taken (and passed on after the parameters). */
    private final boolean variadic;

    private Parameters(String[] names, int hidden, Vector[] defaults, boolean variadic) {
        this.names = names;
        this.hidden = hidden;
        this.defaults = defaults;
        this.variadic = variadic;
    }

    /** Required parameters with these names. */
    static Parameters of(String... names) {
        return new Parameters(names.clone(), 0, new Vector[0], false);
    }

    /** Required parameters with these names, after the context. */
    static Parameters afterContext(String... names) {
        String[] all = new String[names.length + 1];
        all[0] = CONTEXT;
        System.arraycopy(names, 0, all, 1, names.length);
        return new Parameters(all, 1, new Vector[0], false);
    }

    /** These parameters with the last {@code defaults.length} of them optional. */
    Parameters withDefaults(Vector... defaults) {
        return new Parameters(names, hidden, defaults.clone(), variadic);
    }

    /** These parameters followed by any number of further positional arguments. */
    Parameters withRest() {
        return new Parameters(names, hidden, defaults, true);
    }

    /**
     * @param function the name Cython gives in its messages
     * @return a value for each parameter but the context (its default where not given), followed by
     *     any further positional arguments
     */
    Vector[] bind(String function, Vector[] args, Map<String, Vector> named) throws BuiltinException {
        int given = args.length + hidden;
        if (!variadic && given > names.length) {
            throw wrongCount(function, given);
        }
        Vector[] values = new Vector[Math.max(given, names.length)];
        System.arraycopy(args, 0, values, hidden, args.length);
        boolean[] bound = new boolean[names.length];
        Arrays.fill(bound, 0, Math.min(given, names.length), true);
        if (named != null) {
            for (Map.Entry<String, Vector> entry : named.entrySet()) {
                int index = Arrays.asList(names).indexOf(entry.getKey());
                if (index < 0) {
                    throw new BuiltinException(function + "() got an unexpected keyword argument '" + entry.getKey()
                        + "'");
                }
                if (bound[index]) {
                    throw new BuiltinException(function + "() got multiple values for keyword argument '"
                        + entry.getKey() + "'");
                }
                values[index] = entry.getValue();
                bound[index] = true;
            }
        }
        int required = names.length - defaults.length;
        for (int i = 0; i < names.length; i++) {
            if (!bound[i]) {
                if (i < required) {
                    throw wrongCount(function, i);
                }
                values[i] = defaults[i - required];
            }
        }
        return Arrays.copyOfRange(values, hidden, values.length);
    }

    /** Cython's message for too many or too few positional arguments ({@code given} counts the context). */
    private BuiltinException wrongCount(String function, int given) {
        int required = names.length - defaults.length;
        String bound;
        int expected;
        if (required == names.length && !variadic) {
            bound = "exactly";
            expected = names.length;
        } else if (given > names.length) {
            bound = "at most";
            expected = names.length;
        } else {
            bound = "at least";
            expected = required;
        }
        return new BuiltinException(function + "() takes " + bound + " " + expected + " positional argument"
            + (expected == 1 ? "" : "s") + " (" + given + " given)");
    }
}
