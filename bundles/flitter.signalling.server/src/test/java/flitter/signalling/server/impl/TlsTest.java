package flitter.signalling.server.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
