package flitter.signalling.server.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The DS component without a framework: configuration in, a listener (or none) out. */
class RoomServerTest {
    private RoomServer component;

    /** A configuration as ConfigAdmin would give it: these values, the annotation's defaults for the rest. */
    static ServerConfig config(Map<String, Object> values) {
        return (ServerConfig) Proxy.newProxyInstance(ServerConfig.class.getClassLoader(), new Class<?>[] {ServerConfig.class},
            (proxy, method, args) -> {
                if (method.getName().equals("annotationType")) {
                    return ServerConfig.class;
                }
                return values.containsKey(method.getName()) ? values.get(method.getName()) : method.getDefaultValue();
            });
    }

    private static ServerConfig loopback(Map<String, Object> more) {
        Map<String, Object> values = new java.util.HashMap<>(Map.of("enabled", true, "host", "127.0.0.1", "port", 0));
        values.putAll(more);
        return config(values);
    }

    @AfterEach
    void deactivate() {
        if (component != null) {
            component.deactivate();
        }
    }

    @Test
    void theDefaultsAreDocumentedOnesAndOpenNoPort() {
        ServerConfig defaults = config(Map.of());
        assertEquals(Settings.of(defaults), new Settings("0.0.0.0", 8080, 65536, 16, 1000, 1000, 20, 300));
        assertEquals(false, defaults.enabled());
        component = new RoomServer(defaults, TestLogger.quiet(), null);
        assertNull(component.address(), "not listening unless enabled");
    }

    @Test
    void aConfigurationChangeRestartsTheListenerWithoutARestartOfTheComponent() throws Exception {
        component = new RoomServer(loopback(Map.of("maxMembersPerRoom", 1)), TestLogger.quiet(), null);
        int port = component.address().getPort();
        TestClient first = TestClient.join(port, "r", "a");
        TestClient refused = TestClient.connect(port);
        refused.send("{\"type\": \"join\", \"id\": \"b\", \"room\": \"r\"}");
        assertTrue(refused.next().contains("is full: this server's limit is 1 members"));

        // The same settings again: nothing restarts, the member stays.
        component.modified(loopback(Map.of("maxMembersPerRoom", 1)));
        assertEquals(port, component.address().getPort());
        assertNull(first.next(300));

        component.modified(loopback(Map.of("maxMembersPerRoom", 2, "port", port)));
        assertEquals(WebSocket.GOING_AWAY, first.awaitClose(), "clients of the old listener are told it goes away");
        assertEquals(port, component.address().getPort(), "the same port is taken again at once");
        TestClient a = TestClient.join(port, "r", "a");
        TestClient b = TestClient.join(port, "r", "b");
        assertEquals("{\"type\": \"members\", \"members\": [\"a\", \"b\"]}", a.next());
        a.close();
        b.close();

        component.modified(loopback(Map.of("enabled", false)));
        assertNull(component.address());
        assertThrows(CompletionException.class, () -> TestClient.connect(port));
    }

    @Test
    void anUnusableConfigurationIsReportedAndNotListenedOn() {
        List<String> lines = new CopyOnWriteArrayList<>();
        component = new RoomServer(loopback(Map.of("maxMessageBytes", 10)), TestLogger.recording(lines), null);
        assertNull(component.address());
        assertTrue(lines.stream().anyMatch(line -> line.startsWith("error: ") && line.contains("not usable")), lines.toString());
    }

    @Test
    void theCommandListensWhereItIsToldUntilTheHostStops() throws Exception {
        component = new RoomServer(config(Map.of()), TestLogger.quiet(), List.of("--host", "127.0.0.1", "--port=0"));
        assertNotNull(component.address(), "the command listens though the configuration is not enabled");
        assertEquals(InetAddress.getLoopbackAddress(), component.address().getAddress());
        TestClient client = TestClient.join(component.address().getPort(), "r", "a");
        CompletableFuture<Integer> status = CompletableFuture.supplyAsync(() -> {
            try {
                return component.command(new PrintStream(new ByteArrayOutputStream())).call();
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        });
        assertThrows(java.util.concurrent.TimeoutException.class, () -> status.get(300, TimeUnit.MILLISECONDS),
            "it runs until the host stops");
        component.deactivate();
        component = null;
        assertEquals(0, status.get(5, TimeUnit.SECONDS));
        assertEquals(WebSocket.GOING_AWAY, client.awaitClose());
    }

    @Test
    void theCommandSaysWhyItCannotRun() throws Exception {
        assertCommandFails(List.of("--port", "http"), 2, "--port must be a TCP port number from 0 to 65535, not 'http'");
        assertCommandFails(List.of("--port"), 2, "--port needs a value");
        assertCommandFails(List.of("--verbose"), 2, "unknown argument '--verbose'");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertCommandFails(List.of("--host", "127.0.0.1", "--port", Integer.toString(taken.getLocalPort())), 1,
                "cannot listen on 127.0.0.1:" + taken.getLocalPort());
        }
    }

    private void assertCommandFails(List<String> args, int status, String message) throws Exception {
        RoomServer command = new RoomServer(config(Map.of()), TestLogger.quiet(), args);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(status, command.command(new PrintStream(err, true, StandardCharsets.UTF_8)).call(), args.toString());
        String printed = err.toString(StandardCharsets.UTF_8);
        assertTrue(printed.startsWith("flitter signalling-server: ") && printed.contains(message), printed);
        assertNull(command.address());
        command.deactivate();
    }

    @Test
    void commandLineOptions() {
        assertEquals(new ServerCommand.Address("0.0.0.0", 8080), ServerCommand.parse(List.of()));
        assertEquals(new ServerCommand.Address("::1", 9000), ServerCommand.parse(List.of("--host=::1", "--port", "9000")));
        assertNotEquals(new ServerCommand.Address("0.0.0.0", 8080), ServerCommand.parse(List.of("--port=80")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> ServerCommand.parse(List.of("--port", "65536")));
        assertTrue(e.getMessage().contains("not '65536'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ServerCommand.parse(List.of("--host", " ")));
        assertThrows(IllegalArgumentException.class, () -> ServerCommand.parse(List.of("show.fl")));
    }

    @Test
    void tlsOptionsGoTogetherAndMoveTheDefaultPortTo8443() {
        assertEquals(new ServerCommand.Address("0.0.0.0", 8443, "c.pem", "k.pem"),
            ServerCommand.parse(List.of("--certificate", "c.pem", "--key=k.pem")));
        assertEquals(new ServerCommand.Address("0.0.0.0", 9443, "c.pem", "k.pem"),
            ServerCommand.parse(List.of("--certificate", "c.pem", "--key", "k.pem", "--port", "9443")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> ServerCommand.parse(List.of("--certificate", "c.pem")));
        assertTrue(e.getMessage().contains("--certificate and --key go together"), e.getMessage());
    }
}
