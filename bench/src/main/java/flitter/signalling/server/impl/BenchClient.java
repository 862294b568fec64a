package flitter.signalling.server.impl;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A signalling client for load generation ({@code ./flitter bench signalling}; it lives in the bench
 * module, in the server's package only to frame messages with the server's own {@link WebSocket} code):
 * one blocking TCP socket from a chosen local address, so that many clients can come from many
 * loopback addresses (127.x.y.z) without meeting the server's per-address limit.
 *
 * <p>Sends masked text frames, and on request what a proper client never sends (binary, unmasked or
 * oversize frames, raw bytes); receives text messages, skipping control frames. One thread may send
 * while another receives; neither call is safe from two threads at once.
 */
public final class BenchClient implements AutoCloseable {
    /** The handshake was answered with another status than 101: the server refused the connection. */
    public static final class Refused extends IOException {
        private static final long serialVersionUID = 1L;
        private final int status;

        Refused(String statusLine) {
            super(statusLine);
            String[] parts = statusLine.split(" ", 3);
            int code;
            try {
                code = parts.length > 1 ? Integer.parseInt(parts[1]) : -1;
            } catch (NumberFormatException e) {
                code = -1;
            }
            this.status = code;
        }

        /** The HTTP status (429, 503, ...), or -1 when the answer was not HTTP. */
        public int status() {
            return status;
        }
    }

    private static final byte[] MASK = {0x5a, 0x13, (byte) 0xc4, 0x7e};
    private static final byte[] UPGRADE = ("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
        + "Connection: Upgrade\r\nSec-WebSocket-Key: ZmxpdHRlciBiZW5jaCBrZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
        .getBytes(StandardCharsets.ISO_8859_1);

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private BenchClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream(), 8192);
        this.out = socket.getOutputStream();
    }

    /**
     * Connects from {@code from} and completes the WebSocket handshake.
     *
     * @param receiveBuffer the socket's receive buffer in bytes, or 0 for the system's
     * @param timeoutMillis the longest any later read waits (0: for ever)
     * @throws Refused when the server answers the handshake with another status
     */
    public static BenchClient open(InetSocketAddress server, InetAddress from, int receiveBuffer, int timeoutMillis)
            throws IOException {
        Socket socket = new Socket();
        try {
            if (receiveBuffer > 0) {
                socket.setReceiveBufferSize(receiveBuffer);
            }
            socket.setTcpNoDelay(true);
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(server, 10_000);
            socket.setSoTimeout(timeoutMillis);
            BenchClient client = new BenchClient(socket);
            client.out.write(UPGRADE);
            String status = client.responseHead();
            if (!status.startsWith("HTTP/1.1 101 ")) {
                throw new Refused(status);
            }
            return client;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** Connects, joins {@code room} as {@code id} and reads the members list the join brings. */
    public static BenchClient join(InetSocketAddress server, InetAddress from, String room, String id, int timeoutMillis)
            throws IOException {
        BenchClient client = open(server, from, 0, timeoutMillis);
        try {
            client.send("{\"type\": \"join\", \"id\": \"" + id + "\", \"room\": \"" + room + "\"}");
            String members = client.receive();
            if (members == null || !members.startsWith("{\"type\": \"members\"")) {
                throw new IOException("joining " + room + " as " + id + " brought " + members);
            }
            return client;
        } catch (IOException e) {
            client.close();
            throw e;
        }
    }

    /** The response's status line; the rest of its head is read and dropped. */
    private String responseHead() throws IOException {
        StringBuilder head = new StringBuilder();
        while (head.length() < 4 || head.lastIndexOf("\r\n\r\n") != head.length() - 4) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.append((char) b);
        }
        int end = head.indexOf("\r\n");
        return end < 0 ? head.toString() : head.substring(0, end);
    }

    /** One text message in one masked frame. */
    public void send(String text) throws IOException {
        out.write(WebSocket.encode(WebSocket.TEXT, true, text.getBytes(StandardCharsets.UTF_8), MASK));
    }

    /** One masked binary frame (not part of the protocol). */
    public void sendBinary(byte[] payload) throws IOException {
        out.write(WebSocket.encode(WebSocket.BINARY, true, payload, MASK));
    }

    /** One text frame without a mask (clients must mask theirs). */
    public void sendUnmasked(String text) throws IOException {
        out.write(WebSocket.encode(WebSocket.TEXT, true, text.getBytes(StandardCharsets.UTF_8), null));
    }

    /** The next text message, skipping control frames; null when the server closes or the connection ends. */
    public String receive() throws IOException {
        while (true) {
            WebSocket.Header header;
            try {
                header = WebSocket.readHeader(in);
            } catch (WebSocket.ProtocolException e) {
                throw new IOException("the server sent a broken frame: " + e.getMessage(), e);
            }
            if (header == null || header.opcode() == WebSocket.CLOSE) {
                return null;
            }
            byte[] payload = new byte[(int) header.length()];
            WebSocket.readPayload(in, header, payload, 0);
            if (header.opcode() == WebSocket.TEXT) {
                return new String(payload, StandardCharsets.UTF_8);
            }
        }
    }

    /** Closes the socket at once, without a close handshake (as a client that goes away does). */
    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // Closed either way.
        }
    }
}
