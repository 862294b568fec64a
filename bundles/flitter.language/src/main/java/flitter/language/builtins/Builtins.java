package flitter.language.builtins;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import flitter.model.Vector;

/**
 * Every name a program starts with: the constants ({@code null}, {@code true}, {@code pi}, …) and the
 * built-in functions of the original's {@code docs/builtins.md}, each bound to a vector holding it.
 */
public final class Builtins {
    private static final Map<String, Vector> ALL = build();

    private Builtins() {
    }

    /** Name → value, for every built-in. */
    public static Map<String, Vector> all() {
        return ALL;
    }

    private static Map<String, Vector> build() {
        Map<String, Vector> names = new LinkedHashMap<>();
        names.put("null", Vector.NULL);
        names.put("true", Vector.TRUE);
        names.put("false", Vector.FALSE);
        names.put("inf", Vector.of(Double.POSITIVE_INFINITY));
        names.put("nan", Vector.of(Double.NaN));
        names.put("pi", Vector.of(Math.PI));
        names.put("\u03c0", Vector.of(Math.PI));
        names.put("tau", Vector.of(2 * Math.PI));
        names.put("\ud835\udf0f", Vector.of(2 * Math.PI));
        Registry registry = new Registry(names);
        for (Library library : Library.LIBRARIES) {
            library.register(registry);
        }
        return Collections.unmodifiableMap(names);
    }
}
