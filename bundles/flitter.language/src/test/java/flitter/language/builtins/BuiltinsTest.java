package flitter.language.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import flitter.model.Vector;

/** How built-in function values look: the original shows the names of its own implementations. */
class BuiltinsTest {
    private static Vector builtin(String name) {
        return Builtins.all().get(name);
    }

    @Test
    void textFormIsTheImplementationsName() {
        assertEquals("sinv", builtin("sin").asString());
        assertEquals("read_csv", builtin("csv").asString());
        assertEquals("hsv", builtin("hsv").asString());
        assertEquals("uniform", builtin("uniform").asString());
    }

    /** The original prints {@code <cyfunction sinv at 0x7f4e40b41000>}; only the address is left to chance. */
    @Test
    void printsAsTheOriginalsCompiledFunction() {
        String sin = builtin("sin").repr();
        assertTrue(sin.matches("\\(<cyfunction sinv at 0x7f[0-9a-f]{10}>\\)"), sin);
        assertEquals(sin, builtin("sin").repr());
        assertTrue(builtin("csv").repr().startsWith("(<cyfunction read_csv at 0x"));
        assertEquals("(<class 'flitter.language.functions.random.beta'>)", builtin("beta").repr());
    }

    @Test
    void typeNamesInErrorMessages() {
        assertEquals("_cython_3_2_9.cython_function_or_method", VectorOrder.typeName(builtin("len").get(0)));
        assertEquals("type", VectorOrder.typeName(builtin("normal").get(0)));
    }
}
