package flitter.language.builtins;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import flitter.model.Context;
import flitter.model.Function;
import flitter.model.Vector;

/** A context for calling built-ins in tests: no state, errors collected. */
final class RandomTestContext implements Context {
    final List<String> errors = new ArrayList<>();

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
    }

    @Override
    public Path path() {
        return null;
    }

    /** Calls the built-in {@code name} with positional arguments. */
    Vector call(String name, Vector... args) {
        return call(name, Map.of(), args);
    }

    /** Calls the built-in {@code name} with positional and named arguments. */
    Vector call(String name, Map<String, Vector> named, Vector... args) {
        Vector function = Builtins.all().get(name);
        if (function == null) {
            throw new AssertionError("no built-in " + name);
        }
        return ((Function) function.get(0)).call(this, args, named);
    }

    static Vector numbers(double... values) {
        return Vector.of(values.clone());
    }
}
