package flitter.signalling.server.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PEM certificates and keys as openssl writes them. */
class TlsTest {
    @TempDir
    Path folder;

    private static void openssl(String... args) throws Exception {
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("openssl"));
        command.addAll(java.util.List.of(args));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            Assumptions.abort("openssl is not installed");
            return;
        }
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0, output);
    }

    @Test
    void readsAnRsaCertificateWithItsPkcs8KeyAndAnEcOneWithItsSec1Key() throws Exception {
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
            "-keyout", folder.resolve("rsa.key").toString(), "-out", folder.resolve("rsa.pem").toString());
        SSLContext rsa = Tls.context(folder.resolve("rsa.pem"), folder.resolve("rsa.key"));
        assertEquals("TLS", rsa.getProtocol());

        openssl("ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", folder.resolve("ec.key").toString());
        openssl("req", "-x509", "-new", "-key", folder.resolve("ec.key").toString(), "-days", "1", "-subj", "/CN=localhost",
            "-out", folder.resolve("ec.pem").toString());
        assertEquals("TLS", Tls.context(folder.resolve("ec.pem"), folder.resolve("ec.key")).getProtocol());
    }

    /** A started server with a self-signed certificate. */
    private SignallingServer tlsServer(int maxConnectionsPerAddress) throws Exception {
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
            "-keyout", folder.resolve("rsa.key").toString(), "-out", folder.resolve("rsa.pem").toString());
        SignallingServer server = new SignallingServer(new Settings("127.0.0.1", 0, 65536, 16, 10, 1000,
            maxConnectionsPerAddress, 300, folder.resolve("rsa.pem").toString(), folder.resolve("rsa.key").toString()),
            TestLogger.quiet());
        server.start();
        return server;
    }

    @Test
    void aRefusalOverTlsNeverWaitsForTheClientsHandshake() throws Exception {
        SignallingServer server = tlsServer(1);
        int port = server.address().getPort();
        // Neither client starts its handshake; the second is over its address's limit.
        try (Socket held = new Socket("127.0.0.1", port); Socket refused = new Socket("127.0.0.1", port)) {
            refused.setSoTimeout(5000);
            try {
                assertEquals(-1, refused.getInputStream().read(), "closed at once");
            } catch (SocketException e) {
                // Reset: closed at once too.
            }
            // The accepting thread is free: a third connection gets the same answer.
            try (Socket again = new Socket("127.0.0.1", port)) {
                again.setSoTimeout(5000);
                try {
                    assertEquals(-1, again.getInputStream().read(), "closed at once");
                } catch (SocketException e) {
                    // Reset.
                }
            }
        } finally {
            server.close();
        }
    }

    /**
     * Over TLS a writer stuck on a client that does not read holds the TLS socket's lock: dropping that
     * client must not wait for it, or the room (every room: they share one lock) would stall with it.
     */
    @Test
    void aClientThatDoesNotReadOverTlsIsDroppedWithoutStallingTheRooms() throws Exception {
        SignallingServer server = tlsServer(20);
        int port = server.address().getPort();
        Path pem = folder.resolve("rsa.pem");
        try (RawClient a = RawClient.tls(port, 0, pem).join("r", "a"); RawClient c = RawClient.tls(port, 0, pem).join("r", "c");
                RawClient slow = RawClient.tls(port, 4096, pem).join("r", "slow")) {
            a.readText();
            a.readText();
            c.readText();
            String big = "{\"type\": \"call\", \"to\": \"slow\", \"offer\": \"" + "s".repeat(60_000) + "\"}";
            String membersWithoutSlow = "{\"type\": \"members\", \"members\": [\"a\", \"c\"]}";
            boolean dropped = false;
            // Messages for the slow member until it is dropped; after each, c's message must reach a at once.
            for (int i = 0; i < 200 && !dropped; i++) {
                a.sendText(big);
                String call = "{\"type\": \"call\", \"to\": \"a\", \"offer\": \"" + i + "\"}";
                c.sendText(call);
                List<String> received = new ArrayList<>(List.of(a.readText()));
                while (received.get(received.size() - 1).contains("\"members\"")) {
                    received.add(a.readText());
                }
                dropped = received.contains(membersWithoutSlow);
                assertEquals(call.replace("}", ", \"from\": \"c\"}"), received.get(received.size() - 1),
                    "the rooms go on while one member does not read");
            }
            assertTrue(dropped, "the slow member was dropped");
        } finally {
            server.close();
        }
    }

    @Test
    void aFileWithoutWhatIsNeededIsAnErrorNamingIt() throws Exception {
        Path empty = Files.writeString(folder.resolve("empty.pem"), "nothing here\n");
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
            "-keyout", folder.resolve("rsa.key").toString(), "-out", folder.resolve("rsa.pem").toString());
        IOException noCertificate = assertThrows(IOException.class, () -> Tls.context(empty, folder.resolve("rsa.key")));
        assertTrue(noCertificate.getMessage().contains("empty.pem") && noCertificate.getMessage().contains("no PEM certificate"),
            noCertificate.getMessage());
        IOException noKey = assertThrows(IOException.class, () -> Tls.context(folder.resolve("rsa.pem"), empty));
        assertTrue(noKey.getMessage().contains("empty.pem") && noKey.getMessage().contains("private key"), noKey.getMessage());
        IOException missing = assertThrows(IOException.class,
            () -> Tls.context(folder.resolve("none.pem"), folder.resolve("rsa.key")));
        assertTrue(missing.getMessage().contains("none.pem"), missing.getMessage());
    }
}
