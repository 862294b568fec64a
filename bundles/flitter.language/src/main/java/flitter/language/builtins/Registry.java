package flitter.language.builtins;

import java.util.Map;

import flitter.model.Vector;

/** Where a {@link Library} puts its functions. */
public final class Registry {
    private final Map<String, Vector> names;

    Registry(Map<String, Vector> names) {
        this.names = names;
    }

    /** Binds {@code function} to the name programs call it by. */
    public void add(Builtin function) {
        if (names.put(function.binding(), Vector.of(function)) != null) {
            throw new IllegalStateException("built-in '" + function.binding() + "' defined twice");
        }
    }
}
