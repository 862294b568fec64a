package flitter.shell.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TelnetShellTest {
    @Test
    void noPropertyMeansNoTelnetShell() {
        assertNull(TelnetShell.parsePort(null));
        assertNull(TelnetShell.parsePort(""));
    }

    @Test
    void validPorts() {
        assertEquals(1, TelnetShell.parsePort("1"));
        assertEquals(6666, TelnetShell.parsePort(" 6666 "));
        assertEquals(65535, TelnetShell.parsePort("65535"));
    }

    @Test
    void invalidPortsSayWhatIsExpected() {
        for (String bad : new String[] {"0", "65536", "-1", "telnet", "66.6"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TelnetShell.parsePort(bad));
            assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
            assertTrue(e.getMessage().contains("1 to 65535"), e.getMessage());
        }
    }
}
