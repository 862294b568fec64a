package flitter.language.builtins;

import java.util.Arrays;
import java.util.Map;

import flitter.model.Context;
import flitter.model.Vector;

/**
 * A built-in with a Python-style signature: named parameters (the first {@code required} of them
 * required, the rest optional), optionally followed by a variable number of further positional
 * arguments, and optionally preceded by the calling context (which counts as the first positional
 * argument, as it does in the original). Arguments may be given by name; mistakes are reported
 * with the messages the original gives.
 */
final class VectorBuiltin extends Builtin {
    /** What the built-in does with its bound arguments. */
    @FunctionalInterface
    interface Body {
        /**
         * @param args the parameters in order (an optional one not given holds its default),
         *     followed by any further positional arguments of a variadic built-in
         */
        Vector apply(Context context, Vector[] args) throws BuiltinException;
    }

    private static final String CONTEXT = "context";

    private final Body body;
    private final boolean takesContext;
    private final String[] params;
    private final Vector[] defaults;
    private final int required;
    private final boolean variadic;

    private VectorBuiltin(String name, Body body, boolean takesContext, String[] params, Vector[] defaults,
            boolean variadic) {
        super(name);
        this.body = body;
        this.takesContext = takesContext;
        this.params = params;
        this.defaults = defaults;
        this.required = params.length - defaults.length;
        this.variadic = variadic;
    }

    /** A built-in whose parameters are all required. */
    static VectorBuiltin of(String name, Body body, String... params) {
        return new VectorBuiltin(name, body, false, params, new Vector[0], false);
    }

    /** A built-in that also receives the context, as its hidden first positional argument. */
    static VectorBuiltin withContext(String name, Body body, String... params) {
        return new VectorBuiltin(name, body, true, params, new Vector[0], false);
    }

    /** A built-in taking the given required parameters and then any number of positional arguments. */
    static VectorBuiltin variadic(String name, Body body, String... params) {
        return new VectorBuiltin(name, body, false, params, new Vector[0], true);
    }

    /** A built-in whose last {@code defaults.length} parameters are optional. */
    static VectorBuiltin withDefaults(String name, Body body, Vector[] defaults, String... params) {
        return new VectorBuiltin(name, body, false, params, defaults.clone(), false);
    }

    @Override
    protected Vector apply(Context context, Vector[] args, Map<String, Vector> named) throws BuiltinException {
        return body.apply(context, bind(args, named));
    }

    private Vector[] bind(Vector[] args, Map<String, Vector> named) throws BuiltinException {
        int offset = takesContext ? 1 : 0;
        int total = params.length + offset;
        int minimum = required + offset;
        int given = args.length + offset;
        if (!variadic && given > total) {
            throw new BuiltinException(name() + "() takes " + (minimum == total ? "exactly" : "at most") + " "
                + total + " positional argument" + (total == 1 ? "" : "s") + " (" + given + " given)");
        }
        int positional = Math.min(args.length, params.length);
        Vector[] bound = new Vector[variadic ? Math.max(args.length, params.length) : params.length];
        System.arraycopy(args, 0, bound, 0, args.length);
        if (named != null) {
            for (Map.Entry<String, Vector> entry : named.entrySet()) {
                String key = entry.getKey();
                int index = takesContext && key.equals(CONTEXT) ? -1 : Arrays.asList(params).indexOf(key);
                if (index < 0 && !(takesContext && key.equals(CONTEXT))) {
                    throw new BuiltinException(name() + "() got an unexpected keyword argument '" + key + "'");
                }
                if (index < positional) {
                    throw new BuiltinException(name() + "() got multiple values for keyword argument '" + key + "'");
                }
                bound[index] = entry.getValue();
            }
        }
        for (int i = 0; i < params.length; i++) {
            if (bound[i] == null) {
                if (i >= required) {
                    bound[i] = defaults[i - required];
                } else {
                    throw new BuiltinException(name() + "() takes "
                        + (minimum == total && !variadic ? "exactly" : "at least") + " " + minimum
                        + " positional argument" + (minimum == 1 ? "" : "s") + " (" + (i + offset) + " given)");
                }
            }
        }
        return bound;
    }
}
