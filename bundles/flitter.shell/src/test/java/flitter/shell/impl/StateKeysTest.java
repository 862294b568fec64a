package flitter.shell.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import flitter.model.Vector;

class StateKeysTest {
    private final Map<Vector, Vector> state = new LinkedHashMap<>();

    StateKeysTest() {
        state.put(Vector.symbol("call"), Vector.symbol("connected"));
        state.put(Vector.of("_counter"), Vector.of(120, 4, 3679.461442185));
        state.put(Vector.of(1, 2), Vector.of("it's"));
        state.put(Vector.of("title"), Vector.of(0.5));
    }

    @Test
    void everyKeyAndValueInFlittersTextFormOrderedByKey() {
        Map<String, String> text = StateKeys.describe(state);
        assertEquals(List.of("'_counter'", "'title'", "1;2", ":call"), List.copyOf(text.keySet()));
        assertEquals(":connected", text.get(":call"));
        assertEquals("120;4;3679.46144", text.get("'_counter'"));
        assertEquals("\"it's\"", text.get("1;2"));
    }

    @Test
    void aKeyIsFoundAsFlitterWritesIt() {
        assertEquals(Vector.symbol("call"), StateKeys.find(":call", state.keySet()));
        assertEquals(Vector.of("_counter"), StateKeys.find("'_counter'", state.keySet()));
        assertEquals(Vector.of(1, 2), StateKeys.find("1;2", state.keySet()));
    }

    @Test
    void aBareNameIsTheStringOrElseTheSymbol() {
        assertEquals(Vector.of("_counter"), StateKeys.find("_counter", state.keySet()));
        assertEquals(Vector.symbol("call"), StateKeys.find("call", state.keySet()));
        state.put(Vector.of("call"), Vector.TRUE);
        assertEquals(Vector.of("call"), StateKeys.find("call", state.keySet()), "the string, as --define reads it");
    }

    @Test
    void anAbsentKeyIsNotFound() {
        assertNull(StateKeys.find(":hangup", state.keySet()));
        assertNull(StateKeys.find("nothing", state.keySet()));
    }
}
