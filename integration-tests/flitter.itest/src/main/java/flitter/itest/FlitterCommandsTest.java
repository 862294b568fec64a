package flitter.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Converter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

import flitter.engine.FrameStats;
import flitter.engine.RendererFactory;
import flitter.engine.RunningShow;
import flitter.engine.ShowPage;
import flitter.model.Node;
import flitter.model.Vector;

/**
 * An operator steers a running show from the Gogo shell: {@code flitter:pages}, {@code load},
 * {@code reload}, {@code state}, {@code define} and {@code fps}, each run as the shell runs it, on a
 * show started by configuration whose {@code !probe} nodes a recording renderer receives.
 */
@ExtendWith({BundleContextExtension.class, ServiceExtension.class})
class FlitterCommandsTest {
    /** Generous: the machines are shared. */
    private static final Duration WAIT = Duration.ofSeconds(10);
    /** How Gogo's help shows a command or parameter without a {@code @Descriptor}. */
    private static final Pattern UNDESCRIBED = Pattern.compile("(?m)\\snull( \\[optional\\])?$");

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = 10_000)
    ConfigurationAdmin configurations;

    @InjectService(timeout = 10_000)
    CommandProcessor shell;

    @TempDir
    Path folder;

    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();
    private final List<Configuration> shows = new ArrayList<>();
    private Probe probe;

    /** Shows of earlier tests end in the background once their configuration is deleted. */
    @BeforeEach
    void noShowRuns() throws Exception {
        Await.until("the shows of earlier tests have ended", WAIT, () -> running() == 0);
        // a !probe writes the state it is given, as a renderer writes input or a call's state
        probe = new Probe((node, frame) -> {
            Vector key = node.attribute("state");
            if (key != null) {
                frame.state().set(key, node.attribute("value"));
            }
        });
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(RendererFactory.KIND, "probe");
        registrations.add(context.registerService(RendererFactory.class, probe, properties));
    }

    @AfterEach
    void stopShows() throws Exception {
        for (Configuration show : shows) {
            show.delete();
        }
        Await.until("the shows have ended", WAIT, () -> running() == 0);
        for (ServiceRegistration<?> registration : registrations) {
            registration.unregister();
        }
        assertFalse(probe.updatedAfterClose, "the engine updated a renderer it had closed");
    }

    @Test
    void withoutAShowEachCommandSaysSo() {
        for (String command : new String[] {"flitter:pages", "flitter:load x.fl", "flitter:reload", "flitter:state",
                "flitter:state :call", "flitter:define who Ada", "flitter:fps"}) {
            Exception e = assertThrows(IllegalStateException.class, () -> execute(command), command);
            assertTrue(e.getMessage().startsWith("no show is running: start one with ./flitter PROGRAM.fl"),
                command + ": " + e.getMessage());
        }
    }

    @Test
    void pagesListsTheProgramsAndLoadSwitchesToANewOne() throws Exception {
        Path one = write("one.fl", "!probe page=1\n");
        Path two = write("two.fl", "!probe page=2\n");
        show(one);
        awaitAttribute("page", 1);

        assertEquals(List.of(new ShowPage(0, one, true)), execute("flitter:pages"));
        assertEquals("0 " + one + " (current)\n", text("flitter:pages"));

        // relative to the shell's working directory, which is the test's folder here
        assertEquals("1 " + two + " (current)\n", text("flitter:load two.fl"));
        awaitAttribute("page", 2);
        assertEquals("0 " + one + "\n1 " + two + " (current)\n", text("flitter:pages"));
        assertEquals(two, execute("((flitter:pages) get 1) program"), "the pages compose in Gogo");

        assertEquals(new ShowPage(0, one, true), execute("flitter:load " + one), "a page already there is switched to");
        awaitAttribute("page", 1);
        assertEquals(2, ((List<?>) execute("flitter:pages")).size());
        assertEquals(1, probe.renderers.size(), "one renderer lives through the page changes");
    }

    @Test
    void aProgramThatDoesNotParseIsRefusedAndTheOldPageKeepsRunning() throws Exception {
        Path one = write("one.fl", "!probe page=1 frame=frame\n");
        Path broken = write("broken.fl", "!probe page=2\n!probe x=(1;\n");
        show(one);
        awaitAttribute("page", 1);

        Exception e = assertThrows(IllegalArgumentException.class, () -> execute("flitter:load broken.fl"));
        assertTrue(e.getMessage().startsWith(broken + ":2:"), e.getMessage());
        assertTrue(e.getMessage().endsWith("(nothing changed: the current page keeps running)"), e.getMessage());
        Exception missing = assertThrows(IllegalArgumentException.class, () -> execute("flitter:load absent.fl"));
        assertTrue(missing.getMessage().startsWith("no such program file: " + folder.resolve("absent.fl")),
            missing.getMessage());

        double seen = probe.lastNode().attribute("frame").asDouble();
        Await.until("30 more frames", WAIT, () -> probe.lastNode().attribute("frame").asDouble() > seen + 30);
        assertEquals(1, probe.lastNode().attribute("page").asDouble(), "the old page keeps running");
        assertEquals(List.of(new ShowPage(0, one, true)), execute("flitter:pages"));
    }

    @Test
    void reloadReadsTheChangedFileNow() throws Exception {
        Path one = write("one.fl", "!probe version=1\n");
        FileTime stamp = Files.getLastModifiedTime(one);
        show(one);
        awaitAttribute("version", 1);

        // The same size and time: the live reload cannot tell that the file changed, so only the command can.
        Path part = folder.resolve(".one.fl.part");
        Files.writeString(part, "!probe version=2\n", StandardCharsets.UTF_8);
        Files.setLastModifiedTime(part, stamp);
        Files.move(part, one, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Thread.sleep(1000);
        assertEquals(1, probe.lastNode().attribute("version").asDouble(), "the watcher did not see the change");

        assertEquals("0 " + one + " (current)\n", text("flitter:reload"));
        awaitAttribute("version", 2);

        write("one.fl", "!probe version=3\n!probe x=(1;\n");
        Exception e = assertThrows(IllegalArgumentException.class, () -> execute("flitter:reload"));
        assertTrue(e.getMessage().startsWith(one + ":2:"), e.getMessage());
        assertTrue(e.getMessage().endsWith("(the last good version keeps running)"), e.getMessage());
        assertEquals(2, probe.lastNode().attribute("version").asDouble());
    }

    @Test
    void stateShowsWhatTheShowWrote() throws Exception {
        show(write("one.fl", "!probe state=:call value=(:connected;2)\n"));
        Await.until("the probe wrote the state", WAIT, () -> probe.lastNode() != null);

        Map<?, ?> state = (Map<?, ?>) execute("flitter:state");
        assertEquals(":connected;2", state.get(":call"), state.toString());
        assertTrue(state.containsKey("'_counter'"), "the page's beat counter: " + state);
        String table = text("flitter:state");
        assertTrue(Pattern.compile("(?m)^:call +:connected;2$").matcher(table).find(), table);

        assertEquals(":connected;2", execute("flitter:state :call"));
        assertEquals(":connected;2", execute("flitter:state call"));
        assertTrue(((String) execute("flitter:state _counter")).startsWith("120;4;"), "the string key '_counter'");
        assertEquals("null", execute("flitter:state :hangup"));
    }

    @Test
    void defineChangesWhatTheProgramSeesNextFrame() throws Exception {
        Path program = write("one.fl", "!probe who=who size=size\n");
        show(program, Map.of("define", new String[] {"who=Ada"}));
        Await.until(WAIT, () -> probe.lastNode() != null && Vector.of("Ada").equals(probe.lastNode().attribute("who")),
            () -> "last node: " + probe.lastNode());

        assertEquals("who                 'Grace'\n", text("flitter:define who Grace"));
        Await.until(WAIT, () -> Vector.of("Grace").equals(probe.lastNode().attribute("who")),
            () -> "last node: " + probe.lastNode());

        execute("flitter:define size \"5k;:big\"");
        Await.until(WAIT, () -> probe.lastNode().attribute("size") != null,
            () -> "last node: " + probe.lastNode());
        assertEquals(Vector.of(5000, Vector.symbol("big").number(0)), probe.lastNode().attribute("size"),
            "read as --define reads it");
    }

    @Test
    void fpsMeasuresTheRunningShow() throws Exception {
        show(write("one.fl", "!probe\n"), Map.of("fps", 30.0));
        Await.until("the first frame", WAIT, () -> probe.lastNode() != null);
        Thread.sleep(2000);

        FrameStats stats = (FrameStats) execute("flitter:fps");
        assertTrue(stats.fps() > 10 && stats.fps() < 35, "about 30 fps: " + stats);
        assertTrue(stats.waitMs() > 0 && stats.evaluateMs() >= 0 && stats.renderMs() >= 0, stats.toString());
        String line = text("flitter:fps");
        assertTrue(line.matches("\\d+\\.\\d fps; \\d+\\.\\d/\\d+\\.\\d/\\d+\\.\\d ms per frame \\(evaluate/render/wait\\); "
            + "performance \\d\\.\\d\\d\n"), line);
        assertTrue(((Number) execute("(flitter:fps) fps")).doubleValue() > 10, "the measurement composes in Gogo");
    }

    @Test
    void helpDescribesEveryCommand() throws Exception {
        for (String command : new String[] {"pages", "load", "reload", "state", "define", "fps"}) {
            String help = Gogo.run(shell, "help flitter:" + command);
            assertTrue(help.startsWith(command + " - ") && help.contains("scope: flitter"), help);
            assertTrue(help.contains("-s, --show   the show, by number"), help);
            assertFalse(UNDESCRIBED.matcher(help).find(), "every command and parameter has a description: " + help);
        }
        String define = Gogo.run(shell, "help flitter:define");
        assertTrue(define.contains("the value, read as --define reads it"), define);
    }

    private int running() {
        try {
            var references = context.getServiceReferences(RunningShow.class, null);
            return references.size();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private void awaitAttribute(String name, double value) throws InterruptedException {
        Await.until(WAIT, () -> {
            Node node = probe.lastNode();
            return node != null && node.attribute(name) != null && node.attribute(name).asDouble() == value;
        }, () -> name + "=" + value + " never showed; last node: " + probe.lastNode());
    }

    /** The command's result, from a session whose working directory is the test's folder. */
    private Object execute(String command) throws Exception {
        try (CommandSession session = session(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))) {
            return session.execute(command);
        }
    }

    /** The command's result as the shell shows it. */
    private String text(String command) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        try (CommandSession session = session(print)) {
            Object result = session.execute(command);
            if (result != null) {
                print.println(session.format(result, Converter.INSPECT));
            }
        }
        return out.toString(StandardCharsets.UTF_8).replaceAll("\n+$", "\n");
    }

    private CommandSession session(PrintStream out) {
        CommandSession session = shell.createSession(new ByteArrayInputStream(new byte[0]), out, out);
        session.currentDir(folder);
        return session;
    }

    private Path write(String name, String text) throws Exception {
        Path file = folder.resolve(name);
        Path part = folder.resolve("." + name + ".part");
        Files.writeString(part, text, StandardCharsets.UTF_8);
        return Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private void show(Path program) throws Exception {
        show(program, Map.of());
    }

    private void show(Path program, Map<String, Object> settings) throws Exception {
        Configuration show = configurations.getFactoryConfiguration("flitter.engine.show", "commands" + System.nanoTime(), "?");
        Dictionary<String, Object> properties = new Hashtable<>(settings);
        properties.put("programs", new String[] {program.toString()});
        show.update(properties);
        shows.add(show);
        Await.until("the show runs", WAIT, () -> running() == 1);
    }
}
