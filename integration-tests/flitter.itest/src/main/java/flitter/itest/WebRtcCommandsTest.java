package flitter.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.felix.service.command.CommandProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

import flitter.engine.RendererFactory;
import flitter.language.Compiler;
import flitter.model.Vector;
import flitter.webrtc.CallInfo;
import flitter.webrtc.CallState;
import flitter.webrtc.CallStats;
import flitter.webrtc.Signalling;

/**
 * The {@code webrtc:} Gogo commands over two endpoints of one show paired by the test signalling: the
 * facts an operator asks for are there, secrets never are, and a hang-up leads to a new call. Commands
 * that measure run on a thread of their own while the test thread keeps rendering frames, as in a host.
 */
@ExtendWith({BundleContextExtension.class, ServiceExtension.class})
class WebRtcCommandsTest {
    private static final String SECRET = "hunter2-do-not-show";
    private static final String PROGRAM = String.join("\n",
        "!offscreen size=320;240",
        "    !webrtc id=:caller state=:caller",
        "        !pair call='commands' secret='" + SECRET + "'",
        "        !shader fragment=QUADRANTS top_left=1;0;0 top_right=0;1;0 bottom_left=0;0;1 bottom_right=1;1;1",
        "    !webrtc id=:answerer state=:answerer",
        "        !pair answer='commands' password='" + SECRET + "'",
        "        !shader fragment=QUADRANTS top_left=1;1;0 top_right=1;0;1 bottom_left=0;1;1 bottom_right=0;0;0");

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = 10_000)
    Compiler compiler;

    @InjectService(timeout = 10_000, filter = "(" + RendererFactory.KIND + "=offscreen)")
    RendererFactory offscreen;

    @InjectService(timeout = 10_000)
    CommandProcessor shell;

    private final PairSignalling pair = new PairSignalling();
    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();

    @BeforeEach
    void register() {
        Hashtable<String, Object> signalling = new Hashtable<>();
        signalling.put(Signalling.KIND, "pair");
        registrations.add(context.registerService(Signalling.class, pair, signalling));
    }

    @AfterEach
    void unregister() {
        registrations.forEach(ServiceRegistration::unregister);
    }

    private Show connected() throws Exception {
        Show show = new Show(compiler, offscreen, PROGRAM).name("QUADRANTS", Vector.of(WebRtcCallTest.QUADRANTS));
        show.until(Duration.ofSeconds(30), 30, () -> connected(show),
            () -> "caller " + show.state("caller") + ", answerer " + show.state("answerer"));
        return show;
    }

    private static boolean connected(Show show) {
        return show.state("caller").equals(Vector.symbol("connected"))
            && show.state("answerer").equals(Vector.symbol("connected"));
    }

    @Test
    void callsListsBothEndpointsWithTheirFactsAndNoSecret() throws Exception {
        try (Show show = connected()) {
            show.until(Duration.ofSeconds(10), 30, () -> {
                try {
                    return Gogo.run(shell, "webrtc:calls").contains("peer");
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }, () -> "no peer address was learnt");
            @SuppressWarnings("unchecked")
            List<CallInfo> calls = (List<CallInfo>) Gogo.result(shell, "webrtc:calls");
            assertEquals(List.of("answerer", "caller"), calls.stream().map(CallInfo::endpoint).toList());
            for (CallInfo call : calls) {
                assertEquals("pair", call.signalling());
                assertEquals(CallState.CONNECTED, call.state());
                assertTrue(call.connectedFor() != null && !call.connectedFor().isNegative(), call.toString());
                assertTrue(call.provider().startsWith("flitter.itest "), call.provider());
            }
            assertEquals("'commands'", calls.get(1).parameters().get("call"));
            assertEquals("****", calls.get(1).parameters().get("secret"));
            assertEquals("****", calls.get(0).parameters().get("password"));

            String listing = Gogo.run(shell, "webrtc:calls");
            assertTrue(listing.contains("caller  !pair call='commands' secret=****  :connected  peer "), listing);
            assertTrue(listing.contains("from flitter.itest "), listing);
            assertFalse(listing.contains(SECRET), listing);
            String one = Gogo.run(shell, "(webrtc:calls) get 1");
            assertTrue(one.contains("endpoint     caller") && one.contains("state        :connected"), one);
            assertFalse(one.contains(SECRET), one);
            System.out.println("webrtc:calls\n" + listing);
        }
    }

    @Test
    void statsGiveTheCodecResolutionAndRatesEachWayAndTheCandidatePair() throws Exception {
        try (Show show = connected()) {
            long rampedUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            show.until(Duration.ofSeconds(10), 30, () -> System.nanoTime() > rampedUp, () -> "");
            CallStats stats = show.whileShowing(() -> (CallStats) Gogo.result(shell, "webrtc:stats caller"));
            for (CallStats.Video video : List.of(stats.outgoing(), stats.incoming())) {
                assertEquals("video/VP8", video.codec(), stats.toString());
                assertEquals(320, video.width(), stats.toString());
                assertEquals(240, video.height(), stats.toString());
                assertTrue(video.framesPerSecond() > 0, stats.toString());
                assertTrue(video.bitsPerSecond() > 0, stats.toString());
            }
            assertTrue(stats.roundTripMillis() >= 0, stats.toString());
            assertTrue(stats.localCandidate() != null && stats.remoteCandidate() != null, stats.toString());
            String shown = show.whileShowing(() -> Gogo.run(shell, "webrtc:stats answerer"));
            assertTrue(shown.contains("outgoing     video/VP8 320x240"), shown);
            assertTrue(shown.contains("round trip"), shown);
            assertFalse(shown.contains(SECRET), shown);
            System.out.println("webrtc:stats answerer\n" + shown);
        }
    }

    @Test
    void hangupEndsTheCallAndSignallingMakesANewOne() throws Exception {
        try (Show show = connected()) {
            int offers = pair.offers.get();
            String said = Gogo.run(shell, "webrtc:hangup caller");
            assertTrue(said.contains("hung up caller"), said);
            show.until(Duration.ofSeconds(30), 30, () -> pair.offers.get() > offers && connected(show),
                () -> "offers " + pair.offers.get() + "; caller " + show.state("caller"));
        }
    }

    @Test
    void anUnknownEndpointIsAnErrorThatNamesTheKnownOnes() throws Exception {
        try (Show show = connected()) {
            String said = assertThrows(IllegalArgumentException.class, () -> Gogo.run(shell, "webrtc:hangup nobody"))
                .getMessage();
            assertTrue(said.contains("'nobody' is not an endpoint") && said.contains("caller"), said);
        }
    }

    @Test
    void signallingListsTheKindsWithTheirBundles() throws Exception {
        String listing = Gogo.run(shell, "webrtc:signalling");
        assertTrue(listing.contains("!pair from flitter.itest "), listing);
        assertTrue(listing.contains("!broadcast from flitter.signalling.broadcast "), listing);
    }
}
