package flitter.language.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import flitter.model.Context;
import flitter.model.Function;
import flitter.model.Node;
import flitter.model.Vector;

/**
 * A context for calling built-ins in tests: no state, errors and log lines recorded, the program at
 * {@link #path} (none unless given); with ways to build arguments and to call built-ins.
 *
 * <p>{@link #expect} and its companions call built-ins from a compact text form,
 * {@code name(1;2;3, 0.5, w=2)}: arguments are separated by commas, their items by semicolons; an item
 * is a number ({@code nan}, {@code inf} allowed), a double-quoted string, {@code null} or
 * {@code true}/{@code false}; {@code key=value} is a named argument. The expected results in the tests
 * are the original implementation's output for the same Flitter expression (the reference oracle's
 * {@code !c x=EXPR}), as printed there: nine significant digits, {@code null} where the attribute was
 * absent.
 */
final class RecordingContext implements Context {
    static final Vector NULL = Vector.NULL;
    static final double NAN = Double.NaN;
    static final double INF = Double.POSITIVE_INFINITY;

    final List<String> errors = new ArrayList<>();
    final List<String> logs = new ArrayList<>();
    private final Path path;

    RecordingContext() {
        this(null);
    }

    RecordingContext(Path path) {
        this.path = path;
    }

    @Override
    public Vector state(Vector key) {
        return Vector.NULL;
    }

    @Override
    public void error(String message) {
        errors.add(message);
    }

    @Override
    public void log(String message) {
        logs.add(message);
    }

    @Override
    public Path path() {
        return path;
    }

    /** Asserts that exactly these errors were reported since the last check, and forgets them. */
    void assertErrors(String... messages) {
        assertEquals(List.of(messages), errors);
        errors.clear();
    }

    void assertNoErrors() {
        assertEquals(List.of(), errors);
    }

    /** The built-in function called {@code name}. */
    static Function builtin(String name) {
        Vector value = Builtins.all().get(name);
        assertNotNull(value, "no built-in " + name);
        return (Function) value.get(0);
    }

    /** Calls a built-in with positional arguments. */
    Vector call(String name, Vector... args) {
        return call(name, Map.of(), args);
    }

    /** Calls a built-in with positional and named arguments. */
    Vector call(String name, Map<String, Vector> named, Vector... args) {
        return builtin(name).call(this, args, named);
    }

    /** Calls a built-in with positional and then named arguments ({@code "name", vector, ...}, kept in order). */
    Vector callNamed(String name, Vector[] args, Object... named) {
        Map<String, Vector> map = new LinkedHashMap<>();
        for (int i = 0; i < named.length; i += 2) {
            map.put((String) named[i], (Vector) named[i + 1]);
        }
        return call(name, map, args);
    }

    /** Calls a built-in and returns its result's text form, as the oracle prints it. */
    String repr(String name, Vector... args) {
        return call(name, args).repr();
    }

    /** A vector of numbers, strings, nodes or vectors (spliced), like Flitter's {@code a;b;c}. */
    static Vector v(Object... elements) {
        return Vector.ofObjects(elements);
    }

    static Vector s(String text) {
        return Vector.of(text);
    }

    static Vector node(String kind) {
        return Vector.of(Node.of(kind));
    }

    static Vector numbers(double... values) {
        return Vector.of(values.clone());
    }

    /** Calls the built-in named in {@code call}, failing on any error it reports. */
    static Vector eval(String call) {
        RecordingContext context = new RecordingContext();
        Vector result = eval(call, context);
        assertEquals(List.of(), context.errors, call);
        return result;
    }

    static Vector eval(String call, RecordingContext context) {
        int open = call.indexOf('(');
        assertTrue(open > 0 && call.endsWith(")"), call);
        String name = call.substring(0, open);
        String body = call.substring(open + 1, call.length() - 1).trim();
        List<Vector> args = new ArrayList<>();
        Map<String, Vector> named = new LinkedHashMap<>();
        if (!body.isEmpty()) {
            for (String arg : splitTop(body, ',')) {
                arg = arg.trim();
                int eq = arg.indexOf('=');
                if (eq > 0 && arg.substring(0, eq).matches("[a-z]+")) {
                    named.put(arg.substring(0, eq), vector(arg.substring(eq + 1)));
                } else {
                    args.add(vector(arg));
                }
            }
        }
        return context.call(name, named, args.toArray(new Vector[0]));
    }

    /** Asserts that {@code call} gives a vector printing as {@code expected} (the oracle's text). */
    static void expect(String call, String expected) {
        assertEquals(expected, eval(call).repr(), call);
    }

    /** Asserts that {@code call} gives exactly these numbers (bit for bit, as the oracle gave them). */
    static void expectExactly(String call, double... expected) {
        Vector result = eval(call);
        double[] numbers = result.numbers();
        assertNotNull(numbers, call + " gave " + result.repr());
        assertEquals(expected.length, numbers.length, call);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Double.doubleToLongBits(expected[i]), Double.doubleToLongBits(numbers[i]),
                call + " [" + i + "]: expected " + expected[i] + " got " + numbers[i]);
        }
    }

    /** Asserts that {@code call} reports exactly the error {@code message} and gives null. */
    static void expectError(String call, String message) {
        RecordingContext context = new RecordingContext();
        Vector result = eval(call, context);
        assertEquals(List.of(message), context.errors, call);
        assertEquals(Vector.NULL, result, call);
    }

    static Vector vector(String text) {
        text = text.trim();
        if (text.equals("null")) {
            return Vector.NULL;
        }
        List<Object> items = new ArrayList<>();
        for (String item : splitTop(text, ';')) {
            item = item.trim();
            if (item.startsWith("\"")) {
                items.add(item.substring(1, item.length() - 1));
            } else if (item.equals("true")) {
                items.add(1.0);
            } else if (item.equals("false")) {
                items.add(0.0);
            } else if (item.equals("nan")) {
                items.add(Double.NaN);
            } else if (item.equals("inf")) {
                items.add(Double.POSITIVE_INFINITY);
            } else if (item.equals("-inf")) {
                items.add(Double.NEGATIVE_INFINITY);
            } else {
                items.add(Double.parseDouble(item));
            }
        }
        return Vector.ofObjects(items.toArray());
    }

    private static List<String> splitTop(String text, char separator) {
        List<String> parts = new ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == separator && !quoted) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }
}
