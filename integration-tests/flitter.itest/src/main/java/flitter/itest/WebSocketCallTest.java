package flitter.itest;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
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

/**
 * {@code !websocket} from Java hosts through a room server on 127.0.0.1: our test server on Debian's
 * python3-aiohttp that speaks the original's protocol ({@code room_server.py}), and the host's own
 * ({@code flitter.signalling.server}, configured through ConfigAdmin). Two endpoints of one show join a
 * room; the caller calls the answerer once it is among the members; video goes both ways.
 */
@ExtendWith({BundleContextExtension.class, ServiceExtension.class})
class WebSocketCallTest {
    private static final String PYTHON = "/usr/bin/python3";

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = 10_000)
    Compiler compiler;

    @InjectService(timeout = 10_000, filter = "(" + RendererFactory.KIND + "=offscreen)")
    RendererFactory offscreen;

    @InjectService(timeout = 10_000)
    ConfigurationAdmin configurations;

    private final Pixels pixels = new Pixels();
    private final List<String> serverSaid = new CopyOnWriteArrayList<>();
    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();
    private Process server;
    private int port;

    @BeforeEach
    void register() throws Exception {
        Hashtable<String, Object> kind = new Hashtable<>();
        kind.put(WindowNodeFactory.KIND, "pixels");
        registrations.add(context.registerService(WindowNodeFactory.class, pixels, kind));
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
    }

    /** Starts our Python room server (the original's protocol) on {@link #port}. */
    private void startPythonServer() throws Exception {
        Assumptions.assumeTrue(runs(PYTHON, "-c", "import aiohttp"), "Debian's python3-aiohttp is not installed");
        Path script = Files.createTempFile("room_server", ".py");
        try (InputStream in = getClass().getResourceAsStream("room_server.py")) {
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        }
        server = new ProcessBuilder(PYTHON, script.toString(), "--port", String.valueOf(port))
            .redirectErrorStream(true).start();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(server.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    serverSaid.add(line);
                }
            } catch (java.io.IOException e) {
                // the server ended
            }
        }, "room-server-output");
        reader.setDaemon(true);
        reader.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (serverSaid.stream().noneMatch(l -> l.contains("listening"))) {
            assertTrue(System.nanoTime() < deadline && server.isAlive(), "the room server did not start: " + serverSaid);
            Thread.sleep(50);
        }
    }

    @AfterEach
    void stopServers() throws Exception {
        registrations.forEach(ServiceRegistration::unregister);
        if (server != null) {
            server.destroy();
            server.waitFor(10, TimeUnit.SECONDS);
        }
        Configuration[] left = configurations.listConfigurations("(service.pid=flitter.signalling.server)");
        if (left != null) {
            for (Configuration configuration : left) {
                configuration.delete();
            }
        }
    }

    private static boolean runs(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    private boolean connected(Show show) {
        return show.state("caller").equals(Vector.symbol("connected"))
            && show.state("answerer").equals(Vector.symbol("connected"));
    }

    private boolean shows(String name, int[]... expected) {
        Pixels.Image image = pixels.images.get(name);
        if (image == null) {
            return false;
        }
        double[][] centres = {{0.25, 0.25}, {0.75, 0.25}, {0.25, 0.75}, {0.75, 0.75}};
        for (int q = 0; q < 4; q++) {
            int[] seen = image.rgb(centres[q][0], centres[q][1]);
            for (int c = 0; c < 3; c++) {
                if (Math.abs(seen[c] - expected[q][c]) > WebRtcCallTest.TOLERANCE) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Two endpoints of one show meet in a room on the server at {@code url}; video goes both ways. */
    private void callThrough(String url, Supplier<String> serverSays) throws Exception {
        callThrough(url, "", serverSays);
    }

    /** {@link #callThrough(String, Supplier)} with {@code more} attributes on both {@code !websocket} nodes. */
    private void callThrough(String url, String more, Supplier<String> serverSays) throws Exception {
        try (Show show = new Show(compiler, offscreen, twoEndpoints(url, more))
                .name("QUADRANTS", Vector.of(WebRtcCallTest.QUADRANTS))) {
            show.until(Duration.ofSeconds(40), 30,
                () -> connected(show) && shows("caller", new int[] {255, 255, 0}, new int[] {255, 0, 255},
                    new int[] {0, 255, 255}, new int[] {0, 0, 0})
                    && shows("answerer", new int[] {255, 0, 0}, new int[] {0, 255, 0}, new int[] {0, 0, 255},
                        new int[] {255, 255, 255}),
                () -> "caller " + show.state("caller") + ", answerer " + show.state("answerer") + "; server: "
                    + serverSays.get());
        }
    }

    private static String twoEndpoints(String url, String more) {
        return String.join("\n",
            "!offscreen size=320;240",
            "    !pixels name='caller'",
            "        !webrtc state=:caller",
            "            !websocket url='" + url + "' room='studio' id='camera' call='desk'" + more,
            "            !shader fragment=QUADRANTS top_left=1;0;0 top_right=0;1;0 bottom_left=0;0;1 bottom_right=1;1;1",
            "    !pixels name='answerer'",
            "        !webrtc state=:answerer",
            "            !websocket url='" + url + "' room='studio' id='desk'" + more,
            "            !shader fragment=QUADRANTS top_left=1;1;0 top_right=1;0;1 bottom_left=0;1;1 bottom_right=0;0;0");
    }

    @Test
    void twoJavaEndpointsCallEachOtherThroughARoomServerOfTheOriginalProtocol() throws Exception {
        startPythonServer();
        callThrough("ws://127.0.0.1:" + port + "/", serverSaid::toString);
        assertTrue(serverSaid.stream().anyMatch(l -> l.contains("\"relayed\"") && l.contains("\"call\"")), serverSaid.toString());
        assertTrue(serverSaid.stream().anyMatch(l -> l.contains("\"relayed\"") && l.contains("\"finished\"")),
            serverSaid.toString());
    }

    @Test
    void twoJavaEndpointsCallEachOtherThroughTheHostsOwnRoomServer() throws Exception {
        Configuration configuration = configurations.getConfiguration("flitter.signalling.server", "?");
        configuration.update(new Hashtable<>(java.util.Map.of("enabled", "true", "host", "127.0.0.1",
            "port", String.valueOf(port))));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!accepts(port)) {
            assertTrue(System.nanoTime() < deadline, "the room server did not listen on 127.0.0.1:" + port);
            Thread.sleep(50);
        }
        callThrough("http://127.0.0.1:" + port, () -> "the host's own");
    }

    @Test
    void overTlsVerifyTrueRefusesASelfSignedServerAndVerifyFalseCallsThroughIt() throws Exception {
        Path folder = Files.createTempDirectory("tls");
        Path certificate = folder.resolve("certificate.pem");
        Path key = folder.resolve("key.pem");
        Assumptions.assumeTrue(runs("openssl", "version"), "openssl is not installed");
        assertTrue(runs("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
            "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", key.toString(), "-out", certificate.toString()),
            "openssl made no certificate");
        Configuration configuration = configurations.getConfiguration("flitter.signalling.server", "?");
        configuration.update(new Hashtable<>(java.util.Map.of("enabled", "true", "host", "127.0.0.1",
            "port", String.valueOf(port), "certificate", certificate.toString(), "key", key.toString())));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!accepts(port)) {
            assertTrue(System.nanoTime() < deadline, "the TLS room server did not listen on 127.0.0.1:" + port);
            Thread.sleep(50);
        }
        String url = "wss://127.0.0.1:" + port + "/";
        try (Show show = new Show(compiler, offscreen, twoEndpoints(url, " verify=true"))
                .name("QUADRANTS", Vector.of(WebRtcCallTest.QUADRANTS))) {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(6);
            show.until(Duration.ofSeconds(20), 30, () -> {
                assertTrue(show.state("caller").equals(Vector.NULL) && show.state("answerer").equals(Vector.NULL),
                    "a self-signed server was trusted: caller " + show.state("caller"));
                return System.nanoTime() > end;
            }, () -> "");
        }
        callThrough(url, " verify=false", () -> "the host's own, over TLS");
    }

    private static boolean accepts(int port) {
        try (java.net.Socket socket = new java.net.Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
