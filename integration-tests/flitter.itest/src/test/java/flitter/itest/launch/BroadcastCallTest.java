package flitter.itest.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code !broadcast} between real hosts, each in a network namespace of this test's own (broadcasts
 * never leave them): Java hosts started with {@code ./flitter} as a user starts them, and the Python
 * peer built on aiortc that speaks the original plugin's protocol. A Java host runs
 * src/test/fl/call.fl, which records what it shows once a second as STATE-SECOND.png.
 */
class BroadcastCallTest {
    private static final Path PROGRAM = Host.ROOT.resolve("integration-tests/flitter.itest/src/test/fl/call.fl");
    private static final Path BUNDLE = Host.ROOT.resolve("bundles/flitter.signalling.broadcast/target/"
        + "flitter.signalling.broadcast-" + System.getProperty("flitter.version") + ".jar");
    private static final Duration CONNECT = Duration.ofSeconds(60);
    /** How long the flood and the quiet period it is compared with last. */
    private static final long FLOOD_WINDOW_MILLIS = 6000;
    private static final Pattern LOG_TIME = Pattern.compile("^(\\d\\d:\\d\\d:\\d\\d\\.\\d{3}) ");

    private static Namespaces namespaces;
    private final List<AutoCloseable> running = new ArrayList<>();

    @TempDir
    Path folder;

    @BeforeAll
    static void createNamespaces() throws Exception {
        namespaces = Namespaces.create();
    }

    @AfterAll
    static void removeNamespaces() throws Exception {
        if (namespaces != null) {
            namespaces.close();
        }
    }

    @AfterEach
    void stopEverything() throws Exception {
        for (AutoCloseable closeable : running) {
            closeable.close();
        }
        Namespaces.killAll(namespaces.a);
        Namespaces.killAll(namespaces.b);
    }

    /** A Java host in {@code namespace} playing {@code role} for call {@code id}, recording into {@code out}. */
    private Host java(String namespace, String name, String role, String id, String[] picture, String... more)
            throws IOException {
        return java(environment -> { }, namespace, name, role, id, picture, more);
    }

    private Host java(Consumer<Map<String, String>> environment, String namespace, String name, String role, String id,
            String[] picture, String... more) throws IOException {
        Path out = Files.createDirectories(folder.resolve(name));
        List<String> args = new ArrayList<>(List.of(PROGRAM.toString(), "--fps", "30", "--verbose",
            "-D", "out=" + out, "-D", "signalling=broadcast", "-D", "role=" + role, "-D", "id=" + id,
            "-D", "tl=" + picture[0], "-D", "tr=" + picture[1], "-D", "bl=" + picture[2], "-D", "br=" + picture[3]));
        args.addAll(List.of(more));
        Host host = Host.start(Namespaces.in(namespace), out, environment, args.toArray(String[]::new));
        running.add(host);
        return host;
    }

    private PythonPeer python(String namespace, String... args) throws IOException {
        Assumptions.assumeTrue(PythonPeer.available(), "Debian's python3-aiortc is not installed");
        PythonPeer peer = PythonPeer.start(namespace, args);
        running.add(peer);
        return peer;
    }

    @Test
    void aPythonCallerOfTheOriginalProtocolReachesAJavaAnswerer() throws Exception {
        Host answerer = java(namespaces.b, "b", "answer", "studio", Pictures.YMCK);
        answerer.awaitLine(l -> l.contains("!broadcast answer 'studio'") && l.contains("listening"), CONNECT);
        PythonPeer caller = python(namespaces.a, "--call", "studio");

        PythonPeer.Frame frame = caller.awaitFrame(f -> Pictures.close(f.quadrants(), Pictures.YMCK_SEEN), CONNECT);
        assertEquals(320, frame.width());
        assertEquals(240, frame.height());
        Pictures.await(folder.resolve("b"), "connected", Pictures.RGBW_SEEN, CONNECT);
        long offered = caller.awaitEvent("\"offer\"", CONNECT);
        long connected = caller.awaitEvent("\"connected\"", CONNECT);
        System.out.printf("broadcast: Python caller -> Java answerer connected %d ms after its first offer%n",
            (connected - offered) / 1_000_000);
    }

    @Test
    void aJavaCallerReachesAPythonAnswererOfTheOriginalProtocol() throws Exception {
        PythonPeer answerer = python(namespaces.b, "--answer", "stage");
        answerer.awaitEvent("listening", CONNECT);
        Host caller = java(namespaces.a, "a", "call", "stage", Pictures.YMCK);

        PythonPeer.Frame frame = answerer.awaitFrame(f -> Pictures.close(f.quadrants(), Pictures.YMCK_SEEN), CONNECT);
        assertEquals(320, frame.width());
        assertEquals(240, frame.height());
        Pictures.await(folder.resolve("a"), "connected", Pictures.RGBW_SEEN, CONNECT);
        printConnectTime("Java caller -> Python answerer", caller);
    }

    @Test
    void twoJavaHostsCallEachOtherAndARestartedAnswererIsCalledAgainWithinTenSeconds() throws Exception {
        Host answerer = java(namespaces.b, "b", "answer", "room", Pictures.YMCK);
        answerer.awaitLine(l -> l.contains("!broadcast answer 'room'") && l.contains("listening"), CONNECT);
        Host caller = java(namespaces.a, "a", "call", "room", Pictures.RGBW);
        Pictures.await(folder.resolve("a"), "connected", Pictures.YMCK_SEEN, CONNECT);
        Pictures.await(folder.resolve("b"), "connected", Pictures.RGBW_SEEN, CONNECT);
        printConnectTime("Java caller -> Java answerer", caller);

        Namespaces.killAll(namespaces.b);
        answerer.close();
        long restarted = System.nanoTime();
        long restartedAt = System.currentTimeMillis();
        Host again = java(namespaces.b, "b2", "answer", "room", Pictures.YMCK);
        Pictures.await(folder.resolve("b2"), "connected", Pictures.RGBW_SEEN, CONNECT);
        double seconds = (System.nanoTime() - restarted) / 1e9;
        System.out.printf("broadcast: a restarted answerer was called again %.1f s after it was started%n", seconds);
        assertTrue(seconds < 10, "the restarted answerer connected only after " + seconds + " s:\n" + again.output());
        // The caller's pictures of this call, not the first one's.
        Pictures.await(folder.resolve("a"), "connected", Pictures.YMCK_SEEN, CONNECT, restartedAt);
    }

    @Test
    void aHundredThousandHostileDatagramsAtTheAnswerersPortLeaveTheCallUp() throws Exception {
        // A fixed, pre-touched heap: RSS then moves only with native memory, and the heap's live set is
        // measured after a full collection.
        Host answerer = java(environment -> environment.put("FLITTER_JAVA_OPTS", "-Xms384m -Xmx384m -XX:+AlwaysPreTouch"),
            namespaces.b, "b", "answer", "flood", Pictures.YMCK);
        java(namespaces.a, "a", "call", "flood", Pictures.RGBW);
        Pictures.await(folder.resolve("b"), "connected", Pictures.RGBW_SEEN, CONNECT);
        Pictures.await(folder.resolve("a"), "connected", Pictures.YMCK_SEEN, CONNECT);
        long pid = javaPid(namespaces.b);
        // A first, smaller flood brings the JIT compiler in (its arenas take ~15 MB once); then what the
        // call alone does to RSS in as long as the flood will take: the flood's own effect is
        // the difference.
        long hostileSince = System.currentTimeMillis();
        flood(50_000);
        Thread.sleep(3000);
        long rssQuiet = rss(pid);
        Thread.sleep(FLOOD_WINDOW_MILLIS);
        long rssBefore = rss(pid);
        long quietGrowth = Math.max(0, rssBefore - rssQuiet);
        long heapBefore = liveHeap(pid);
        List<String> threadsBefore = flitterThreads(pid);
        assertTrue(threadsBefore.contains("flitter-broadcast-answer-flood"), threadsBefore.toString());

        long floodStart = System.currentTimeMillis();
        flood(100_000);
        long floodEnd = System.currentTimeMillis();
        Thread.sleep(Math.max(0, floodStart + FLOOD_WINDOW_MILLIS - floodEnd));

        Path after = Pictures.await(folder.resolve("b"), "connected", Pictures.RGBW_SEEN, Duration.ofSeconds(10), floodEnd);
        for (Path picture : Pictures.list(folder.resolve("b"), null)) {
            if (Files.getLastModifiedTime(picture).toMillis() >= hostileSince) {
                assertTrue(picture.getFileName().toString().startsWith("connected-"),
                    "the call left :connected during the flood: " + picture + "\n" + answerer.output());
            }
        }
        Pictures.await(folder.resolve("a"), "connected", Pictures.YMCK_SEEN, Duration.ofSeconds(10), floodEnd);
        long rssAfter = rss(pid);
        long heapAfter = liveHeap(pid);
        List<String> threadsAfter = flitterThreads(pid);
        System.out.printf("broadcast: 100000 hostile datagrams in %.1f s; answerer RSS %d -> %d MB (%d MB in as long"
            + " without them), live heap %d -> %d MB; %s%n", (floodEnd - floodStart) / 1000.0, rssBefore >> 20,
            rssAfter >> 20, quietGrowth >> 20, heapBefore >> 20, heapAfter >> 20, after.getFileName());
        assertEquals(threadsBefore, threadsAfter, "the host's own threads before and after the flood");
        assertTrue(rssAfter - rssBefore - quietGrowth < (16L << 20),
            "RSS grew from " + (rssBefore >> 20) + " MB to " + (rssAfter >> 20) + " MB, " + (quietGrowth >> 20)
                + " MB without the flood");
        assertTrue(heapAfter - heapBefore < (8L << 20),
            "the live heap grew from " + (heapBefore >> 20) + " MB to " + (heapAfter >> 20) + " MB");
        long warnings = answerer.output().lines().filter(l -> l.contains("!broadcast") && l.contains("ignored")).count();
        long seconds = (System.currentTimeMillis() - floodStart) / 1000;
        assertTrue(warnings >= 1 && warnings <= seconds / 10 + 2,
            warnings + " lines about ignored datagrams in " + seconds + " s:\n" + answerer.output());
        assertNoErrors(answerer);
    }

    @Test
    void theBroadcastBundleSwappedDuringACallEndsItQuietlyAndBringsItBackAtEachStep() throws Exception {
        Host answerer = java(namespaces.b, "b", "answer", "swap", Pictures.YMCK, "--shell");
        java(namespaces.a, "a", "call", "swap", Pictures.RGBW);
        Path shown = folder.resolve("b");
        Pictures.await(shown, "connected", Pictures.RGBW_SEEN, CONNECT);
        answerer.shell("lb -s flitter.signalling.broadcast");
        String listed = answerer.awaitLine(l -> l.contains("|Active") && l.contains("|flitter.signalling.broadcast ("), CONNECT);
        String id = listed.replaceAll("^\\D*(\\d+)\\|.*$", "$1");

        // Uninstalled from the shell: the call ends, state=null, the node shows its own picture.
        long step = System.currentTimeMillis();
        answerer.shell("uninstall " + id);
        Pictures.await(shown, "", Pictures.YMCK_SEEN, Duration.ofSeconds(10), step);

        // Installed from the shell: the call comes back.
        step = System.currentTimeMillis();
        answerer.shell("install file:" + BUNDLE);
        String installedId = answerer.awaitLine(l -> l.contains("Bundle ID:"), Duration.ofSeconds(10))
            .replaceAll("^.*Bundle ID: (\\d+).*$", "$1");
        answerer.shell("start " + installedId);
        Pictures.await(shown, "connected", Pictures.RGBW_SEEN, CONNECT, step);

        // Updated from the shell: stopped (the call ends) and started again (a new call comes up).
        long calls = callsUp(answerer);
        step = System.currentTimeMillis();
        answerer.shell("update " + installedId);
        awaitCallsUp(answerer, calls + 1);
        Pictures.await(shown, "connected", Pictures.RGBW_SEEN, CONNECT, step);

        // Handed to the load folder: uninstalled from the shell, then a jar dropped into load/ is
        // installed, a newer one updates it, and deleting it uninstalls it.
        answerer.shell("uninstall " + installedId);
        Pictures.await(shown, "", Pictures.YMCK_SEEN, Duration.ofSeconds(10), System.currentTimeMillis());
        step = System.currentTimeMillis();
        Path dropped = shown.resolve("load/flitter.signalling.broadcast.jar");
        Files.copy(BUNDLE, dropped);
        Pictures.await(shown, "connected", Pictures.RGBW_SEEN, CONNECT, step);
        calls = callsUp(answerer);
        step = System.currentTimeMillis();
        Files.setLastModifiedTime(dropped, java.nio.file.attribute.FileTime.fromMillis(step + 1000));
        awaitCallsUp(answerer, calls + 1);
        Pictures.await(shown, "connected", Pictures.RGBW_SEEN, CONNECT, step);
        step = System.currentTimeMillis();
        Files.delete(dropped);
        Pictures.await(shown, "", Pictures.YMCK_SEEN, Duration.ofSeconds(10), step);

        assertNoErrors(answerer);
    }

    /** How many calls the host has seen come up, from its log. */
    private static long callsUp(Host host) throws IOException {
        return host.output().lines().filter(l -> l.contains("WebRTC connection up")).count();
    }

    private static void awaitCallsUp(Host host, long count) throws Exception {
        long deadline = System.nanoTime() + CONNECT.toNanos();
        while (callsUp(host) < count) {
            assertTrue(System.nanoTime() < deadline, "no new call came up:\n" + host.output());
            Thread.sleep(100);
        }
    }

    /** Sends {@code count} hostile datagrams from side A to the answerer's port on side B. */
    private static void flood(int count) throws Exception {
        List<String> command = new ArrayList<>(Namespaces.in(namespaces.a));
        command.addAll(List.of(PythonPeer.PYTHON, PythonPeer.SCRIPTS.resolve("broadcast_flood.py").toString(),
            "--target", Namespaces.ADDRESS_B + ":5111", "--id", "flood", "--count", String.valueOf(count)));
        String sent = Namespaces.run(command.toArray(String[]::new));
        assertTrue(sent.contains("\"sent\": " + count), sent);
    }

    /** The JVM of the one Java host running in {@code namespace}. */
    private static long javaPid(String namespace) throws Exception {
        for (long pid : Namespaces.pids(namespace)) {
            String command = ProcessHandle.of(pid).flatMap(h -> h.info().command()).orElse("");
            if (command.endsWith("/java")) {
                return pid;
            }
        }
        throw new AssertionError("no java process in " + namespace);
    }

    private static long rss(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D+", "")) * 1024;
            }
        }
        throw new AssertionError("no VmRSS for " + pid);
    }

    /** The heap in use after a full collection, from jcmd. */
    private static long liveHeap(long pid) throws Exception {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        Namespaces.run(jcmd, String.valueOf(pid), "GC.run");
        Matcher used = Pattern.compile("total \\d+K, used (\\d+)K")
            .matcher(Namespaces.run(jcmd, String.valueOf(pid), "GC.heap_info"));
        assertTrue(used.find(), "no heap figures from jcmd");
        return Long.parseLong(used.group(1)) * 1024;
    }

    /** The names of the host's own threads (flitter-*), sorted, from jcmd. */
    private static List<String> flitterThreads(long pid) throws Exception {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        return Namespaces.run(jcmd.toString(), String.valueOf(pid), "Thread.print").lines()
            .filter(l -> l.startsWith("\"flitter-"))
            .map(l -> l.substring(1, l.indexOf('"', 1)))
            .sorted()
            .toList();
    }

    /**
     * The time from the host's signalling start to its connection, from its log: for a caller, key
     * derivation, ICE gathering, the offer, the answer and ICE and DTLS.
     */
    private static void printConnectTime(String what, Host host) throws Exception {
        LocalTime started = time(host.awaitLine(l -> l.contains("started !broadcast signalling"), CONNECT));
        LocalTime up = time(host.awaitLine(l -> l.contains("WebRTC connection up"), CONNECT));
        System.out.printf("broadcast: %s connected %d ms after its signalling started%n", what,
            Duration.between(started, up).toMillis());
    }

    private static LocalTime time(String line) {
        Matcher m = LOG_TIME.matcher(line);
        assertTrue(m.find(), line);
        return LocalTime.parse(m.group(1));
    }

    static void assertNoErrors(Host host) throws IOException {
        assertFalse(host.output().lines().anyMatch(l -> l.contains("| ERROR")), host.output());
    }
}
