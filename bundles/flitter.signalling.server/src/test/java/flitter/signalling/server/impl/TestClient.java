package flitter.signalling.server.impl;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A signalling client on the JDK's own WebSocket implementation ({@code java.net.http}): an independent
 * check of the server's handshake and frames. Collects what arrives; every wait is bounded.
 */
final class TestClient implements AutoCloseable {
    static final long WAIT_SECONDS = 5;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final WebSocket socket;
    private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    private final BlockingQueue<ByteBuffer> pongs = new LinkedBlockingQueue<>();
    final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    volatile String closeReason;

    private TestClient(URI uri) {
        socket = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5)).buildAsync(uri, new Listener())
            .orTimeout(WAIT_SECONDS, TimeUnit.SECONDS).join();
    }

    static TestClient connect(int port) {
        return new TestClient(URI.create("ws://127.0.0.1:" + port + "/"));
    }

    static TestClient connect(URI uri) {
        return new TestClient(uri);
    }

    /** Connects and joins, and reads the members list the join brings. */
    static TestClient join(int port, String room, String id) throws InterruptedException {
        TestClient client = connect(port);
        client.send("{\"type\": \"join\", \"id\": \"" + id + "\", \"room\": \"" + room + "\"}");
        String members = client.next();
        if (members == null || !members.startsWith("{\"type\": \"members\"")) {
            throw new AssertionError("no members list after joining, but " + members);
        }
        return client;
    }

    void send(String text) {
        socket.sendText(text, true).orTimeout(WAIT_SECONDS, TimeUnit.SECONDS).join();
    }

    /** The next message, or null after {@link #WAIT_SECONDS}. */
    String next() throws InterruptedException {
        return messages.poll(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    /** The next message within {@code millis}, or null. */
    String next(long millis) throws InterruptedException {
        return messages.poll(millis, TimeUnit.MILLISECONDS);
    }

    ByteBuffer nextPong() throws InterruptedException {
        return pongs.poll(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    /** The close code the server sent, waiting for it. */
    int awaitClose() {
        return closeCode.orTimeout(WAIT_SECONDS, TimeUnit.SECONDS).join();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(WAIT_SECONDS, TimeUnit.SECONDS)
                .exceptionally(e -> null).join();
        }
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                messages.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
            pongs.add(message);
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeReason = reason;
            closeCode.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closeCode.completeExceptionally(error);
        }
    }
}
