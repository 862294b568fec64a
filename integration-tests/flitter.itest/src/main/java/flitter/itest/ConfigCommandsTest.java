package flitter.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Hashtable;
import java.util.Locale;

import org.apache.felix.service.command.CommandProcessor;
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
import flitter.webrtc.CallStats;
import flitter.webrtc.Signalling;

/**
 * Settings changed from the shell ({@code config:set}) reach the components without a restart and
 * apply to the next call; {@code config:show} never shows a secret.
 */
@ExtendWith({BundleContextExtension.class, ServiceExtension.class})
class ConfigCommandsTest {
    private static final String TWO_ENDPOINTS = String.join("\n",
        "!offscreen size=320;240",
        "    !webrtc id=:caller state=:caller",
        "        !pair call='config'",
        "        !shader fragment=QUADRANTS top_left=1;0;0 top_right=0;1;0 bottom_left=0;0;1 bottom_right=1;1;1",
        "    !webrtc id=:answerer state=:answerer",
        "        !pair answer='config'",
        "        !shader fragment=QUADRANTS top_left=1;1;0 top_right=1;0;1 bottom_left=0;1;1 bottom_right=0;0;0");

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = 10_000)
    Compiler compiler;

    @InjectService(timeout = 10_000, filter = "(" + RendererFactory.KIND + "=offscreen)")
    RendererFactory offscreen;

    @InjectService(timeout = 10_000)
    CommandProcessor shell;

    @InjectService(timeout = 10_000)
    ConfigurationAdmin configurations;

    private ServiceRegistration<?> registration;

    @BeforeEach
    void register() {
        Hashtable<String, Object> signalling = new Hashtable<>();
        signalling.put(Signalling.KIND, "pair");
        registration = context.registerService(Signalling.class, new PairSignalling(), signalling);
    }

    @AfterEach
    void clean() throws Exception {
        registration.unregister();
        for (String pid : new String[] {"flitter.webrtc", "flitter.signalling.broadcast"}) {
            Configuration[] left = configurations.listConfigurations("(service.pid=" + pid + ")");
            if (left != null) {
                for (Configuration configuration : left) {
                    configuration.delete();
                }
            }
        }
    }

    @Test
    void aCodecSetFromTheShellIsUsedByTheNextCall() throws Exception {
        String shown = Gogo.run(shell, "config:set flitter.webrtc codec H264");
        assertTrue(shown.contains("codec") && shown.contains("H264"), shown);
        // ConfigAdmin hands the change over on its own thread: call until a call uses it.
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String codec = null;
        while (!"video/H264".equals(codec) && System.nanoTime() < deadline) {
            try (Show show = new Show(compiler, offscreen, TWO_ENDPOINTS)
                    .name("QUADRANTS", Vector.of(WebRtcCallTest.QUADRANTS))) {
                show.until(Duration.ofSeconds(30), 30, () -> show.state("caller").equals(Vector.symbol("connected")),
                    () -> "caller " + show.state("caller"));
                codec = callersStats(show).outgoing().codec();
            }
        }
        assertEquals("video/H264", codec, "the codec of the call after config:set");
    }

    private CallStats callersStats(Show show) throws Exception {
        return (CallStats) show.whileShowing(() -> Gogo.result(shell, "webrtc:stats caller"));
    }

    /** Fresh noise every frame: video no encoder can make small by itself. */
    private static final String NOISE = String.join("\n",
        "${HEADER}",
        "in vec2 coord;",
        "out vec4 color;",
        "uniform float t;",
        "float hash(vec2 p) { return fract(sin(dot(p, vec2(12.9898, 78.233))) * 43758.5453); }",
        "void main() {",
        "    vec2 p = floor(coord * 320.0) + vec2(mod(t * 97.0, 1000.0), mod(t * 31.0, 1000.0));",
        "    color = vec4(hash(p), hash(p + 1.7), hash(p + 4.3), 1.0);",
        "}");

    /** The caller's outgoing bitrate, measured after the call has had {@code rampSeconds} to settle. */
    private long outgoingBitrate(int rampSeconds) throws Exception {
        String program = String.join("\n",
            "!offscreen size=320;240",
            "    !webrtc id=:caller state=:caller",
            "        !pair call='bitrate'",
            "        !shader t=frame fragment=NOISE",
            "    !webrtc id=:answerer state=:answerer",
            "        !pair answer='bitrate'",
            "        !shader t=time fragment=NOISE");
        try (Show show = new Show(compiler, offscreen, program).name("NOISE", Vector.of(NOISE))) {
            show.until(Duration.ofSeconds(30), 30, () -> show.state("caller").equals(Vector.symbol("connected")),
                () -> "caller " + show.state("caller"));
            long settled = System.nanoTime() + Duration.ofSeconds(rampSeconds).toNanos();
            show.until(Duration.ofSeconds(rampSeconds + 10), 30, () -> System.nanoTime() > settled, () -> "");
            return callersStats(show).outgoing().bitsPerSecond();
        }
    }

    @Test
    void aBitrateSetFromTheShellCapsTheNextCall() throws Exception {
        long free = outgoingBitrate(4);
        Gogo.run(shell, "config:set flitter.webrtc maxBitrate 100000");
        // ConfigAdmin hands the change over on its own thread: a call made before it arrives is not capped,
        // so call again (up to twice more) until one is.
        long capped = outgoingBitrate(4);
        for (int attempt = 1; capped >= 160_000 && attempt < 3; attempt++) {
            capped = outgoingBitrate(4);
        }
        System.out.printf("outgoing noise at 320x240: %d kbit/s free, %d kbit/s with maxBitrate 100000%n",
            free / 1000, capped / 1000);
        assertTrue(capped < 160_000, "capped at 100 kbit/s, the call sent " + capped + " bit/s");
        assertTrue(free > 2 * capped, "uncapped " + free + " bit/s, capped " + capped + " bit/s");
    }

    @Test
    void secretsAreMaskedAndUnsetRestoresTheDefault() throws Exception {
        String nothing = Gogo.run(shell, "config:show flitter.signalling.broadcast");
        assertTrue(nothing.contains("nothing set; every setting has its default"), nothing);
        Gogo.run(shell, "config:set flitter.webrtc icePassword hunter2-do-not-show");
        String shown = Gogo.run(shell, "config:set flitter.signalling.broadcast secret another-secret");
        assertTrue(shown.contains("secret") && shown.contains("****"), shown);
        assertFalse(shown.contains("another-secret"), shown);
        String webrtc = Gogo.run(shell, "config:show flitter.webrtc");
        assertTrue(webrtc.contains("icePassword") && webrtc.contains("****"), webrtc);
        assertFalse(webrtc.contains("hunter2"), webrtc);
        String unset = Gogo.run(shell, "config:unset flitter.webrtc icePassword");
        assertFalse(unset.contains("icePassword"), unset);
    }

    @Test
    void theBroadcastPortSetFromTheShellIsWhereTheNextAnswererListens() throws Exception {
        // An answerer only listens (it sends nothing until an offer comes), so this is safe outside a
        // network namespace.
        // Never the default port, 5111, and one nothing listened on before the setting.
        int port = unused(5200 + (int) (ProcessHandle.current().pid() % 700));
        Gogo.run(shell, "config:set flitter.signalling.broadcast port " + port);
        String program = String.join("\n",
            "!offscreen size=64;64",
            "    !webrtc state=:answerer",
            "        !broadcast answer=name");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        boolean[] heard = {false};
        for (int attempt = 0; !heard[0]; attempt++) {
            assertTrue(System.nanoTime() < deadline, "nothing listened on UDP port " + port);
            // Each new answer ID is a new session, which reads the settings then in force.
            try (Show show = new Show(compiler, offscreen, program).name("name", Vector.of("config-" + attempt))) {
                long until = System.nanoTime() + Duration.ofSeconds(3).toNanos();
                show.until(Duration.ofSeconds(10), 30, () -> (heard[0] = listening(port)) || System.nanoTime() > until,
                    () -> "");
            }
        }
    }

    /** The first UDP port from {@code from} up that nothing is bound to. */
    private static int unused(int from) throws Exception {
        int port = from;
        while (listening(port)) {
            port++;
        }
        return port;
    }

    /** Whether some socket of this process's network namespace is bound to UDP {@code port}. */
    private static boolean listening(int port) {
        String hex = String.format(Locale.ROOT, ":%04X ", port);
        // Java's sockets are IPv6 (dual stack) where the machine has IPv6: look at both tables.
        for (String table : new String[] {"/proc/net/udp", "/proc/net/udp6"}) {
            try {
                if (Files.exists(Path.of(table))
                        && Files.readAllLines(Path.of(table)).stream().anyMatch(l -> l.contains(hex))) {
                    return true;
                }
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return false;
    }
}
