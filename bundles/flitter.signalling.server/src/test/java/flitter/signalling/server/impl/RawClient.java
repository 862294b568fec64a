package flitter.signalling.server.impl;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

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
        socket = new Socket();
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer);
        }
        socket.setSoTimeout((int) (TestClient.WAIT_SECONDS * 1000));
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
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
