package flitter.signalling.server.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.log.Logger;

import flitter.json.Json;

/**
 * The server through real sockets on 127.0.0.1: clients on the JDK's WebSocket implementation, and a raw
 * one for what no proper client sends.
 */
class SignallingServerTest {
    private static final String MEMBERS_AB = "{\"type\": \"members\", \"members\": [\"a\", \"b\"]}";

    private final List<AutoCloseable> open = new ArrayList<>();
    private SignallingServer server;
    private int port;

    private void start(int maxMessageBytes, int maxMembersPerRoom, int maxConnectionsPerAddress, int idleSeconds)
            throws IOException {
        start(new Settings("127.0.0.1", 0, maxMessageBytes, maxMembersPerRoom, 10, 1000, maxConnectionsPerAddress,
            idleSeconds), TestLogger.quiet());
    }

    private void start(Settings settings, Logger log) throws IOException {
        server = new SignallingServer(settings, log);
        server.start();
        port = server.address().getPort();
    }

    private void start() throws IOException {
        start(65536, 16, 20, 300);
    }

    private TestClient join(String room, String id) throws InterruptedException {
        TestClient client = TestClient.join(port, room, id);
        open.add(client);
        return client;
    }

    private TestClient connect() {
        TestClient client = TestClient.connect(port);
        open.add(client);
        return client;
    }

    private RawClient raw() throws IOException {
        return raw(0);
    }

    private RawClient raw(int receiveBuffer) throws IOException {
        RawClient client = new RawClient(port, receiveBuffer);
        open.add(client);
        return client;
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable client : open) {
            try {
                client.close();
            } catch (Exception | Error e) {
                // Some were closed by the server already.
            }
        }
        if (server != null) {
            server.close();
        }
    }

    /** Two members a and b in room r, each past its members lists. */
    private TestClient[] pair() throws InterruptedException {
        TestClient a = join("r", "a");
        TestClient b = join("r", "b");
        assertEquals(MEMBERS_AB, a.next());
        return new TestClient[] {a, b};
    }

    @Test
    void joinsSendEveryMemberTheListInJoinOrder() throws Exception {
        start();
        TestClient a = connect();
        a.send("{\"type\": \"join\", \"id\": \"a\", \"room\": \"r\"}");
        assertEquals("{\"type\": \"members\", \"members\": [\"a\"]}", a.next());
        TestClient b = connect();
        b.send("{\"type\":\"join\",\"room\":\"r\",\"id\":\"b\"}");
        assertEquals(MEMBERS_AB, a.next());
        assertEquals(MEMBERS_AB, b.next());
        TestClient c = join("elsewhere", "a");
        assertNull(a.next(200), "a room of its own tells nobody else");
        assertEquals(List.of("a"), server.rooms().members("elsewhere"));
        c.close();
    }

    @Test
    void relayedMessagesGetFromAndAreOtherwiseUnchanged() throws Exception {
        start();
        TestClient[] ab = pair();
        ab[0].send("{\"type\":\"call\",\"to\":\"b\",\"offer\":\"v=0\\r\\no=- 46 2 IN IP4 127.0.0.1\\r\\n\"}");
        assertEquals("{\"type\": \"call\", \"to\": \"b\", \"offer\": \"v=0\\r\\no=- 46 2 IN IP4 127.0.0.1\\r\\n\", "
            + "\"from\": \"a\"}", ab[1].next());
        ab[1].send("{\"type\": \"answer\", \"to\": \"a\", \"answer\": \"sdp \u00e9\"}");
        assertEquals("{\"type\": \"answer\", \"to\": \"a\", \"answer\": \"sdp \\u00e9\", \"from\": \"b\"}", ab[0].next());
        // "from" cannot be forged: the server writes the sender's ID over it, in its place.
        ab[0].send("{\"type\": \"finished\", \"from\": \"mallory\", \"to\": \"b\"}");
        assertEquals("{\"type\": \"finished\", \"from\": \"a\", \"to\": \"b\"}", ab[1].next());
        // For nobody in the room: dropped, as the original drops it; the sender stays connected.
        ab[0].send("{\"type\": \"call\", \"to\": \"nobody\", \"offer\": \"x\"}");
        ab[0].send("{\"type\": \"call\", \"to\": \"b\", \"offer\": \"y\"}");
        assertEquals("{\"type\": \"call\", \"to\": \"b\", \"offer\": \"y\", \"from\": \"a\"}", ab[1].next());
    }

    @Test
    void aTakenIdGetsTheOriginalsErrorAndIsClosed() throws Exception {
        start();
        TestClient a = join("r", "a");
        TestClient again = connect();
        again.send("{\"type\": \"join\", \"id\": \"a\", \"room\": \"r\"}");
        assertEquals("{\"type\": \"error\", \"error\": \"User ID already taken\"}", again.next());
        assertEquals(WebSocket.POLICY_VIOLATION, again.awaitClose());
        assertNull(a.next(200), "the member keeps its place and hears nothing");
        assertEquals(List.of("a"), server.rooms().members("r"));
    }

    @Test
    void leavingTellsTheOthersAndAnEmptyRoomGoes() throws Exception {
        start();
        TestClient[] ab = pair();
        ab[1].close();
        assertEquals("{\"type\": \"members\", \"members\": [\"a\"]}", ab[0].next());
        // A socket that just drops (no close frame) leaves too.
        TestClient c = join("r", "c");
        assertEquals("{\"type\": \"members\", \"members\": [\"a\", \"c\"]}", ab[0].next());
        c.socket.abort();
        assertEquals("{\"type\": \"members\", \"members\": [\"a\"]}", ab[0].next());
        ab[0].close();
        awaitTrue(() -> server.rooms().roomCount() == 0, "the empty room is removed");
    }

    @Test
    void protocolErrorsCloseOnlyTheClientAtFault() throws Exception {
        start();
        TestClient[] ab = pair();
        assertRefused("{\"type\": \"join\", ", "malformed JSON: expected a property name in double quotes at character 17");
        assertRefused("[1, 2]", "a message must be a JSON object");
        assertRefused("{\"id\": \"x\", \"room\": \"r\"}", "a message needs a \"type\"");
        assertRefused("{\"type\": \"call\", \"to\": \"a\", \"offer\": \"x\"}", "the first message must be a join, not \"call\"");
        assertRefused("{\"type\": \"join\", \"id\": \"x\"}", "a join needs \"id\" and \"room\", both strings");
        assertRefused("{\"type\": \"join\", \"id\": 7, \"room\": \"r\"}", "a join needs \"id\" and \"room\", both strings");
        TestClient joined = join("r", "c");
        joined.send("{\"type\": \"hello\"}");
        assertEquals("{\"type\": \"error\", \"error\": \"a message of type \\\"hello\\\" needs \\\"to\\\", the member to relay it to\"}",
            joined.next());
        assertEquals(WebSocket.POLICY_VIOLATION, joined.awaitClose());
        // a and b saw c come and go, and still talk.
        assertEquals("{\"type\": \"members\", \"members\": [\"a\", \"b\", \"c\"]}", ab[0].next());
        assertEquals(MEMBERS_AB, ab[0].next());
        ab[1].next();
        ab[1].next();
        ab[0].send("{\"type\": \"call\", \"to\": \"b\", \"offer\": \"still here\"}");
        assertEquals("{\"type\": \"call\", \"to\": \"b\", \"offer\": \"still here\", \"from\": \"a\"}", ab[1].next());
    }

    private void assertRefused(String message, String error) throws Exception {
        TestClient client = connect();
        client.send(message);
        assertEquals("{\"type\": \"error\", \"error\": " + Json.write(error) + "}", client.next(), message);
        assertEquals(WebSocket.POLICY_VIOLATION, client.awaitClose(), message);
    }

    @Test
    void anOversizeMessageIsRefusedEvenInFragments() throws Exception {
        start(1024, 16, 20, 300);
        TestClient[] ab = pair();
        TestClient big = join("r", "big");
        ab[0].next();
        big.send("{\"type\": \"call\", \"to\": \"a\", \"offer\": \"" + "x".repeat(1000) + "\"}");
        assertEquals("{\"type\": \"error\", \"error\": \"message over 1024 bytes, this server's limit\"}", big.next());
        assertEquals(WebSocket.TOO_BIG, big.awaitClose());
        TestClient fragments = join("r", "fragments");
        fragments.socket.sendText("{\"type\": \"call\", \"to\": \"a\", \"offer\": \"" + "x".repeat(600), false)
            .get(5, TimeUnit.SECONDS);
        fragments.socket.sendText("x".repeat(600) + "\"}", true).get(5, TimeUnit.SECONDS);
        assertEquals("{\"type\": \"error\", \"error\": \"message over 1024 bytes, this server's limit\"}", fragments.next());
        assertEquals(WebSocket.TOO_BIG, fragments.awaitClose());
        // Exactly at the limit is fine.
        String prefix = "{\"type\": \"call\", \"to\": \"a\", \"offer\": \"";
        ab[1].send(prefix + "y".repeat(1024 - prefix.length() - 2) + "\"}");
        String relayed = nextOfType(ab[0], "call");
        assertTrue(relayed.endsWith("\"from\": \"b\"}"), relayed);
    }

    @Test
    void fragmentedMessagesAreJoinedAcrossPings() throws Exception {
        start();
        TestClient[] ab = pair();
        ab[0].socket.sendText("{\"type\": \"call\", \"to\"", false).get(5, TimeUnit.SECONDS);
        ab[0].socket.sendPing(ByteBuffer.wrap("mid".getBytes(StandardCharsets.UTF_8))).get(5, TimeUnit.SECONDS);
        ab[0].socket.sendText(": \"b\", \"offer\": \"\u20ac", false).get(5, TimeUnit.SECONDS);
        ab[0].socket.sendText("\"}", true).get(5, TimeUnit.SECONDS);
        assertEquals("{\"type\": \"call\", \"to\": \"b\", \"offer\": \"\\u20ac\", \"from\": \"a\"}", ab[1].next());
        assertEquals(ByteBuffer.wrap("mid".getBytes(StandardCharsets.UTF_8)), ab[0].nextPong());
    }

    @Test
    void theCloseHandshakeEchoesTheClientsCode() throws Exception {
        start();
        TestClient client = connect();
        client.socket.sendClose(4000, "done").get(5, TimeUnit.SECONDS);
        assertEquals(4000, client.awaitClose());
    }

    @Test
    void roomsAreLimitedInMembers() throws Exception {
        start(65536, 2, 20, 300);
        pair();
        TestClient third = connect();
        third.send("{\"type\": \"join\", \"id\": \"c\", \"room\": \"r\"}");
        assertEquals("{\"type\": \"error\", \"error\": \"room \\\"r\\\" is full: this server's limit is 2 members\"}",
            third.next());
        assertEquals(WebSocket.TRY_AGAIN_LATER, third.awaitClose());
        assertEquals(List.of("a", "b"), server.rooms().members("r"));
    }

    @Test
    void plainHttpGetsTheBrowserPageWithItsScriptAndStyle() throws Exception {
        start();
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> other = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/page"))
            .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, other.statusCode());
        HttpResponse<String> root = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
            .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, root.statusCode());
        assertEquals("text/html; charset=utf-8", root.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(root.body().contains("<script src=\"call.js\""), root.body());
        assertTrue(root.headers().firstValue("Content-Security-Policy").orElseThrow().contains("connect-src 'self'"));
        HttpResponse<String> script = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
            + "/call.js")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, script.statusCode());
        assertEquals("text/javascript; charset=utf-8", script.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(script.body().contains("type: 'join'"), "the script speaks the signalling protocol");
        HttpResponse<String> style = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
            + "/call.css")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals("text/css; charset=utf-8", style.headers().firstValue("Content-Type").orElseThrow());
        HttpResponse<Void> headOnly = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
            .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        assertEquals(200, headOnly.statusCode());
        assertEquals(String.valueOf(root.body().getBytes(StandardCharsets.UTF_8).length),
            headOnly.headers().firstValue("Content-Length").orElseThrow());
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
            .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, post.statusCode());
        try (RawClient client = raw()) {
            client.out.write("GET / HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n"
                .getBytes(StandardCharsets.ISO_8859_1));
            assertTrue(client.head().startsWith("HTTP/1.1 400 "), "no key: a bad handshake");
        }
        try (RawClient client = raw()) {
            client.out.write(("GET / HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 8\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
            String head = client.head();
            assertTrue(head.startsWith("HTTP/1.1 426 ") && head.contains("Sec-WebSocket-Version: 13"), head);
        }
    }

    @Test
    void anExchangeThatDragsOnIsCutOffWhileAnUpgradedClientStays() throws Exception {
        server = new SignallingServer(new Settings("127.0.0.1", 0, 65536, 16, 10, 1000, 20, 300), TestLogger.quiet(),
            1000);
        server.start();
        port = server.address().getPort();
        TestClient member = join("r", "a");
        try (RawClient slow = raw()) {
            // A head sent a byte at a time, well within the head's own 10 s: the exchange's limit ends it.
            byte[] head = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: 0123456789012345678901234567890\r\n\r\n"
                .getBytes(StandardCharsets.ISO_8859_1);
            long started = System.nanoTime();
            boolean cut = false;
            for (byte b : head) {
                try {
                    slow.out.write(b);
                    slow.out.flush();
                } catch (IOException e) {
                    cut = true;
                    break;
                }
                Thread.sleep(100);
            }
            if (!cut) {
                assertEquals(-1, slow.in.read(), "the server wrote nothing and closed the connection");
            }
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
            assertTrue(seconds < 6, "cut off after the exchange's 1 s, not the head's 10 s: " + seconds + " s");
        }
        Thread.sleep(1500);
        join("r", "b");
        assertEquals(MEMBERS_AB, member.next(), "the upgraded member outlived the exchange limit");
    }

    @Test
    void theHandshakeAnswersWithTheAcceptValue() throws Exception {
        start();
        RawClient client = raw();
        String head = client.handshake();
        assertTrue(head.startsWith("HTTP/1.1 101 Switching Protocols\r\n"), head);
        assertTrue(head.contains("\r\nSec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n"), head);
        assertTrue(head.contains("\r\nUpgrade: websocket\r\n") && head.contains("\r\nConnection: Upgrade\r\n"), head);
    }

    @Test
    void framesNoClientSendsCloseWithTheRightCode() throws Exception {
        start();
        assertRawClosed(client -> client.sendFrame(WebSocket.TEXT, true, "{}".getBytes(StandardCharsets.UTF_8), null),
            WebSocket.PROTOCOL_ERROR, "client frames must be masked");
        assertRawClosed(client -> client.sendFrame(WebSocket.BINARY, true, new byte[] {1}, RawClient.MASK),
            WebSocket.UNSUPPORTED_DATA, "binary messages");
        assertRawClosed(client -> client.sendFrame(WebSocket.TEXT, true, new byte[] {(byte) 0xc3, 0x28}, RawClient.MASK),
            WebSocket.INVALID_DATA, "not UTF-8");
        assertRawClosed(client -> client.sendFrame(WebSocket.CONTINUATION, true, new byte[] {'x'}, RawClient.MASK),
            WebSocket.PROTOCOL_ERROR, "continuation frame without");
        assertRawClosed(client -> client.sendFrame(WebSocket.CLOSE, true, new byte[] {0x03, (byte) 0xed}, RawClient.MASK),
            WebSocket.PROTOCOL_ERROR, "close status code 1005");
        assertRawClosed(client -> client.out.write(new byte[] {(byte) 0xc1, (byte) 0x80, 1, 2, 3, 4}),
            WebSocket.PROTOCOL_ERROR, "reserved bits");
    }

    private interface RawAction {
        void run(RawClient client) throws IOException;
    }

    private void assertRawClosed(RawAction action, int code, String reason) throws Exception {
        try (RawClient client = raw()) {
            client.handshake();
            action.run(client);
            RawClient.Frame error = client.readFrame();
            assertEquals(WebSocket.TEXT, error.header().opcode());
            assertTrue(error.text().startsWith("{\"type\": \"error\", \"error\": ") && error.text().contains(reason),
                error.text());
            RawClient.Frame close = client.readFrame();
            assertEquals(WebSocket.CLOSE, close.header().opcode());
            assertEquals(code, close.closeCode(), reason);
            // The client answers; the server then closes the connection.
            client.sendFrame(WebSocket.CLOSE, true, close.payload(), RawClient.MASK);
            assertEquals(-1, client.in.read());
        }
    }

    @Test
    void sixtyFourBitLengthsBothWays() throws Exception {
        start(200_000, 16, 20, 300);
        try (RawClient a = raw(); RawClient b = raw()) {
            a.handshake();
            b.handshake();
            a.sendText("{\"type\": \"join\", \"id\": \"a\", \"room\": \"r\"}");
            a.readText();
            b.sendText("{\"type\": \"join\", \"id\": \"b\", \"room\": \"r\"}");
            assertEquals(MEMBERS_AB, b.readText());
            assertEquals(MEMBERS_AB, a.readText());
            String offer = "z".repeat(100_000);
            byte[] message = ("{\"type\": \"call\", \"to\": \"b\", \"offer\": \"" + offer + "\"}").getBytes(StandardCharsets.UTF_8);
            // In three fragments, the middle one with a 64-bit length, and a ping between them.
            a.sendFrame(WebSocket.TEXT, false, java.util.Arrays.copyOfRange(message, 0, 100), RawClient.MASK);
            a.sendFrame(WebSocket.CONTINUATION, false, java.util.Arrays.copyOfRange(message, 100, 90_000), RawClient.MASK);
            a.sendFrame(WebSocket.PING, true, "p".getBytes(StandardCharsets.UTF_8), RawClient.MASK);
            a.sendFrame(WebSocket.CONTINUATION, true, java.util.Arrays.copyOfRange(message, 90_000, message.length),
                RawClient.MASK);
            RawClient.Frame pong = a.readFrame();
            assertEquals(WebSocket.PONG, pong.header().opcode());
            assertEquals("p", pong.text());
            RawClient.Frame relayed = b.readFrame();
            assertTrue(relayed.header().length() > 65535, "a 64-bit length");
            assertEquals("{\"type\": \"call\", \"to\": \"b\", \"offer\": \"" + offer + "\", \"from\": \"a\"}", relayed.text());
        }
    }

    @Test
    void connectionsPerAddressAreLimited() throws Exception {
        start(65536, 16, 2, 300);
        TestClient first = connect();
        connect();
        CompletionException refused = assertThrows(CompletionException.class, () -> TestClient.connect(port));
        assertNotNull(refused.getCause());
        first.close();
        awaitTrue(() -> {
            try {
                open.add(TestClient.connect(port));
                return true;
            } catch (CompletionException e) {
                return false;
            }
        }, "a place is free again once a connection closes");
    }

    @Test
    void connectionsAltogetherAreLimited() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        start(new Settings("127.0.0.1", 0, 65536, 16, 10, 2, 20, 300), TestLogger.recording(lines));
        TestClient first = join("r", "a");
        join("r", "b");
        for (int i = 0; i < 3; i++) {
            try (RawClient refused = raw()) {
                String response = new String(refused.in.readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(response.startsWith("HTTP/1.1 503 Service Unavailable\r\n"), response);
                assertTrue(response.endsWith("\r\n\r\nThis signalling server is full (2 connections); try again later\n"),
                    response);
            }
        }
        assertEquals(1, lines.stream().filter(line -> line.contains("maxConnections (")).count(),
            "one log line for a run of refusals: " + lines);
        assertEquals(List.of("a", "b"), server.rooms().members("r"), "the members keep their places");
        first.close();
        awaitTrue(() -> server.openConnections() < 2, "a place is free again once a connection closes");
        join("r", "c");
    }

    @Test
    void aClientThatDoesNotReadIsDroppedWithoutStallingTheRoom() throws Exception {
        start();
        TestClient a = join("r", "a");
        TestClient c = join("r", "c");
        a.next();
        RawClient slow = raw(4096);
        slow.handshake();
        slow.sendText("{\"type\": \"join\", \"id\": \"slow\", \"room\": \"r\"}");
        assertEquals("{\"type\": \"members\", \"members\": [\"a\", \"c\", \"slow\"]}", a.next());
        c.next();
        String big = "{\"type\": \"call\", \"to\": \"slow\", \"offer\": \"" + "s".repeat(60_000) + "\"}";
        long started = System.nanoTime();
        String members = null;
        for (int i = 0; i < 200 && members == null; i++) {
            long before = System.nanoTime();
            a.send(big);
            assertTrue(System.nanoTime() - before < TimeUnit.SECONDS.toNanos(2), "a send to a stalled member never blocks");
            members = a.next(0);
            c.send("{\"type\": \"call\", \"to\": \"a\", \"offer\": \"" + i + "\"}");
            String relayed = a.next();
            while (relayed != null && relayed.startsWith("{\"type\": \"members\"")) {
                members = relayed;
                relayed = a.next();
            }
            assertEquals("{\"type\": \"call\", \"to\": \"a\", \"offer\": \"" + i + "\", \"from\": \"c\"}", relayed,
                "the room goes on while one member does not read");
        }
        assertEquals("{\"type\": \"members\", \"members\": [\"a\", \"c\"]}", members, "the slow member was dropped");
        assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(30));
    }

    @Test
    void silentClientsArePingedAndThenClosed() throws Exception {
        start(65536, 16, 20, 1);
        TestClient[] ab = pair();
        try (RawClient silent = raw()) {
            silent.handshake();
            long started = System.nanoTime();
            RawClient.Frame ping = silent.readFrame();
            assertEquals(WebSocket.PING, ping.header().opcode());
            RawClient.Frame close = silent.readFrame();
            assertEquals(WebSocket.CLOSE, close.header().opcode());
            assertEquals(WebSocket.GOING_AWAY, close.closeCode());
            long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            assertTrue(took >= 900 && took < 3000, took + " ms");
        }
        // The JDK's client answers pings by itself, so the members stay connected while quiet.
        Thread.sleep(2500);
        ab[0].send("{\"type\": \"call\", \"to\": \"b\", \"offer\": \"later\"}");
        assertEquals("{\"type\": \"call\", \"to\": \"b\", \"offer\": \"later\", \"from\": \"a\"}", ab[1].next());
    }

    @Test
    void stoppingTheServerClosesEveryClientAsGoingAway() throws Exception {
        start();
        TestClient[] ab = pair();
        server.close();
        assertEquals(WebSocket.GOING_AWAY, ab[0].awaitClose());
        assertEquals(WebSocket.GOING_AWAY, ab[1].awaitClose());
        assertThrows(CompletionException.class, () -> TestClient.connect(port));
    }

    private static String nextOfType(TestClient client, String type) throws InterruptedException {
        String prefix = "{\"type\": \"" + type + "\"";
        for (String message = client.next(); message != null; message = client.next()) {
            if (message.startsWith(prefix)) {
                return message;
            }
        }
        return fail("no " + type + " message");
    }

    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TestClient.WAIT_SECONDS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail(what);
            }
            Thread.sleep(20);
        }
    }
}
