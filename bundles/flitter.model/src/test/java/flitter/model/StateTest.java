package flitter.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.junit.jupiter.api.Test;

class StateTest {
    @Test
    void symbolAndStringKeysAreDifferentKeys() {
        State state = new State();
        state.set(Vector.symbol("radius"), Vector.of(100));
        assertEquals(Vector.of(100), state.get(Vector.symbol("radius")));
        assertSame(Vector.NULL, state.get(Vector.of("radius")));
    }

    @Test
    void settingNullRemovesAndChangesAreTracked() {
        State state = new State();
        Vector key = Vector.ofObjects(Vector.symbol("a"), 1);
        state.set(key, Vector.of(5));
        assertEquals(Set.of(key), state.changedKeys());
        state.clearChanged();
        state.set(key, Vector.of(5));
        assertTrue(state.changedKeys().isEmpty(), "the same value is no change");
        state.set(key, Vector.NULL);
        assertEquals(0, state.size());
        assertEquals(Set.of(key), state.changedKeys());
    }
}
