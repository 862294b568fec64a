package flitter.language.builtins;

import static flitter.language.builtins.RecordingContext.NULL;
import static flitter.language.builtins.RecordingContext.v;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;

import org.junit.jupiter.api.Test;

import flitter.model.Vector;

/** {@code debug} against the original: it logs the text form of its argument and gives the argument back. */
class DebugLibraryTest {
    private final RecordingContext context = new RecordingContext();

    @Test
    void logsTheTextFormAndReturnsTheValue() {
        Vector value = v(1, "a");
        assertSame(value, context.call("debug", value));
        assertEquals("5", context.callNamed("debug", new Vector[0], "value", v(5)).repr());
        assertSame(NULL, context.call("debug", NULL));
        assertEquals(List.of("1;'a'", "5", "null"), context.logs);
        context.assertNoErrors();
    }

    /** The original counts the context as the first positional argument. */
    @Test
    void argumentErrors() {
        assertEquals("null", context.repr("debug"));
        assertEquals("null", context.repr("debug", v(1), v(2)));
        assertEquals("null", context.callNamed("debug", new Vector[0], "context", v(1)).repr());
        assertEquals(List.of("Error calling debug: debug() takes exactly 2 positional arguments (1 given)",
            "Error calling debug: debug() takes exactly 2 positional arguments (3 given)",
            "Error calling debug: debug() got multiple values for keyword argument 'context'"), context.errors);
        assertEquals(List.of(), context.logs);
    }
}
