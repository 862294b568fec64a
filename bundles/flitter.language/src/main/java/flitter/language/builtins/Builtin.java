package flitter.language.builtins;

import java.util.Map;
import java.util.function.DoubleUnaryOperator;

import flitter.model.Context;
import flitter.model.Function;
import flitter.model.Vector;

/**
 * A built-in function: its {@link Parameters} and a body given their values. A Java exception thrown
 * while binding the arguments or in the body is reported as the original reports a failing built-in
 * ({@code Error calling NAME: message}) and the call gives {@code null}.
 *
 * <p>A built-in has two names: the one programs call it by ({@link #binding()}), and the name of the
 * original's implementation ({@link #name()}), which differs for some: {@code abs} is {@code absv},
 * {@code csv} is {@code read_csv}. The second is what the original shows: in error messages, in a
 * value's text form ({@code split(sin, ',')} is {@code 'sinv'}) and when the function is printed.
 */
public class Builtin implements Function {
    /** What the built-in does with its bound arguments. */
    @FunctionalInterface
    interface Body {
        /** @param args as {@link Parameters#bind} gives them */
        Vector apply(Context context, Vector[] args) throws BuiltinException;
    }

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
    private final Parameters parameters;
    private final Body body;

    /** @param binding the name programs call the built-in by */
    Builtin(String binding, Parameters parameters, Body body) {
        this.binding = binding;
        this.name = IMPLEMENTATION_NAMES.getOrDefault(binding, binding);
        this.parameters = parameters;
        this.body = body;
    }

    /** A built-in whose parameters are all required. */
    static Builtin of(String binding, Body body, String... parameters) {
        return new Builtin(binding, Parameters.of(parameters), body);
    }

    /** A one-parameter built-in applying {@code op} to each number of a numeric vector (null otherwise). */
    static Builtin elementwise(String binding, String parameter, DoubleUnaryOperator op) {
        return of(binding, (context, args) -> args[0].map(op), parameter);
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

    /** The name in the original's messages about the arguments. */
    String signatureName() {
        return name;
    }

    @Override
    public final Vector call(Context context, Vector[] args, Map<String, Vector> named) {
        try {
            Vector result = body.apply(context, parameters.bind(signatureName(), args, named));
            return result == null ? Vector.NULL : result;
        } catch (BuiltinException | RuntimeException e) {
            context.error("Error calling " + name + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return Vector.NULL;
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
