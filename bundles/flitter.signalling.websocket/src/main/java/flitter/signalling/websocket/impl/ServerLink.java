package flitter.signalling.websocket.impl;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * One WebSocket connection to a signalling server (the JDK's client): whole text messages are handed
 * to the session's thread one at a time, which reads them with {@link #next(long)}; the end of the
 * connection is queued too. {@code verify=false} trusts any certificate and host name, as the original's
 * {@code ssl=False}.
 */
final class ServerLink implements AutoCloseable {
    /** Longest message accepted from the server (an SDP is a few kilobytes). */
    static final int MAX_MESSAGE_CHARS = 1 << 20;
    private static final Duration CONNECT = Duration.ofSeconds(10);
    private static final long SEND_SECONDS = 10;

    /** Queued when the connection ends: why. */
    record Ended(String reason) {
    }

    private final BlockingQueue<Object> received = new LinkedBlockingQueue<>();
    private final WebSocket socket;

    private ServerLink(HttpClient client, URI url) throws IOException, InterruptedException {
        CompletableFuture<WebSocket> opening = client.newWebSocketBuilder().connectTimeout(CONNECT)
            .buildAsync(url, new Listener());
        try {
            socket = opening.get(CONNECT.toSeconds() + 5, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IOException("cannot connect to " + url + ": " + describe(cause), cause);
        } catch (TimeoutException e) {
            opening.thenAccept(WebSocket::abort);
            throw new IOException("no answer from " + url + " in " + CONNECT.toSeconds() + " s");
        } catch (InterruptedException e) {
            opening.thenAccept(WebSocket::abort);
            throw e;
        }
    }

    /** A client for connections to servers; {@code verify=false} trusts any certificate and host name. */
    static HttpClient client(boolean verify) {
        HttpClient.Builder client = HttpClient.newBuilder().connectTimeout(CONNECT);
        if (!verify) {
            client.sslContext(trustingEverything());
        }
        return client.build();
    }

    static ServerLink connect(HttpClient client, URI url) throws IOException, InterruptedException {
        return new ServerLink(client, url);
    }

    private static String describe(Throwable cause) {
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    /** Sends one text message. */
    void send(String text) throws IOException, InterruptedException {
        try {
            socket.sendText(text, true).get(SEND_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IOException("cannot send: " + describe(e.getCause() == null ? e : e.getCause()), e);
        } catch (TimeoutException e) {
            throw new IOException("the server took no message for " + SEND_SECONDS + " s");
        }
    }

    /**
     * The next message (a String) or the end ({@link Ended}) within {@code millis}, or null. The server's
     * next message is read only once this one is taken, so a server cannot fill memory while the
     * session is busy.
     */
    Object next(long millis) throws InterruptedException {
        Object next = received.poll(millis, TimeUnit.MILLISECONDS);
        if (next instanceof String) {
            socket.request(1);
        }
        return next;
    }

    @Override
    public void close() {
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            if (partial.length() + data.length() > MAX_MESSAGE_CHARS) {
                received.add(new Ended("the server sent a message over " + MAX_MESSAGE_CHARS + " characters"));
                webSocket.abort();
                return null;
            }
            partial.append(data);
            if (last) {
                received.add(partial.toString());
                partial.setLength(0);
            } else {
                webSocket.request(1);  // the rest of this message
            }
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            received.add(new Ended("the server closed the connection (" + statusCode
                + (reason == null || reason.isEmpty() ? "" : " " + reason) + ")"));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            received.add(new Ended("connection error: " + describe(error)));
        }
    }

    private static SSLContext trustingEverything() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new TrustingEverything()}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no TLS", e);
        }
    }

    /** Accepts any certificate for any host: verify=false, for servers with self-signed certificates. */
    private static final class TrustingEverything extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }
    }
}
