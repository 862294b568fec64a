package flitter.language.builtins;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import flitter.model.Context;
import flitter.model.Vector;

/** A context for calling built-ins in tests: empty state, no path, errors and log lines recorded. */
final class TestContext implements Context {
    final List<String> errors = new ArrayList<>();
    final List<String> logs = new ArrayList<>();

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
        return null;
    }
}
