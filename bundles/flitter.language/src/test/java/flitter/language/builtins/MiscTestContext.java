package flitter.language.builtins;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import flitter.model.Context;
import flitter.model.Function;
import flitter.model.Node;
import flitter.model.Vector;

/** A context for calling built-ins in tests: records errors and log lines; the program lives at {@link #path}. */
final class MiscTestContext implements Context {
    final List<String> errors = new ArrayList<>();
    final List<String> logs = new ArrayList<>();
    private final Path path;

    MiscTestContext() {
        this(null);
    }

    MiscTestContext(Path path) {
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

    /** The built-in function called {@code name}. */
    static Function builtin(String name) {
        Vector value = Builtins.all().get(name);
        if (value == null) {
            throw new AssertionError("no built-in " + name);
        }
        return (Function) value.get(0);
    }

    /** Calls a built-in with positional arguments. */
    Vector call(String name, Vector... args) {
        return builtin(name).call(this, args, Map.of());
    }

    /** Calls a built-in with positional and then named arguments ({@code "name", vector, ...}). */
    Vector callNamed(String name, Vector[] args, Object... named) {
        Map<String, Vector> map = new LinkedHashMap<>();
        for (int i = 0; i < named.length; i += 2) {
            map.put((String) named[i], (Vector) named[i + 1]);
        }
        return builtin(name).call(this, args, map);
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

    static final Vector NULL = Vector.NULL;
    static final double NAN = Double.NaN;
    static final double INF = Double.POSITIVE_INFINITY;
}
