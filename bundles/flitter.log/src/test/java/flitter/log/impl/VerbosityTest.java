package flitter.log.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.Logger;

class VerbosityTest {
    @Test
    void absentOrBlankMeansDefault() {
        assertEquals(Verbosity.DEFAULT, Verbosity.parse(null));
        assertEquals(Verbosity.DEFAULT, Verbosity.parse("  "));
    }

    @Test
    void namesAreCaseInsensitive() {
        assertEquals(Verbosity.TRACE, Verbosity.parse("Trace"));
        assertEquals(Verbosity.QUIET, Verbosity.parse(" quiet "));
    }

    @Test
    void unknownNameSaysWhatIsExpected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Verbosity.parse("loud"));
        assertTrue(e.getMessage().contains("'loud'"), e.getMessage());
        assertTrue(e.getMessage().contains("quiet, default, verbose, debug or trace"), e.getMessage());
    }

    @Test
    void defaultShowsFlitterInfoButOnlyThirdPartyWarnings() {
        assertEquals(LogLevel.INFO, Verbosity.DEFAULT.levels().get("flitter"));
        assertEquals(LogLevel.WARN, Verbosity.DEFAULT.levels().get(Logger.ROOT_LOGGER_NAME));
    }

    @Test
    void quietHidesFlitterInfo() {
        assertEquals(LogLevel.WARN, Verbosity.QUIET.levels().get("flitter"));
    }

    @Test
    void eachStepShowsAtLeastAsMuchAsTheOneBefore() {
        Verbosity[] steps = Verbosity.values();
        for (int i = 1; i < steps.length; i++) {
            for (String name : steps[i].levels().keySet()) {
                LogLevel before = steps[i - 1].levels().get(name);
                LogLevel after = steps[i].levels().get(name);
                assertTrue(after.implies(before), steps[i] + " hides " + before + " of " + name);
            }
        }
    }

    @Test
    void frameworkEventsStayQuietUntilDebug() {
        assertEquals(LogLevel.WARN, Verbosity.VERBOSE.levels().get("Events"));
        assertEquals(LogLevel.DEBUG, Verbosity.DEBUG.levels().get("Events"));
    }

    @Test
    void stackTracesFromDebugOn() {
        assertFalse(Verbosity.VERBOSE.showsStackTraces());
        assertTrue(Verbosity.DEBUG.showsStackTraces());
        assertTrue(Verbosity.TRACE.showsStackTraces());
    }
}
