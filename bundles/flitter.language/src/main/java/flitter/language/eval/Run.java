package flitter.language.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import flitter.model.Context;
import flitter.model.State;
import flitter.model.Vector;

/** One run of a program (or of a module it imports): what its code and the built-ins can see. */
public final class Run implements Context {
    final State state;
    final Set<String> errors;
    final List<String> logs;
    final Path path;
    final Modules modules;
    /** The modules being imported, innermost last, to refuse circular imports. */
    final List<Path> importChain;
    Map<String, Vector> exports;

    Run(State state, Path path, Modules modules) {
        this(state, path, modules, new LinkedHashSet<>(), new ArrayList<>(), new ArrayList<>());
    }

    Run(State state, Path path, Modules modules, Set<String> errors, List<String> logs, List<Path> importChain) {
        this.state = state;
        this.path = path;
        this.modules = modules;
        this.errors = errors;
        this.logs = logs;
        this.importChain = importChain;
    }

    @Override
    public Vector state(Vector key) {
        return state == null ? Vector.NULL : state.get(key);
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

    public Set<String> errors() {
        return errors;
    }

    public List<String> logs() {
        return logs;
    }
}
