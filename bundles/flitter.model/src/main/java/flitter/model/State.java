package flitter.model;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The state mapping: values keyed by vectors ({@code $:key}, {@code $(:a;1)}). A program reads it while
 * it runs; nodes write it between frames. Setting {@code null} removes a key. Keys compare as vectors
 * do, so a symbol key and a string key with the same text are different keys.
 */
public final class State {
    private final Map<Vector, Vector> values = new HashMap<>();
    private final Set<Vector> changed = new HashSet<>();

    public Vector get(Vector key) {
        Vector value = values.get(key);
        return value == null ? Vector.NULL : value;
    }

    public void set(Vector key, Vector value) {
        Vector current = get(key);
        if (value.length() > 0) {
            if (!value.equals(current)) {
                values.put(key, value);
                changed.add(key);
            }
        } else if (current.length() > 0) {
            values.remove(key);
            changed.add(key);
        }
    }

    public boolean contains(Vector key) {
        return values.containsKey(key);
    }

    public int size() {
        return values.size();
    }

    /** A read-only view of every key and value. */
    public Map<Vector, Vector> entries() {
        return Collections.unmodifiableMap(values);
    }

    /** The keys set or removed since {@link #clearChanged()}. */
    public Set<Vector> changedKeys() {
        return Set.copyOf(changed);
    }

    public void clearChanged() {
        changed.clear();
    }
}
