package flitter.itest.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exported host, started through ./flitter as a user starts it. */
class RunningHostTest {
    private static final Duration START = Duration.ofSeconds(60);
    /** FileInstall's promise to a user: a file dropped into load/ takes effect within 2 s. */
    private static final Duration HOT_DEPLOY = Duration.ofSeconds(2);
    private static final Path FIXTURE = Paths.get(System.getProperty("flitter.itest.fixture"));
    private static final String[] HOST_BUNDLES = {"flitter.log", "flitter.shell", "org.lwjgl", "dev.onvoid.webrtc",
        "org.apache.felix.scr", "org.apache.felix.fileinstall", "org.apache.felix.configadmin",
        "org.apache.felix.log", "org.apache.felix.gogo.shell"};

    @TempDir
    Path folder;

    @Test
    void shellPortAnswersLbWithEveryBundleActiveOnLoopbackOnly() throws Exception {
        int port = Host.freeLoopbackPort();
        try (Host host = Host.start(folder, "--shell-port", String.valueOf(port));
                TelnetShellClient shell = TelnetShellClient.connect(port, START)) {
            String listing = awaitOutput(shell, "lb -s", l -> !l.contains("|Starting") && !l.contains("|Resolved"));
            for (String bundle : HOST_BUNDLES) {
                assertTrue(listing.lines().anyMatch(l -> l.contains("|Active") && l.contains("|" + bundle + " (")),
                    bundle + " is not active:\n" + listing);
            }
            assertFalse(listing.contains("|Installed"), listing);

            List<String> listeners = listeningAddresses(port);
            assertFalse(listeners.isEmpty(), "nothing listens on port " + port);
            assertTrue(Set.of("127.0.0.1", "::ffff:127.0.0.1", "::1").containsAll(listeners),
                "the shell must listen on loopback only, not on " + listeners);
            assertTrue(host.output().contains("Gogo shell: telnet 127.0.0.1 " + port), host.output());
        }
    }

    @Test
    void bundleDroppedIntoLoadIsInstalledWithinTwoSecondsAndRemovedWhenDeleted() throws Exception {
        int port = Host.freeLoopbackPort();
        Path load = Files.createDirectories(folder.resolve("deploy"));
        try (Host host = Host.start(folder, "--shell-port", String.valueOf(port), "--load", load.toString());
                TelnetShellClient shell = TelnetShellClient.connect(port, START)) {
            awaitOutput(shell, "lb -s", l -> l.contains("flitter.shell"));
            assertFalse(shell.execute("lb -s").contains("flitter.itest.fixture"));

            Path dropped = load.resolve("fixture.jar");
            copyAtomically(FIXTURE, dropped);
            String greeting = awaitOutput(shell, "fixture:greet operator", HOT_DEPLOY, l -> l.contains("hello operator"));
            assertTrue(greeting.contains("hello operator"), greeting);
            assertTrue(shell.execute("lb -s").contains("|flitter.itest.fixture ("));

            Files.delete(dropped);
            awaitOutput(shell, "lb -s", HOT_DEPLOY, l -> !l.contains("flitter.itest.fixture"));
        }
    }

    @Test
    void configurationFileInLoadReachesTheComponent() throws Exception {
        int port = Host.freeLoopbackPort();
        Path load = Files.createDirectories(folder.resolve("load"));
        copyAtomically(FIXTURE, load.resolve("fixture.jar"));
        try (Host host = Host.start(folder, "--shell-port", String.valueOf(port));
                TelnetShellClient shell = TelnetShellClient.connect(port, START)) {
            awaitOutput(shell, "fixture:greet you", START, l -> l.contains("hello you"));

            Path config = load.resolve("flitter.itest.fixture.greet.cfg");
            Path draft = folder.resolve("draft.cfg");
            Files.writeString(draft, "greeting = bonjour\n");
            Files.move(draft, config, StandardCopyOption.ATOMIC_MOVE);
            awaitOutput(shell, "fixture:greet you", HOT_DEPLOY, l -> l.contains("bonjour you"));

            Files.delete(config);
            awaitOutput(shell, "fixture:greet you", HOT_DEPLOY, l -> l.contains("hello you"));
        }
    }

    @Test
    void interactiveShellOnTheTerminalStopsTheHostCleanly() throws Exception {
        Path output = folder.resolve("output.txt");
        Process process = new ProcessBuilder(Host.LAUNCHER.toString(), "--shell")
            .directory(folder.toFile()).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try (OutputStream terminal = process.getOutputStream()) {
            terminal.write("lb -s\nstop 0\n".getBytes(StandardCharsets.UTF_8));
        }
        assertTrue(process.waitFor(START.toSeconds(), TimeUnit.SECONDS), "the host did not stop");
        String text = Files.readString(output);
        assertEquals(0, process.exitValue(), text);
        assertTrue(text.contains("flitter.shell"), text);
    }

    @Test
    void quietHidesWhatTheDefaultLevelShows() throws Exception {
        assertTrue(startAndStop("--shell-port").contains("Gogo shell: telnet 127.0.0.1"));
        assertFalse(startAndStop("--quiet", "--shell-port").contains("Gogo shell: telnet"));
        assertTrue(startAndStop("--debug", "--shell-port").contains("| DEBUG |"));
    }

    /** Starts a host with ARGS and a fresh port, waits for its shell, stops it, returns its output. */
    private String startAndStop(String... args) throws Exception {
        int port = Host.freeLoopbackPort();
        List<String> all = new ArrayList<>(List.of(args));
        all.add(String.valueOf(port));
        Path own = Files.createTempDirectory(folder, "host");
        try (Host host = Host.start(own, all.toArray(String[]::new));
                TelnetShellClient shell = TelnetShellClient.connect(port, START)) {
            awaitOutput(shell, "lb -s", l -> l.contains("flitter.shell"));
            return host.output();
        }
    }

    private static String awaitOutput(TelnetShellClient shell, String command, Predicate<String> done)
            throws Exception {
        return awaitOutput(shell, command, START, done);
    }

    /** Repeats COMMAND until its output satisfies DONE; fails with the last output after TIMEOUT. */
    private static String awaitOutput(TelnetShellClient shell, String command, Duration timeout,
            Predicate<String> done) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = shell.execute(command);
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("'" + command + "' did not give the expected answer within "
                    + timeout.toMillis() + " ms; last answer:\n" + last);
            }
            Thread.sleep(50);
            last = shell.execute(command);
        }
        return last;
    }

    /** Copies next to the target and renames, so FileInstall never sees half a file. */
    private static void copyAtomically(Path from, Path to) throws IOException {
        Path part = to.resolveSibling(to.getFileName() + ".part");
        Files.copy(from, part, StandardCopyOption.REPLACE_EXISTING);
        Files.move(part, to, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The local addresses of sockets listening on PORT, read from /proc/net/tcp and tcp6. */
    private static List<String> listeningAddresses(int port) throws IOException {
        List<String> addresses = new ArrayList<>();
        for (String table : new String[] {"/proc/net/tcp", "/proc/net/tcp6"}) {
            for (String line : Files.readAllLines(Paths.get(table))) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length < 4 || !fields[3].equals("0A")) {
                    continue;
                }
                String[] local = fields[1].split(":");
                if (Integer.parseInt(local[1], 16) == port) {
                    addresses.add(ProcNet.address(local[0]));
                }
            }
        }
        return addresses;
    }
}
