package flitter.shell.impl;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import flitter.language.Defines;
import flitter.model.Vector;

/** A show's state for the shell: keys found from what an operator types, keys and values in Flitter's text form. */
final class StateKeys {
    private StateKeys() {
    }

    /** Every key and its value, in Flitter's text form, ordered by key. */
    static Map<String, String> describe(Map<Vector, Vector> state) {
        Map<String, String> text = new TreeMap<>();
        state.forEach((key, value) -> text.put(key.repr(), value.repr()));
        return text;
    }

    /** A one-entry map, as {@link #describe} writes entries. */
    static Map<String, String> entry(String key, String value) {
        Map<String, String> text = new TreeMap<>();
        text.put(key, value);
        return text;
    }

    /**
     * The key of {@code keys} that {@code typed} names: one Flitter writes as {@code typed}
     * ({@code :call}, {@code '_counter'}, {@code 1;2}), else {@code typed} read as a {@code --define}
     * value ({@code _counter} is the string, {@code 5} the number), else the symbol of that name
     * ({@code call} is {@code :call}). Null when none of these is a key.
     */
    static Vector find(String typed, Set<Vector> keys) {
        for (Vector key : keys) {
            if (key.repr().equals(typed)) {
                return key;
            }
        }
        Vector value = Defines.parse("key=" + typed).getValue();
        if (keys.contains(value)) {
            return value;
        }
        Vector symbol = Vector.symbol(typed);
        return keys.contains(symbol) ? symbol : null;
    }
}
