package flitter.engine.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Paths;
import java.util.List;

import org.junit.jupiter.api.Test;

import flitter.model.Vector;

class OptionsTest {
    @Test
    void defaults() {
        Options options = Options.parse(List.of("show.fl"));
        assertEquals(List.of(Paths.get("show.fl")), options.programs());
        assertEquals(60, options.fps());
        assertTrue(options.realtime());
        assertFalse(options.offscreen());
        assertNull(options.runTime());
        assertNull(options.stateFile());
        assertEquals(0, options.screen());
        assertTrue(options.defines().isEmpty());
    }

    @Test
    void everyOptionInBothForms() {
        Options options = Options.parse(List.of("a.fl", "--fps", "30", "-D", "x=1;2", "--define=name=Ada", "b.fl",
            "--offscreen", "--lockstep", "--runtime=1:30", "--state", "s.txt", "--screen=2", "--fullscreen", "--vsync"));
        assertEquals(List.of(Paths.get("a.fl"), Paths.get("b.fl")), options.programs());
        assertEquals(30, options.fps());
        assertEquals(Vector.of(1, 2), options.defines().get("x"));
        assertEquals(Vector.of("Ada"), options.defines().get("name"));
        assertTrue(options.offscreen());
        assertFalse(options.realtime());
        assertEquals(90, options.runTime());
        assertEquals(Paths.get("s.txt"), options.stateFile());
        assertEquals(2, options.screen());
        assertTrue(options.fullscreen());
        assertTrue(options.vsync());
    }

    @Test
    void mistakesAreSaidPlainly() {
        assertMessage("unknown option '--frobnicate'", "a.fl", "--frobnicate");
        assertMessage("no program to run", "--offscreen");
        assertMessage("--fps needs a frame rate", "a.fl", "--fps");
        assertMessage("--fps must be a positive number, not 'fast'", "a.fl", "--fps", "fast");
        assertMessage("--fps must be a positive number, not '0'", "a.fl", "--fps=0");
        assertMessage("--runtime must be seconds or a time code (1:30), not 'soon'", "a.fl", "--runtime", "soon");
        assertMessage("--screen must be a screen number", "a.fl", "--screen", "-1");
        assertMessage("--offscreen takes no value", "a.fl", "--offscreen=yes");
        assertMessage("a definition is NAME=VALUE", "a.fl", "-D", "x");
    }

    @Test
    void runTimeAcceptsSecondsAndTimeCodes() {
        assertEquals(0.5, Options.seconds("0.5"));
        assertEquals(75, Options.seconds("1:15"));
        assertEquals(3661, Options.seconds("1:01:01"));
    }

    private static void assertMessage(String expected, String... args) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Options.parse(List.of(args)));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
