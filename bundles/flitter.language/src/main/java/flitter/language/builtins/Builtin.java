package flitter.language.builtins;

import java.util.Map;

import flitter.model.Context;
import flitter.model.Function;
import flitter.model.Vector;

/**
 * A built-in function. Subclasses implement {@link #apply}; a Java exception thrown there is reported
 * as the original reports a failing built-in ({@code Error calling NAME: message}) and the call gives
 * {@code null}.
 */
public abstract class Builtin implements Function {
    private final String name;

    protected Builtin(String name) {
        this.name = name;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Vector call(Context context, Vector[] args, Map<String, Vector> named) {
        try {
            Vector result = apply(context, args, named);
            return result == null ? Vector.NULL : result;
        } catch (BuiltinException | RuntimeException e) {
            context.error("Error calling " + name + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return Vector.NULL;
        }
    }

    protected abstract Vector apply(Context context, Vector[] args, Map<String, Vector> named) throws BuiltinException;

    /** Fails unless there are between {@code min} and {@code max} positional arguments. */
    protected final void arity(Vector[] args, int min, int max) throws BuiltinException {
        if (args.length < min || args.length > max) {
            String expected = min == max ? String.valueOf(min) : max == Integer.MAX_VALUE ? "at least " + min
                : min + " to " + max;
            throw new BuiltinException(name + "() takes " + expected + " positional argument"
                + (min == 1 && max == 1 ? "" : "s") + " (" + args.length + " given)");
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
