package flitter.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.time.Duration;

import org.apache.felix.service.command.CommandProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

/** A bundle installed while the host runs brings its DS service; uninstalled, it takes it away. */
@ExtendWith({BundleContextExtension.class, ServiceExtension.class})
class HotInstallTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String FIXTURE_COMMAND = "(osgi.command.scope=fixture)";

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = 10_000)
    CommandProcessor shell;

    @Test
    void installedBundleRegistersItsServiceAndUninstallRemovesIt() throws Exception {
        File fixture = new File(context.getProperty("flitter.itest.fixture"));
        assertTrue(fixture.isFile(), "fixture bundle not built: " + fixture);
        assertEquals(0, fixtureServices(), "the fixture is not part of the host");

        Bundle bundle = context.installBundle(fixture.toURI().toString());
        bundle.start();
        Await.until("the fixture's command service is registered", WAIT, () -> fixtureServices() == 1);
        ServiceReference<?> reference = context.getServiceReferences((String) null, FIXTURE_COMMAND)[0];
        assertEquals(bundle, reference.getBundle());
        assertEquals("hello world", Gogo.result(shell, "fixture:greet world"));

        bundle.uninstall();
        Await.until("the fixture's command service is gone", WAIT, () -> fixtureServices() == 0);
        Exception gone = assertThrows(Exception.class, () -> Gogo.result(shell, "fixture:greet world"));
        assertNotNull(gone.getMessage());
        assertTrue(gone.getMessage().contains("fixture:greet"), gone.getMessage());
    }

    @Test
    void reinstallingBringsTheServiceBackWithoutARestart() throws Exception {
        File fixture = new File(context.getProperty("flitter.itest.fixture"));
        for (int round = 0; round < 3; round++) {
            Bundle bundle = context.installBundle(fixture.toURI().toString());
            bundle.start();
            Await.until("registered in round " + round, WAIT, () -> fixtureServices() == 1);
            assertEquals("hello again", Gogo.result(shell, "fixture:greet again"));
            bundle.uninstall();
            Await.until("gone in round " + round, WAIT, () -> fixtureServices() == 0);
        }
    }

    private int fixtureServices() {
        try {
            ServiceReference<?>[] references = context.getServiceReferences((String) null, FIXTURE_COMMAND);
            return references == null ? 0 : references.length;
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
