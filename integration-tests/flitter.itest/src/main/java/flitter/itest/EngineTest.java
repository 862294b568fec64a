package flitter.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

import flitter.engine.RendererFactory;
import flitter.model.Vector;

/**
 * The engine inside the host: a show (started by a {@code flitter.engine.show} configuration, as a
 * {@code .cfg} in the load folder would start one) hands its top-level nodes to the renderer factory
 * of their kind, here a probe that records them.
 */
@ExtendWith({BundleContextExtension.class, ServiceExtension.class})
class EngineTest {
    /** Generous: the machines are shared. The engine itself notices a changed file within 0.25 s. */
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final double EPSILON = 1e-9;

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = 10_000)
    ConfigurationAdmin configurations;

    @TempDir
    Path folder;

    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();
    private final List<Configuration> shows = new ArrayList<>();
    private final List<Probe> probes = new ArrayList<>();

    @AfterEach
    void stopShows() throws Exception {
        for (Configuration show : shows) {
            show.delete();
        }
        for (ServiceRegistration<?> registration : registrations) {
            registration.unregister();
        }
        for (Probe probe : probes) {
            assertFalse(probe.updatedAfterClose, "the engine updated a renderer it had closed");
        }
    }

    @Test
    void lockstepFramesCarryTheNamesTheOriginalGives() throws Exception {
        Probe probe = register("probe", new Probe());
        Path program = write("names.fl", "%pragma tempo 90\n!probe frame=frame beat=beat time=time tempo=tempo delta=delta\n!other\n");
        show(program, Map.of("lockstep", true, "fps", 30.0, "runtime", "2", "define", new String[] {"who=Ada"}));

        Await.until("the show ends (60 frames)", WAIT, () -> probe.renderer(0) != null && probe.allClosed());
        Probe.Rendered renderer = probe.renderer(0);
        assertEquals(1, probe.renderers.size(), "one renderer for the one !probe; !other has no factory and is ignored");
        assertEquals(60, renderer.nodes.size(), "2 s at 30 fps");
        for (int frame = 0; frame < 60; frame++) {
            assertEquals(frame, renderer.number(frame, "frame"), EPSILON);
            assertEquals(frame / 30.0, renderer.number(frame, "time"), EPSILON, "lockstep time is frame/fps");
            assertEquals(frame / 30.0 * 1.5, renderer.number(frame, "beat"), EPSILON, "90 beats a minute");
            // as in the original, the first frame's names are made before the program's pragmas are read
            assertEquals(frame == 0 ? 120 : 90, renderer.number(frame, "tempo"), EPSILON);
            assertEquals(frame == 0 ? 0 : 0.05, renderer.number(frame, "delta"), EPSILON);
        }
        Map<String, Vector> names = renderer.names.get(59);
        assertEquals(Vector.of(30), names.get("fps"));
        assertEquals(Vector.of(4), names.get("quantum"));
        assertEquals(Vector.of(2), names.get("performance"), "lockstep performance stays 2");
        assertEquals(Vector.FALSE, names.get("realtime"));
        assertEquals(Vector.FALSE, names.get("slow_frame"));
        assertEquals(Vector.of(2), names.get("run_time"));
        assertEquals(Vector.of("Ada"), names.get("who"));
        assertTrue(names.get("clock").asDouble() > 1.7e9, "clock is the time of day");
    }

    @Test
    void aRendererIsClosedWhenItsNodeDisappears() throws Exception {
        AtomicReference<Probe> self = new AtomicReference<>();
        AtomicBoolean closedInTime = new AtomicBoolean();
        Probe probe = register("probe", new Probe((node, frame) -> {
            if (node.attribute("n").asDouble() == 1 && frame.names().get("frame").asDouble() == 11) {
                Probe.Rendered second = self.get().renderer(1);
                closedInTime.set(second != null && second.closed);
            }
        }));
        self.set(probe);
        Path program = write("vanish.fl", "!probe n=1 frame=frame\nif frame < 10\n    !probe n=2 frame=frame\n");
        show(program, Map.of("lockstep", true, "fps", 30.0, "runtime", "1"));

        Await.until("the show ends", WAIT, () -> probe.renderer(1) != null && probe.allClosed());
        assertEquals(2, probe.renderers.size());
        Probe.Rendered first = probe.renderer(0);
        Probe.Rendered second = probe.renderer(1);
        assertEquals(30, first.nodes.size());
        assertEquals(10, second.nodes.size(), "the second !probe exists for frames 0 to 9");
        assertTrue(closedInTime.get(), "its renderer is closed as the node goes, not when the show ends");
        for (int frame = 0; frame < 10; frame++) {
            assertEquals(2, second.number(frame, "n"));
            assertEquals(frame, second.number(frame, "frame"));
        }
    }

    @Test
    void liveReloadSwapsProgramsKeepsTheLastGoodOneAndReportsAParseErrorOnce() throws Exception {
        List<String> warnings = Collections.synchronizedList(new ArrayList<>());
        LogListener listener = entry -> {
            if (entry.getLoggerName().startsWith("flitter.engine") && entry.getMessage().contains("Parse error")) {
                warnings.add(entry.getMessage());
            }
        };
        LogReaderService log = context.getService(context.getServiceReference(LogReaderService.class));
        log.addLogListener(listener);
        try {
            Probe probe = register("probe", new Probe());
            Path program = write("live.fl", "!probe version=1 frame=frame\n");
            show(program, Map.of());
            awaitVersion(probe, 1);

            write("live.fl", "!probe version=2 frame=frame\n");
            awaitVersion(probe, 2);

            write("live.fl", "!probe version=3 frame=frame\n!broken x=(1;\n");
            Await.until("the parse error is logged", WAIT, () -> !warnings.isEmpty());
            double seen = probe.lastNode().attribute("frame").asDouble();
            Await.until("30 more frames", WAIT, () -> probe.lastNode().attribute("frame").asDouble() > seen + 30);
            assertEquals(2, probe.lastNode().attribute("version").asDouble(), "the last good version keeps running");
            assertEquals(1, warnings.size(), "logged once: " + warnings);
            assertTrue(warnings.get(0).contains(program + ":2:"), warnings.get(0));

            write("live.fl", "!probe version=4 frame=frame\n");
            awaitVersion(probe, 4);
            assertEquals(1, warnings.size(), warnings.toString());
            assertEquals(1, probe.renderers.size(), "the renderer lives on through reloads");
        } finally {
            log.removeLogListener(listener);
        }
    }

    @Test
    void aFactoryThatLeavesClosesItsRenderersAndTheShowGoesOn() throws Exception {
        Probe probe = new Probe();
        probes.add(probe);
        ServiceRegistration<?> registration = context.registerService(RendererFactory.class, probe, properties("probe"));
        Probe keeper = register("keeper", new Probe());
        Path program = write("leave.fl", "!probe\n!keeper frame=frame\n");
        show(program, Map.of());
        Await.until("both render", WAIT, () -> probe.renderer(0) != null && keeper.renderer(0) != null);

        registration.unregister();
        assertTrue(probe.renderer(0).closed, "closed before the factory's unregistration returns");
        double seen = keeper.lastNode().attribute("frame").asDouble();
        Await.until("the show goes on", WAIT, () -> keeper.lastNode().attribute("frame").asDouble() > seen + 10);
        assertEquals(1, probe.renderers.size(), "no new renderer from a departed factory");
        assertFalse(keeper.renderer(0).closed);
    }

    @Test
    void aRendererCanTurnThePage() throws Exception {
        Probe probe = register("probe", new Probe((node, frame) -> {
            if (node.attribute("page").asDouble() == 1 && frame.names().get("frame").asDouble() >= 5) {
                frame.nextPage();
            }
        }));
        Path one = write("one.fl", "!probe page=1\n");
        Path two = write("two.fl", "%pragma tempo 60\n!probe page=2 tempo=tempo\n");
        show(List.of(one, two), Map.of("lockstep", true));

        Await.until("page two shows with its own tempo", WAIT, () -> probe.lastNode() != null
            && probe.lastNode().attribute("page").asDouble() == 2 && probe.lastNode().attribute("tempo").asDouble() == 60);
        Probe.Rendered renderer = probe.renderer(0);
        assertTrue(renderer.purges >= 1, "renderers are purged when the page changes");
        assertEquals(1, probe.renderers.size(), "the !probe of the next page goes to the same renderer");
    }

    private void awaitVersion(Probe probe, double version) throws InterruptedException {
        Await.until(WAIT, () -> probe.lastNode() != null && probe.lastNode().attribute("version").asDouble() == version,
            () -> "version " + version + " never showed; last node: " + probe.lastNode());
    }

    private Path write(String name, String text) throws Exception {
        Path file = folder.resolve(name);
        Path part = folder.resolve("." + name + ".part");
        Files.writeString(part, text, StandardCharsets.UTF_8);
        return Files.move(part, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private Probe register(String kind, Probe probe) {
        probes.add(probe);
        registrations.add(context.registerService(RendererFactory.class, probe, properties(kind)));
        return probe;
    }

    private static Dictionary<String, Object> properties(String kind) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(RendererFactory.KIND, kind);
        return properties;
    }

    private void show(Path program, Map<String, Object> settings) throws Exception {
        show(List.of(program), settings);
    }

    private void show(List<Path> programs, Map<String, Object> settings) throws Exception {
        Configuration show = configurations.getFactoryConfiguration("flitter.engine.show", "itest" + System.nanoTime(), "?");
        Dictionary<String, Object> properties = new Hashtable<>(settings);
        properties.put("programs", programs.stream().map(Path::toString).toArray(String[]::new));
        show.update(properties);
        shows.add(show);
    }
}
