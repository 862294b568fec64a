package flitter.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.List;
import java.util.Objects;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

import flitter.engine.RendererFactory;
import flitter.language.Compiler;
import flitter.model.Vector;
import flitter.render.gl.WindowNodeFactory;
import flitter.webrtc.Signalling;

/**
 * Two (or more) {@code !webrtc} nodes in one host, paired by a test-only signalling protocol: images
 * go each way with size, orientation and colour, the state key follows the connection, a peer that
 * closes is called again, a node passes received video on to another call, and connecting and closing
 * over and over leaks no threads, and no memory beyond what webrtc-java keeps of each closed connection.
 */
@ExtendWith({BundleContextExtension.class, ServiceExtension.class})
class WebRtcCallTest {
    /** Per channel: VP8, and the original plugin's YUV-to-RGB constants (which shift saturated colours). */
    static final int TOLERANCE = 60;

    static final int CYCLES = Integer.getInteger("flitter.itest.webrtc.cycles", 50);

    static final String QUADRANTS = """
        ${HEADER}
        in vec2 coord;
        out vec4 color;
        uniform vec3 top_left;
        uniform vec3 top_right;
        uniform vec3 bottom_left;
        uniform vec3 bottom_right;
        void main() {
            vec3 top = coord.x < 0.5 ? top_left : top_right;
            vec3 bottom = coord.x < 0.5 ? bottom_left : bottom_right;
            color = vec4(coord.y > 0.5 ? top : bottom, 1.0);
        }
        """;

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = 10_000)
    Compiler compiler;

    @InjectService(timeout = 10_000)
    ConfigurationAdmin configurations;

    @InjectService(timeout = 10_000, filter = "(" + RendererFactory.KIND + "=offscreen)")
    RendererFactory offscreen;

    private final PairSignalling pair = new PairSignalling();
    private final Pixels pixels = new Pixels();
    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();

    @BeforeEach
    void register() {
        Hashtable<String, Object> signalling = new Hashtable<>();
        signalling.put(Signalling.KIND, "pair");
        registrations.add(context.registerService(Signalling.class, pair, signalling));
        Hashtable<String, Object> kind = new Hashtable<>();
        kind.put(WindowNodeFactory.KIND, "pixels");
        registrations.add(context.registerService(WindowNodeFactory.class, pixels, kind));
    }

    @AfterEach
    void unregister() {
        registrations.forEach(ServiceRegistration::unregister);
    }

    /** A shader drawing four coloured quadrants, named by where they are on screen. */
    private static String quadrants(String topLeft, String topRight, String bottomLeft, String bottomRight) {
        return "!shader fragment=QUADRANTS top_left=" + topLeft + " top_right=" + topRight
            + " bottom_left=" + bottomLeft + " bottom_right=" + bottomRight;
    }

    private Show show(String source) throws Exception {
        return new Show(compiler, offscreen, source).name("QUADRANTS", Vector.of(QUADRANTS)).name("epoch", Vector.of(0));
    }

    private static final String TWO_ENDPOINTS = String.join("\n",
        "!offscreen size=320;240",
        "    !pixels name='caller'",
        "        !webrtc state=:caller",
        "            !pair call='two' delay=0.5",
        "            " + quadrants("1;0;0", "0;1;0", "0;0;1", "1;1;1"),
        "    !pixels name='answerer'",
        "        !webrtc state=:answerer",
        "            !pair answer='two' epoch=epoch",
        "            " + quadrants("1;1;0", "1;0;1", "0;1;1", "0;0;0"));

    private boolean connected(Show show, String... keys) {
        return Arrays.stream(keys).allMatch(key -> show.state(key).equals(Vector.symbol("connected")));
    }

    /** Whether {@code name}'s image shows the quadrants (top-left, top-right, bottom-left, bottom-right). */
    private boolean shows(String name, int[]... expected) {
        return shows(name, TOLERANCE, expected);
    }

    private boolean shows(String name, int tolerance, int[]... expected) {
        Pixels.Image image = pixels.images.get(name);
        if (image == null) {
            return false;
        }
        double[][] centres = {{0.25, 0.25}, {0.75, 0.25}, {0.25, 0.75}, {0.75, 0.75}};
        for (int q = 0; q < 4; q++) {
            int[] seen = image.rgb(centres[q][0], centres[q][1]);
            for (int c = 0; c < 3; c++) {
                if (Math.abs(seen[c] - expected[q][c]) > tolerance) {
                    return false;
                }
            }
        }
        return true;
    }

    private String seen(String name) {
        Pixels.Image image = pixels.images.get(name);
        if (image == null) {
            return name + ": no image";
        }
        return name + ": " + image.width() + "x" + image.height() + " top-left " + Arrays.toString(image.rgb(0.25, 0.25))
            + " top-right " + Arrays.toString(image.rgb(0.75, 0.25)) + " bottom-left "
            + Arrays.toString(image.rgb(0.25, 0.75)) + " bottom-right " + Arrays.toString(image.rgb(0.75, 0.75));
    }

    private static final int[] RED = {255, 0, 0};
    private static final int[] GREEN = {0, 255, 0};
    private static final int[] BLUE = {0, 0, 255};
    private static final int[] WHITE = {255, 255, 255};
    private static final int[] YELLOW = {255, 255, 0};
    private static final int[] MAGENTA = {255, 0, 255};
    private static final int[] CYAN = {0, 255, 255};
    private static final int[] BLACK = {0, 0, 0};

    @Test
    void eachSideSeesTheOthersImageTheRightWayUpInItsColours() throws Exception {
        try (Show show = show(TWO_ENDPOINTS)) {
            List<Vector> states = new ArrayList<>();
            show.until(Duration.ofSeconds(30), 30, () -> {
                Vector now = show.state("answerer");
                if (states.isEmpty() || !states.get(states.size() - 1).equals(now)) {
                    states.add(now);
                }
                return connected(show, "caller", "answerer") && shows("caller", YELLOW, MAGENTA, CYAN, BLACK)
                    && shows("answerer", RED, GREEN, BLUE, WHITE);
            }, () -> "states " + states + "; " + seen("caller") + "; " + seen("answerer"));
            assertEquals(Vector.NULL, states.get(0), "no connection before the first frame's signalling: " + states);
            int connecting = states.indexOf(Vector.symbol("connecting"));
            assertTrue(connecting > 0 && connecting < states.indexOf(Vector.symbol("connected")),
                "null, then :connecting, then :connected: " + states);
            System.out.println("WebRTC colours after one hop: " + seen("caller") + "; " + seen("answerer"));
            assertEquals(320, pixels.images.get("caller").width());
            assertEquals(240, pixels.images.get("caller").height());
        }
    }

    @Test
    void aSignallingServiceThatLeavesDoesNotTouchTheCallsOfAnother() throws Exception {
        PairSignalling other = new PairSignalling();
        Hashtable<String, Object> kind = new Hashtable<>();
        kind.put(Signalling.KIND, "other");
        ServiceRegistration<?> otherRegistration = context.registerService(Signalling.class, other, kind);
        String program = String.join("\n",
            "!offscreen size=320;240",
            "    !webrtc state=:caller",
            "        !pair call='kept'",
            "        " + quadrants("1;0;0", "0;1;0", "0;0;1", "1;1;1"),
            "    !webrtc state=:answerer",
            "        !pair answer='kept'",
            "        " + quadrants("1;1;0", "1;0;1", "0;1;1", "0;0;0"),
            "    !webrtc state=:caller2",
            "        !other call='swapped'",
            "        " + quadrants("1;0;0", "0;1;0", "0;0;1", "1;1;1"),
            "    !webrtc state=:answerer2",
            "        !other answer='swapped'",
            "        " + quadrants("1;1;0", "1;0;1", "0;1;1", "0;0;0"));
        try (Show show = show(program)) {
            show.until(Duration.ofSeconds(30), 30, () -> connected(show, "caller", "answerer", "caller2", "answerer2"),
                () -> "caller " + show.state("caller") + ", caller2 " + show.state("caller2"));
            int offers = pair.offers.get();
            otherRegistration.unregister();
            long end = System.nanoTime() + Duration.ofSeconds(2).toNanos();
            show.until(Duration.ofSeconds(10), 30, () -> {
                assertTrue(connected(show, "caller", "answerer"), "the !pair call was touched: caller "
                    + show.state("caller") + ", answerer " + show.state("answerer"));
                return System.nanoTime() > end;
            }, () -> "");
            assertEquals(Vector.NULL, show.state("caller2"));
            assertEquals(Vector.NULL, show.state("answerer2"));
            assertEquals(offers, pair.offers.get(), "the !pair call was made again");
        }
    }

    @Test
    void aSignallingServiceThatLeavesEndsItsCallsAndOneThatArrivesIsUsed() throws Exception {
        try (Show show = show(TWO_ENDPOINTS)) {
            show.until(Duration.ofSeconds(30), 30, () -> connected(show, "caller", "answerer"),
                () -> "caller " + show.state("caller") + ", answerer " + show.state("answerer"));
            registrations.remove(0).unregister();
            show.frame();
            assertEquals(Vector.NULL, show.state("caller"), "no signalling, no call");
            assertEquals(Vector.NULL, show.state("answerer"), "no signalling, no call");
            assertTrue(shows("caller", RED, GREEN, BLUE, WHITE), "its own image again: " + seen("caller"));
            Hashtable<String, Object> signalling = new Hashtable<>();
            signalling.put(Signalling.KIND, "pair");
            registrations.add(context.registerService(Signalling.class, new PairSignalling(), signalling));
            show.until(Duration.ofSeconds(30), 30,
                () -> connected(show, "caller", "answerer") && shows("caller", YELLOW, MAGENTA, CYAN, BLACK),
                () -> "caller " + show.state("caller") + ", answerer " + show.state("answerer") + "; " + seen("caller"));
        }
    }

    @Test
    void theCodecSettingChoosesTheCodecOfTheNextCall() throws Exception {
        Configuration settings = configurations.getConfiguration("flitter.webrtc", "?");
        settings.update(new Hashtable<>(java.util.Map.of("codec", "H264")));
        try {
            // ConfigAdmin hands the change to the component on its own thread: call until a call uses it.
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            String codec = null;
            while (!"H264".equals(codec) && System.nanoTime() < deadline) {
                pair.lastAnswer = null;
                try (Show show = show(TWO_ENDPOINTS)) {
                    show.until(Duration.ofSeconds(30), 30,
                        () -> connected(show, "caller", "answerer") && shows("caller", YELLOW, MAGENTA, CYAN, BLACK),
                        () -> "caller " + show.state("caller") + "; " + seen("caller"));
                }
                codec = firstVideoCodec(pair.lastAnswer);
            }
            assertEquals("H264", codec, "the answer's first video codec");
        } finally {
            settings.delete();
        }
    }

    /** The codec of the first payload type of an SDP's video section ({@code m=video PORT PROTO PT ...}). */
    private static String firstVideoCodec(String sdp) {
        if (sdp == null) {
            return null;
        }
        String payload = null;
        for (String line : sdp.split("\r?\n")) {
            if (line.startsWith("m=video ")) {
                payload = line.split(" ")[3];
            } else if (payload != null && line.startsWith("a=rtpmap:" + payload + " ")) {
                return line.substring(line.indexOf(' ') + 1).split("/")[0];
            }
        }
        return null;
    }

    @Test
    void withoutAConnectionTheNodeShowsItsOwnImage() throws Exception {
        String alone = String.join("\n",
            "!offscreen size=64;48",
            "    !pixels name='alone'",
            "        !webrtc state=:alone",
            "            !pair call='nobody'",
            "            " + quadrants("1;0;0", "0;1;0", "0;0;1", "1;1;1"));
        try (Show show = show(alone)) {
            for (int i = 0; i < 5; i++) {
                show.frame();
            }
            assertTrue(shows("alone", RED, GREEN, BLUE, WHITE), seen("alone"));
            assertEquals(Vector.NULL, show.state("alone"), "nobody answers: no connection");
        }
    }

    @Test
    void whenThePeerClosesTheCallIsMadeAgain() throws Exception {
        try (Show show = show(TWO_ENDPOINTS)) {
            show.until(Duration.ofSeconds(30), 30, () -> connected(show, "caller", "answerer"),
                () -> "caller " + show.state("caller") + ", answerer " + show.state("answerer"));
            int offers = pair.offers.get();
            // A changed signalling attribute makes the answerer close its connection and listen again.
            show.name("epoch", Vector.of(1));
            show.until(Duration.ofSeconds(30), 30, () -> !connected(show, "caller"),
                () -> "the caller never saw the close: " + show.state("caller"));
            pixels.images.remove("caller");
            show.until(Duration.ofSeconds(30), 30,
                () -> connected(show, "caller", "answerer") && shows("caller", YELLOW, MAGENTA, CYAN, BLACK),
                () -> "caller " + show.state("caller") + ", answerer " + show.state("answerer") + "; " + seen("caller"));
            assertTrue(pair.offers.get() > offers, "the caller offered again");
        }
    }

    @Test
    void aNodeCanPassTheVideoItReceivesOnToAnotherCall() throws Exception {
        String relay = String.join("\n",
            "!offscreen size=160;120",
            "    !webrtc state=:source",
            "        !pair call='in'",
            "        " + quadrants("1;0;0", "0;1;0", "0;0;1", "1;1;1"),
            "    !webrtc state=:outgoing",
            "        !pair call='out'",
            "        !webrtc state=:incoming",
            "            !pair answer='in'",
            "    !pixels name='far'",
            "        !webrtc state=:far",
            "            !pair answer='out'");
        try (Show show = show(relay)) {
            show.until(Duration.ofSeconds(45), 30,
                () -> connected(show, "source", "incoming", "outgoing", "far")
                    // Two hops: encoded and decoded twice.
                    && shows("far", 2 * TOLERANCE, RED, GREEN, BLUE, WHITE),
                () -> "source " + show.state("source") + ", incoming " + show.state("incoming") + ", outgoing "
                    + show.state("outgoing") + ", far " + show.state("far") + "; " + seen("far"));
        }
    }

    @Test
    void fiftyCallsMadeAndEndedLeakNoThreadsAndNoMoreNativeMemoryThanWebRtcJavaKeeps() throws Exception {
        String cycling = String.join("\n",
            "!offscreen size=160;120",
            "    !webrtc state=:caller",
            "        !pair call=('cycle';epoch)",
            "        " + quadrants("1;0;0", "0;1;0", "0;0;1", "1;1;1"),
            "    !webrtc state=:answerer",
            "        !pair answer=('cycle';epoch)");
        List<Long> rss = new ArrayList<>();
        List<Integer> threads = new ArrayList<>();
        try (Show show = show(cycling)) {
            for (int cycle = 0; cycle < CYCLES; cycle++) {
                show.name("epoch", Vector.of(cycle));
                int number = cycle;
                show.until(Duration.ofSeconds(30), 30, () -> connected(show, "caller", "answerer"),
                    () -> "cycle " + number + ": caller " + show.state("caller") + ", answerer " + show.state("answerer"));
                rss.add(nativeKilobytes());
                threads.add(nativeThreads());
            }
        }
        int settled = threads.get(9);
        assertTrue(threads.get(CYCLES - 1) <= settled + 2, "threads after cycles 10..: " + threads.subList(9, CYCLES));
        // webrtc-java 0.14.0 never frees a closed peer connection's native object (see Connection),
        // measured at up to about 0.2 MB each (less when earlier tests left freed memory to reuse).
        // Allow it that, twice over; a leak of ours (frames not released) would be megabytes a second.
        long perCall = (rss.get(CYCLES - 1) - rss.get(9)) / (CYCLES - 10) / 2;
        System.out.println("WebRTC cycles: native kB " + rss + "; threads " + threads + "; " + perCall + " kB per connection");
        assertTrue(perCall < 400, "native memory grew " + perCall + " kB per closed connection: " + rss);
    }

    /**
     * Resident memory outside the Java heap: RSS less the heap the JVM has committed, which grows and
     * shrinks with garbage collection and would hide or fake a native leak.
     */
    private static long nativeKilobytes() throws IOException {
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted() / 1024;
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) - heap;
            }
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }

    /** Every thread of the process, Java and native: WebRTC's own threads are not Java threads. */
    private static int nativeThreads() throws IOException {
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            return (int) tasks.filter(Objects::nonNull).count();
        }
    }
}
