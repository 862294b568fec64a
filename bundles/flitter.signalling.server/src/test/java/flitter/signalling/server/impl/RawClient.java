package flitter.signalling.server.impl;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * A WebSocket client on a bare socket, for what a well-behaved client never sends (unmasked frames,
 * reserved bits, huge lengths) and for the bytes exactly as the server wrote them.
 */
final class RawClient implements AutoCloseable {
    static final byte[] MASK = {0x37, (byte) 0xfa, 0x21, 0x3d};

    final Socket socket;
    final InputStream in;
    final OutputStream out;

    RawClient(int port) throws IOException {
        this(port, 0);
    }

    /** @param receiveBuffer the socket's receive buffer size, or 0 for the system's */
    RawClient(int port, int receiveBuffer) throws IOException {
        this(port, receiveBuffer, null);
    }

    private RawClient(int port, int receiveBuffer, SSLSocketFactory tls) throws IOException {
        Socket tcp = new Socket();
        if (receiveBuffer > 0) {
            tcp.setReceiveBufferSize(receiveBuffer);
        }
        tcp.setSoTimeout((int) (TestClient.WAIT_SECONDS * 1000));
        tcp.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        socket = tls == null ? tcp : tls.createSocket(tcp, "localhost", port, true);
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    /** A client over TLS to a server whose (self-signed) certificate is the PEM file {@code certificate}. */
    static RawClient tls(int port, int receiveBuffer, Path certificate) throws IOException, GeneralSecurityException {
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        trusted.setCertificateEntry("server", CertificateFactory.getInstance("X.509")
            .generateCertificate(new ByteArrayInputStream(Files.readAllBytes(certificate))));
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return new RawClient(port, receiveBuffer, context.getSocketFactory());
    }

    /** Connects, upgrades and joins {@code room} as {@code id}; the members list the join brings is read. */
    RawClient join(String room, String id) throws IOException, WebSocket.ProtocolException {
        handshake();
        sendText("{\"type\": \"join\", \"id\": \"" + id + "\", \"room\": \"" + room + "\"}");
        String members = readText();
        if (members == null || !members.startsWith("{\"type\": \"members\"")) {
            throw new AssertionError("no members list after joining, but " + members);
        }
        return this;
    }

    /** Sends an upgrade request and reads the response head; returns it. */
    String handshake() throws IOException {
        out.write(("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
            .getBytes(StandardCharsets.ISO_8859_1));
        return head();
    }

    /** Reads a response head, up to its empty line. */
    String head() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    void sendText(String text) throws IOException {
        out.write(WebSocket.encode(WebSocket.TEXT, true, text.getBytes(StandardCharsets.UTF_8), MASK));
    }

    void sendFrame(int opcode, boolean fin, byte[] payload, byte[] mask) throws IOException {
        out.write(WebSocket.encode(opcode, fin, payload, mask));
    }

    /** The next frame from the server (which must be unmasked), as its header and payload. */
    Frame readFrame() throws IOException, WebSocket.ProtocolException {
        WebSocket.Header header = WebSocket.readHeader(in);
        if (header == null) {
            return null;
        }
        if (header.mask() != null) {
            throw new AssertionError("the server masked a frame");
        }
        byte[] payload = new byte[(int) header.length()];
        WebSocket.readPayload(in, header, payload, 0);
        return new Frame(header, payload);
    }

    /** The next text message's text, skipping control frames other than close (null at close or end). */
    String readText() throws IOException, WebSocket.ProtocolException {
        while (true) {
            Frame frame = readFrame();
            if (frame == null || frame.header().opcode() == WebSocket.CLOSE) {
                return null;
            }
            if (frame.header().opcode() == WebSocket.TEXT) {
                return frame.text();
            }
        }
    }

    record Frame(WebSocket.Header header, byte[] payload) {
        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        int closeCode() {
            return ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
