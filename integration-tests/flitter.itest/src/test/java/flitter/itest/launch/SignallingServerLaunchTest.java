package flitter.itest.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./flitter signalling-server}: the room server as a command, reached by a WebSocket client. */
class SignallingServerLaunchTest {
    @TempDir
    Path folder;

    @Test
    void aClientThatJoinsARoomIsToldItsMembers() throws Exception {
        int port = Host.freeLoopbackPort();
        try (Host host = Host.start(folder, "signalling-server", "--host", "127.0.0.1", "--port", String.valueOf(port))) {
            BlockingQueue<String> received = new LinkedBlockingQueue<>();
            WebSocket socket = connect(URI.create("ws://127.0.0.1:" + port + "/"), SSLContext.getDefault(), received,
                Duration.ofSeconds(60), host);
            socket.sendText("{\"type\": \"join\", \"id\": \"camera\", \"room\": \"studio\"}", true).get(10, TimeUnit.SECONDS);
            assertEquals("{\"type\": \"members\", \"members\": [\"camera\"]}", received.poll(10, TimeUnit.SECONDS));
            socket.abort();
        }
    }

    @Test
    void withACertificateAndKeyItServesWss() throws Exception {
        Path certificate = folder.resolve("certificate.pem");
        Path key = folder.resolve("key.pem");
        Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
            "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", key.toString(), "-out",
            certificate.toString())
            .redirectErrorStream(true).start();
        openssl.getInputStream().readAllBytes();
        assertEquals(0, openssl.waitFor());
        int port = Host.freeLoopbackPort();
        try (Host host = Host.start(folder, "signalling-server", "--host", "127.0.0.1", "--port", String.valueOf(port),
                "--certificate", certificate.toString(), "--key", key.toString())) {
            BlockingQueue<String> received = new LinkedBlockingQueue<>();
            WebSocket socket = connect(URI.create("wss://127.0.0.1:" + port + "/"), trusting(certificate), received,
                Duration.ofSeconds(60), host);
            socket.sendText("{\"type\": \"join\", \"id\": \"camera\", \"room\": \"studio\"}", true).get(10, TimeUnit.SECONDS);
            assertEquals("{\"type\": \"members\", \"members\": [\"camera\"]}", received.poll(10, TimeUnit.SECONDS));
            socket.abort();
            assertTrue(host.output().contains("listening on wss://127.0.0.1:" + port), host.output());
        }
    }

    /** A TLS context that trusts exactly {@code certificate} (a self-signed one). */
    private static SSLContext trusting(Path certificate) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(certificate)) {
            store.setCertificateEntry("server", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    @Test
    void programsAreRefusedWithTheReason() throws Exception {
        Host.Result result = Host.run(folder, Duration.ofSeconds(60), "signalling-server", "show.fl");
        assertEquals(2, result.status(), result.output());
        assertTrue(result.output().contains("signalling-server runs no programs"), result.output());
    }

    /** Connects once the server listens (the host takes a few seconds to start). */
    private static WebSocket connect(URI url, SSLContext tls, BlockingQueue<String> received, Duration timeout, Host host)
            throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                return HttpClient.newBuilder().sslContext(tls).build().newWebSocketBuilder()
                    .buildAsync(url, new WebSocket.Listener() {
                        private final StringBuilder partial = new StringBuilder();

                        @Override
                        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                            partial.append(data);
                            if (last) {
                                received.add(partial.toString());
                                partial.setLength(0);
                            }
                            webSocket.request(1);
                            return null;
                        }
                    }).get(10, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                if (System.nanoTime() > deadline || !host.process.isAlive()) {
                    throw new AssertionError("the room server never answered at " + url + ":\n" + host.output(), e);
                }
                Thread.sleep(200);
            }
        }
    }
}
