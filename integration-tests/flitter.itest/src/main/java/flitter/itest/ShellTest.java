package flitter.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.apache.felix.service.command.CommandProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

/** The Gogo shell an operator uses finds the host's commands and answers them. */
@ExtendWith({BundleContextExtension.class, ServiceExtension.class})
class ShellTest {
    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = 10_000)
    CommandProcessor shell;

    @Test
    void lbListsTheHostsBundlesBySymbolicName() throws Exception {
        String listing = Gogo.run(shell, "lb -s");
        for (String name : new String[] {"flitter.shell", "flitter.log", "org.lwjgl", "dev.onvoid.webrtc"}) {
            assertTrue(listing.contains(name), name + " not in:\n" + listing);
        }
    }

    @Test
    void flitterVersionAnswersWithTheRunningVersions() throws Exception {
        Bundle shellBundle = bundle("flitter.shell");
        Map<?, ?> versions = (Map<?, ?>) Gogo.result(shell, "flitter:version");
        assertEquals(shellBundle.getVersion().toString(), versions.get("flitter"));
        assertEquals("org.apache.felix.framework " + context.getBundle(0).getVersion(), versions.get("framework"));
        assertTrue(String.valueOf(versions.get("java")).contains(System.getProperty("java.version")), versions.toString());
    }

    @Test
    void flitterVersionIsFoundByItsShortNameToo() throws Exception {
        assertTrue(Gogo.run(shell, "version").contains("org.apache.felix.framework"));
    }

    @Test
    void helpDescribesTheCommand() throws Exception {
        String help = Gogo.run(shell, "help flitter:version");
        assertTrue(help.contains("show the versions of the Flitter host"), help);
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError(symbolicName + " is not installed");
    }
}
