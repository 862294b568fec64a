package flitter.itest.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code !websocket} across processes on this machine: the room server started with
 * {@code ./flitter signalling-server} on 127.0.0.1, a Java host running src/test/fl/call.fl, and the
 * Python peer built on aiortc that speaks the original client's protocol ({@code websocket_peer.py}).
 * No broadcast is involved: the server is on loopback and WebRTC's own traffic stays on this machine.
 */
class WebSocketInteropTest {
    private static final Path PROGRAM = Host.ROOT.resolve("integration-tests/flitter.itest/src/test/fl/call.fl");
    private static final Duration CONNECT = Duration.ofSeconds(60);

    private final List<AutoCloseable> running = new ArrayList<>();
    private String url;

    @TempDir
    Path folder;

    @BeforeEach
    void startServer() throws Exception {
        Assumptions.assumeTrue(PythonPeer.available(), "Debian's python3-aiortc or python3-aiohttp is not installed");
        Host server = Host.signallingServer(folder, CONNECT);
        running.add(server);
        int port = server.port();
        url = "ws://127.0.0.1:" + port + "/";
    }

    @AfterEach
    void stopAll() throws Exception {
        for (AutoCloseable closeable : running) {
            closeable.close();
        }
    }

    private Host java(String name, String role, String id, String peer) throws IOException {
        Path out = Files.createDirectories(folder.resolve(name));
        List<String> args = new ArrayList<>(List.of(PROGRAM.toString(), "--fps", "30", "--verbose",
            "-D", "out=" + out, "-D", "signalling=websocket", "-D", "url=" + url, "-D", "room=interop",
            "-D", "role=" + role, "-D", "id=" + id, "-D", "peer=" + peer,
            "-D", "tl=" + Pictures.YMCK[0], "-D", "tr=" + Pictures.YMCK[1], "-D", "bl=" + Pictures.YMCK[2],
            "-D", "br=" + Pictures.YMCK[3]));
        Host host = Host.start(List.of(), out, environment -> { }, args.toArray(String[]::new));
        running.add(host);
        return host;
    }

    private PythonPeer python(String... args) throws IOException {
        PythonPeer peer = PythonPeer.start(List.of(), "websocket_peer.py", args);
        running.add(peer);
        return peer;
    }

    @Test
    void aPythonClientOfTheOriginalProtocolCallsAJavaHostThroughTheJavaServer() throws Exception {
        Host answerer = java("desk", "answer", "desk", "nobody");
        answerer.awaitLine(l -> l.contains("!websocket connected"), CONNECT);
        PythonPeer caller = python("--url", url, "--room", "interop", "--id", "camera", "--call", "desk");

        PythonPeer.Frame frame = caller.awaitFrame(f -> Pictures.close(f.quadrants(), Pictures.YMCK_SEEN), CONNECT);
        assertEquals(320, frame.width());
        assertEquals(240, frame.height());
        Pictures.await(folder.resolve("desk"), "connected", Pictures.RGBW_SEEN, CONNECT);
    }

    @Test
    void aJavaHostCallsAPythonClientOfTheOriginalProtocolThroughTheJavaServer() throws Exception {
        PythonPeer answerer = python("--url", url, "--room", "interop", "--id", "desk");
        answerer.awaitEvent("\"joined\"", CONNECT);
        java("camera", "call", "camera", "desk");

        PythonPeer.Frame frame = answerer.awaitFrame(f -> Pictures.close(f.quadrants(), Pictures.YMCK_SEEN), CONNECT);
        assertEquals(320, frame.width());
        assertEquals(240, frame.height());
        Pictures.await(folder.resolve("camera"), "connected", Pictures.RGBW_SEEN, CONNECT);
    }
}
