package flitter.language.builtins;

import java.util.Map;

import flitter.model.Function;
import flitter.model.Vector;

/** Where a {@link Library} puts its functions. */
public final class Registry {
    private final Map<String, Vector> names;

    Registry(Map<String, Vector> names) {
        this.names = names;
    }

    /** Binds {@code function} to its name. */
    public void add(Function function) {
        if (names.put(function.name(), Vector.of(function)) != null) {
            throw new IllegalStateException("built-in '" + function.name() + "' defined twice");
        }
    }
}
