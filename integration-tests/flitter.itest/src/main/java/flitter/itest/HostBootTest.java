package flitter.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.LogReaderService;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

/** The host boots whole: every bundle active, every component satisfied, nothing logged as an error. */
@ExtendWith({BundleContextExtension.class, ServiceExtension.class})
class HostBootTest {
    private static final Duration BOOT = Duration.ofSeconds(20);

    @InjectBundleContext
    BundleContext context;

    @Test
    void everyBundleIsActive() throws Exception {
        Await.until(BOOT, () -> notActive().isEmpty(), () -> "bundles not active: " + notActive());
    }

    @Test
    void theHostHasEverythingItIsMadeOf() {
        Set<String> names = Arrays.stream(context.getBundles()).map(Bundle::getSymbolicName).collect(Collectors.toSet());
        for (String expected : List.of("org.apache.felix.scr", "org.apache.felix.configadmin",
                "org.apache.felix.fileinstall", "org.apache.felix.log", "org.apache.felix.gogo.runtime",
                "org.apache.felix.gogo.shell", "org.apache.felix.gogo.command", "flitter.log", "flitter.shell",
                "flitter.model", "flitter.language",
                "org.lwjgl", "dev.onvoid.webrtc")) {
            assertTrue(names.contains(expected), expected + " is missing from " + names);
        }
    }

    @Test
    void everyComponentIsSatisfied(@InjectService ServiceComponentRuntime scr) throws Exception {
        Await.until(BOOT, () -> unsatisfied(scr).isEmpty(), () -> "components not satisfied: " + unsatisfied(scr));
        assertTrue(scr.getComponentDescriptionDTOs().stream().anyMatch(d -> d.bundle.symbolicName.equals("flitter.log")),
            "flitter.log's console writer is a component");
    }

    @Test
    void nothingWasLoggedAsAnError(@InjectService LogReaderService log) {
        List<String> errors = Collections.list(log.getLog()).stream()
            .filter(e -> e.getLogLevel() == LogLevel.ERROR || e.getLogLevel() == LogLevel.AUDIT)
            .map(HostBootTest::describe)
            .collect(Collectors.toList());
        assertEquals(List.of(), errors);
    }

    private List<String> notActive() {
        return Arrays.stream(context.getBundles())
            .filter(b -> (b.adapt(BundleRevision.class).getTypes() & BundleRevision.TYPE_FRAGMENT) == 0)
            .filter(b -> b.getState() != Bundle.ACTIVE)
            .map(b -> b.getSymbolicName() + " (state " + b.getState() + ")")
            .collect(Collectors.toList());
    }

    private static List<String> unsatisfied(ServiceComponentRuntime scr) {
        return scr.getComponentDescriptionDTOs().stream()
            .flatMap(d -> scr.getComponentConfigurationDTOs(d).stream())
            .filter(c -> c.state == ComponentConfigurationDTO.UNSATISFIED_REFERENCE
                || c.state == ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION
                || c.state == ComponentConfigurationDTO.FAILED_ACTIVATION)
            .map(c -> c.description.name + " (state " + c.state + (c.failure == null ? "" : ": " + c.failure) + ")")
            .collect(Collectors.toList());
    }

    private static String describe(LogEntry e) {
        return e.getBundle().getSymbolicName() + ": " + e.getMessage()
            + (e.getException() == null ? "" : " " + e.getException());
    }
}
