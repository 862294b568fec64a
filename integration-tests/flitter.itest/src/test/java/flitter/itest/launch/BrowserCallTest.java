package flitter.itest.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The room server's browser page in a real browser: headless Chromium opens the page that
 * {@code ./flitter signalling-server} serves, and it and a Java host running src/test/fl/call.fl call
 * each other. What each side receives is checked in pictures: the host's recorded output, and the
 * page's remote video read back through the DevTools protocol.
 */
class BrowserCallTest {
    private static final Path PROGRAM = Host.ROOT.resolve("integration-tests/flitter.itest/src/test/fl/call.fl");
    private static final Duration CONNECT = Duration.ofSeconds(60);
    /** The page's remote video: its state, what it has received and the colours at its quadrants' centres. */
    private static final String REMOTE = """
        (() => {
          const video = document.getElementById('remote');
          const canvas = document.createElement('canvas');
          canvas.width = video.videoWidth || 1;
          canvas.height = video.videoHeight || 1;
          const g = canvas.getContext('2d');
          g.drawImage(video, 0, 0);
          const at = (x, y) => Array.from(g.getImageData(Math.floor(x * canvas.width),
            Math.floor(y * canvas.height), 1, 1).data.slice(0, 3));
          return { state: flitterCall.state, detail: flitterCall.detail, source: flitterCall.source,
            peer: flitterCall.peer, incoming: flitterCall.incoming, outgoing: flitterCall.outgoing,
            width: video.videoWidth, height: video.videoHeight,
            quadrants: [at(0.25, 0.25), at(0.75, 0.25), at(0.25, 0.75), at(0.75, 0.75)] };
        })()""";

    private final List<AutoCloseable> running = new ArrayList<>();
    private String page;
    private String url;

    @TempDir
    Path folder;

    @BeforeEach
    void startServer() throws Exception {
        Assumptions.assumeTrue(Chromium.available(), "Debian's chromium is not installed");
        Host server = Host.signallingServer(folder, CONNECT);
        running.add(server);
        int port = server.port();
        page = "http://127.0.0.1:" + port + "/";
        url = "ws://127.0.0.1:" + port + "/";
    }

    @AfterEach
    void stopAll() throws Exception {
        for (AutoCloseable closeable : running) {
            closeable.close();
        }
    }

    private Host java(String name, String role, String peer) throws IOException {
        Path out = Files.createDirectories(folder.resolve(name));
        Host host = Host.start(List.of(), out, environment -> { }, PROGRAM.toString(), "--fps", "30", "--verbose",
            "-D", "out=" + out, "-D", "signalling=websocket", "-D", "url=" + url, "-D", "room=studio",
            "-D", "role=" + role, "-D", "id=" + name, "-D", "peer=" + peer,
            "-D", "tl=" + Pictures.RGBW[0], "-D", "tr=" + Pictures.RGBW[1], "-D", "bl=" + Pictures.RGBW[2],
            "-D", "br=" + Pictures.RGBW[3]);
        running.add(host);
        return host;
    }

    private Chromium browser(String query, Path camera) throws Exception {
        Chromium chromium = Chromium.open(Files.createDirectories(folder.resolve("browser")), page + query, camera);
        running.add(chromium);
        return chromium;
    }

    @Test
    void theBrowserPageCallsAJavaHostWithItsCamera() throws Exception {
        Host desk = java("desk", "answer", "nobody");
        desk.awaitLine(l -> l.contains("!websocket connected"), CONNECT);
        Chromium browser = browser("?room=studio&id=visitor&call=desk", camera(Pictures.YMCK_SEEN));

        Pictures.await(folder.resolve("desk"), "connected", Pictures.YMCK_SEEN, CONNECT);
        Map<?, ?> remote = remoteAfterFrames(browser);
        assertEquals("camera", remote.get("source"));
        assertEquals("desk", remote.get("peer"));
        assertEquals(320, ((Number) remote.get("width")).intValue());
        assertEquals(240, ((Number) remote.get("height")).intValue());
        assertQuadrants(remote, Pictures.RGBW_SEEN);
        Map<?, ?> outgoing = (Map<?, ?>) remote.get("outgoing");
        assertTrue(((Number) outgoing.get("frames")).intValue() > 0, "the page reports what it sends: " + outgoing);
    }

    @Test
    void aJavaHostCallsTheBrowserPageWhichSendsATestPatternWithoutACamera() throws Exception {
        Chromium browser = browser("?room=studio&id=visitor", null);
        browser.await("flitterCall.state === 'waiting'", "flitterCall", CONNECT);
        assertTrue(String.valueOf(browser.evaluate("flitterCall.source")).startsWith("no camera"),
            "without a camera the page says so and sends its test pattern");
        java("camera", "call", "visitor");

        // The test pattern's bars at a quarter and three quarters across: cyan and blue.
        int[][] pattern = {{0, 255, 255}, {0, 0, 255}, {0, 255, 255}, {0, 0, 255}};
        Pictures.await(folder.resolve("camera"), "connected", pattern, CONNECT);
        Map<?, ?> remote = remoteAfterFrames(browser);
        assertEquals("camera", remote.get("peer"));
        assertQuadrants(remote, Pictures.RGBW_SEEN);
    }

    /** The page's remote video once it is connected and has decoded a second's worth of frames. */
    private static Map<?, ?> remoteAfterFrames(Chromium browser) throws Exception {
        browser.await("flitterCall.state === 'connected' && flitterCall.incoming !== null"
            + " && flitterCall.incoming.frames > 30", REMOTE, CONNECT);
        return (Map<?, ?>) browser.evaluate(REMOTE);
    }

    private static void assertQuadrants(Map<?, ?> remote, int[][] expected) {
        int[][] seen = new int[4][3];
        List<?> quadrants = (List<?>) remote.get("quadrants");
        for (int q = 0; q < 4; q++) {
            for (int c = 0; c < 3; c++) {
                seen[q][c] = ((Number) ((List<?>) quadrants.get(q)).get(c)).intValue();
            }
        }
        assertTrue(Pictures.close(seen, expected), "the page shows " + Arrays.deepToString(seen) + ", not "
            + Arrays.deepToString(expected) + ": " + remote);
    }

    /** A Y4M file for the fake camera: 320x240, four quadrants of {@code rgb} (TL, TR, BL, BR), one second. */
    private Path camera(int[][] rgb) throws IOException {
        int width = 320;
        int height = 240;
        byte[] frame = new byte[width * height * 3 / 2];
        int chroma = width * height;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int[] c = rgb[(y < height / 2 ? 0 : 2) + (x < width / 2 ? 0 : 1)];
                frame[y * width + x] = (byte) Math.round(16 + (65.481 * c[0] + 128.553 * c[1] + 24.966 * c[2]) / 255);
                if (y % 2 == 0 && x % 2 == 0) {
                    int i = (y / 2) * (width / 2) + x / 2;
                    frame[chroma + i] = (byte) Math.round(128 + (-37.797 * c[0] - 74.203 * c[1] + 112 * c[2]) / 255);
                    frame[chroma + chroma / 4 + i] =
                        (byte) Math.round(128 + (112 * c[0] - 93.786 * c[1] - 18.214 * c[2]) / 255);
                }
            }
        }
        Path file = folder.resolve("camera.y4m");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(("YUV4MPEG2 W" + width + " H" + height + " F30:1 Ip A1:1 C420jpeg\n")
                .getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 30; i++) {
                out.write("FRAME\n".getBytes(StandardCharsets.US_ASCII));
                out.write(frame);
            }
        }
        return file;
    }
}
