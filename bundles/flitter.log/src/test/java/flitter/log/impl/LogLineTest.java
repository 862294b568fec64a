package flitter.log.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.osgi.service.log.LogLevel;

class LogLineTest {
    @Test
    void plainMessage() {
        assertEquals("12:00:00.000 | INFO  | flitter.shell | hello",
            LogLine.format("12:00:00.000", LogLevel.INFO, "flitter.shell", "hello", null, 0));
    }

    @Test
    void exceptionIsNamedOnTheSameLine() {
        assertEquals("12:00:00.000 | ERROR | b | failed: java.io.IOException: disk full",
            LogLine.format("12:00:00.000", LogLevel.ERROR, "b", "failed", new IOException("disk full"), 0));
    }

    @Test
    void suppressedRepeatsAreCounted() {
        assertEquals("t | WARN  | b | m (1 identical message suppressed)",
            LogLine.format("t", LogLevel.WARN, "b", "m", null, 1));
        assertEquals("t | WARN  | b | m (7 identical messages suppressed)",
            LogLine.format("t", LogLevel.WARN, "b", "m", null, 7));
    }
}
