package flitter.language.builtins;

import java.util.Map;

import flitter.model.Context;
import flitter.model.Function;
import flitter.model.Vector;

/**
 * A built-in function. Subclasses implement {@link #apply}; a Java exception thrown there is reported
 * as the original reports a failing built-in ({@code Error calling NAME: message}) and the call gives
 * {@code null}.
 *
 * <p>A built-in has two names: the one programs call it by ({@link #binding()}), and the name of the
 * original's implementation ({@link #name()}), which differs for some: {@code abs} is {@code absv},
 * {@code csv} is {@code read_csv}. The second is what the original shows: in error messages, in a
 * value's text form ({@code split(sin, ',')} is {@code 'sinv'}) and when the function is printed.
 */
public abstract class Builtin implements Function {
    /** The built-ins whose implementation in the original has another name. */
    private static final Map<String, String> IMPLEMENTATION_NAMES = Map.ofEntries(Map.entry("abs", "absv"),
        Map.entry("acos", "acosv"), Map.entry("asin", "asinv"), Map.entry("ceil", "ceilv"), Map.entry("chr", "chrv"),
        Map.entry("cos", "cosv"), Map.entry("exp", "expv"), Map.entry("floor", "floorv"), Map.entry("len", "lenv"),
        Map.entry("log", "logv"), Map.entry("log10", "log10v"), Map.entry("log2", "log2v"), Map.entry("map", "mapv"),
        Map.entry("max", "maxv"), Map.entry("min", "minv"), Map.entry("ord", "ordv"), Map.entry("round", "roundv"),
        Map.entry("sin", "sinv"), Map.entry("sqrt", "sqrtv"), Map.entry("sum", "sumv"), Map.entry("tan", "tanv"),
        Map.entry("zip", "zipv"), Map.entry("csv", "read_csv"), Map.entry("read", "read_text"),
        Map.entry("srt", "read_srt"));

    private final String binding;
    private final String name;

    /** @param binding the name programs call the built-in by */
    protected Builtin(String binding) {
        this.binding = binding;
        this.name = IMPLEMENTATION_NAMES.getOrDefault(binding, binding);
    }

    /** The name programs call the built-in by. */
    public final String binding() {
        return binding;
    }

    /** The name of the original's implementation of the built-in. */
    @Override
    public final String name() {
        return name;
    }

    /**
     * As the original prints a compiled function: {@code <cyfunction NAME at 0x…>}. The address is the
     * one part the original leaves to chance; here it is made up from the name, so that it is stable.
     */
    @Override
    public String repr() {
        return String.format("<cyfunction %s at 0x7f%010x>", name, (binding.hashCode() & 0xffffffffL) << 6);
    }

    /** The name of the function's type in the original's error messages. */
    String typeName() {
        return "_cython_3_2_9.cython_function_or_method";
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
