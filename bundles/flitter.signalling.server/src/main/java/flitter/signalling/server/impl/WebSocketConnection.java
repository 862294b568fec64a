package flitter.signalling.server.impl;

import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.LinkedBlockingQueue;

import flitter.signalling.server.impl.WebSocket.Header;
import flitter.signalling.server.impl.WebSocket.ProtocolException;

/**
 * One server-side WebSocket connection after its handshake: reads frames on the thread that calls
 * {@link #run(Handler)}, and writes through a queue drained by a writer thread of its own, so a client that
 * stops reading blocks nothing but that writer. The queue holds at most {@code maxQueuedBytes}; a
 * client that lets it fill up is dropped ({@link #send} answers false).
 *
 * <p>Reading: client frames must be masked; fragmented text messages are put together up to
 * {@code maxMessageBytes} and checked to be UTF-8; pings are answered; binary messages are refused.
 * After {@code idleMillis / 2} without a frame the server pings, and a client silent for
 * {@code idleMillis} is closed with 1001. Closing either way follows the close handshake: the side that
 * closes sends a close frame and the other answers with one; the server waits at most
 * {@link #CLOSE_WAIT_MILLIS} for the answer (discarding what comes before it), then closes the socket.
 * Dropping a connection ({@link #abort}) closes the TCP socket under it at once, so it never waits for
 * a TLS layer whose writer is stuck on a client that does not read.
 */
final class WebSocketConnection {
    /** How long the server waits for a client's answer to its close frame. */
    static final int CLOSE_WAIT_MILLIS = 2000;

    /** What the protocol above does with a connection. All calls come from the reading thread. */
    interface Handler {
        /** A complete text message. */
        void onText(String text);

        /** The server is about to close the connection with this code because of what the client did. */
        void onError(int code, String reason);

        /** The connection is over (its socket about to be closed, or closed). Called once. */
        void onClosed();
    }

    private enum State { OPEN, CLOSING, CLOSED }

    private static final byte[] END = new byte[0];

    private final Socket socket;
    private final Socket transport;
    private final TimedInput timed;
    private final InputStream in;
    private final OutputStream out;
    private final int maxMessageBytes;
    private final long maxQueuedBytes;
    private final int idleMillis;
    private final String name;
    private final LinkedBlockingQueue<byte[]> queue = new LinkedBlockingQueue<>();
    private final Object lock = new Object();
    private Handler handler;
    private Thread writer;

    // Guarded by lock.
    private long queuedBytes;
    private boolean closeQueued;
    private boolean aborted;
    private String abortReason;

    private volatile State state = State.OPEN;
    private boolean closeDeadlineSet;
    private boolean pingOutstanding;
    private int messageOpcode = -1;
    private byte[] message;
    private int messageLength;

    /**
     * @param socket what the connection reads and writes: the TCP socket, or the TLS one over it
     * @param transport the TCP socket (the same as {@code socket} without TLS)
     * @param timed the socket's timed input, under {@code in}
     * @param in the buffered input, positioned after the handshake (it may hold frames already)
     * @param name how the log names this client (its address)
     */
    WebSocketConnection(Socket socket, Socket transport, TimedInput timed, InputStream in, int maxMessageBytes,
            long maxQueuedBytes, int idleMillis, String name) throws IOException {
        this.socket = socket;
        this.transport = transport;
        this.timed = timed;
        this.in = in;
        this.out = new BufferedOutputStream(socket.getOutputStream(), 16384);
        this.maxMessageBytes = maxMessageBytes;
        this.maxQueuedBytes = maxQueuedBytes;
        this.idleMillis = idleMillis;
        this.name = name;
    }

    String name() {
        return name;
    }

    /** Why the connection was dropped without a close handshake, or null. */
    String abortReason() {
        synchronized (lock) {
            return abortReason;
        }
    }

    /** Reads and handles frames until the connection is over; the socket is closed when this returns. */
    void run(Handler handler) {
        this.handler = handler;
        writer = new Thread(null, this::write, Thread.currentThread().getName() + " writer", 256 * 1024);
        writer.setDaemon(true);
        writer.start();
        try {
            timed.noDeadline();
            timed.readTimeout(idleMillis > 0 ? Math.max(1, idleMillis / 2) : 0);
            while (state != State.CLOSED) {
                readFrame();
            }
        } catch (ProtocolException e) {
            fail(e.code(), e.getMessage());
            finishClosing();
        } catch (IOException e) {
            if (state == State.OPEN && !(e instanceof EOFException)) {
                abort("read failed: " + e.getMessage());
            } else {
                abort(state == State.OPEN ? "the client went away without a close frame" : null);
            }
        } finally {
            handler.onClosed();
            end();
        }
    }

    /** Queues a text message; false when the connection is closing or gone, or was just dropped for not keeping up. */
    boolean send(String text) {
        return enqueue(WebSocket.encode(WebSocket.TEXT, true, text.getBytes(StandardCharsets.UTF_8), null));
    }

    /** Starts the close handshake (at most once). Any thread. */
    void close(int code, String reason) {
        synchronized (lock) {
            if (closeQueued || aborted) {
                return;
            }
            closeQueued = true;
            byte[] frame = WebSocket.encode(WebSocket.CLOSE, true, WebSocket.closePayload(code, reason), null);
            queuedBytes += frame.length;
            queue.add(frame);
            if (state == State.OPEN) {
                state = State.CLOSING;
            }
        }
    }

    /** Tells the handler why (so it can say so to the client), then closes with {@code code}. Reading thread. */
    void fail(int code, String reason) {
        if (state == State.OPEN) {
            handler.onError(code, reason);
        }
        close(code, reason);
    }

    /** Drops the connection now: no close handshake. Any thread; never blocks. */
    void abort(String reason) {
        synchronized (lock) {
            if (aborted) {
                return;
            }
            aborted = true;
            abortReason = reason;
            queue.add(END);
            state = State.CLOSED;
        }
        closeQuietly(transport);
    }

    private boolean enqueue(byte[] frame) {
        synchronized (lock) {
            if (closeQueued || aborted) {
                return false;
            }
            if (queuedBytes + frame.length <= maxQueuedBytes) {
                queuedBytes += frame.length;
                queue.add(frame);
                return true;
            }
        }
        abort("not reading: over " + maxQueuedBytes + " bytes were waiting to be sent");
        return false;
    }

    private void readFrame() throws IOException, ProtocolException {
        if (state == State.CLOSING && !closeDeadlineSet) {
            timed.deadlineIn(CLOSE_WAIT_MILLIS);
            closeDeadlineSet = true;
        }
        int first;
        try {
            first = in.read();
        } catch (SocketTimeoutException e) {
            idle();
            return;
        }
        if (first < 0) {
            throw new EOFException();
        }
        Header header = WebSocket.readHeader(first, in);
        pingOutstanding = false;
        if (state == State.CLOSING) {
            WebSocket.skip(in, header.length());
            if (header.opcode() == WebSocket.CLOSE) {
                markClosed();
            }
            return;
        }
        if (header.mask() == null) {
            throw new ProtocolException(WebSocket.PROTOCOL_ERROR, "client frames must be masked (RFC 6455 5.1)");
        }
        switch (header.opcode()) {
            case WebSocket.PING -> enqueue(WebSocket.encode(WebSocket.PONG, true, payload(header), null));
            case WebSocket.PONG -> payload(header);
            case WebSocket.CLOSE -> closeReceived(payload(header));
            case WebSocket.TEXT, WebSocket.BINARY -> {
                if (messageOpcode >= 0) {
                    throw new ProtocolException(WebSocket.PROTOCOL_ERROR, "a new message began inside a fragmented one");
                }
                messageOpcode = header.opcode();
                messageLength = 0;
                data(header);
            }
            default -> {
                if (messageOpcode < 0) {
                    throw new ProtocolException(WebSocket.PROTOCOL_ERROR, "a continuation frame without a message to continue");
                }
                data(header);
            }
        }
    }

    private void idle() throws IOException {
        if (state == State.CLOSING) {
            throw new SocketTimeoutException("no answer to the close frame in " + CLOSE_WAIT_MILLIS + " ms");
        }
        if (pingOutstanding) {
            close(WebSocket.GOING_AWAY, "idle for " + idleMillis / 1000 + " s");
            return;
        }
        pingOutstanding = true;
        enqueue(WebSocket.encode(WebSocket.PING, true, new byte[0], null));
    }

    private byte[] payload(Header header) throws IOException {
        byte[] payload = new byte[(int) header.length()];
        WebSocket.readPayload(in, header, payload, 0);
        return payload;
    }

    private void data(Header header) throws IOException, ProtocolException {
        if (header.length() > maxMessageBytes - messageLength) {
            String reason = "message over " + maxMessageBytes + " bytes, this server's limit";
            messageOpcode = -1;
            message = null;
            fail(WebSocket.TOO_BIG, reason);
            // The rest of the frame is discarded while waiting for the client's close frame, for a bounded time.
            timed.deadlineIn(CLOSE_WAIT_MILLIS);
            closeDeadlineSet = true;
            WebSocket.skip(in, header.length());
            return;
        }
        int length = (int) header.length();
        if (message == null || message.length < messageLength + length) {
            byte[] grown = new byte[header.fin() && messageLength == 0 ? length
                : Math.min(maxMessageBytes, Math.max(messageLength + length, 2 * (messageLength + length)))];
            if (message != null) {
                System.arraycopy(message, 0, grown, 0, messageLength);
            }
            message = grown;
        }
        WebSocket.readPayload(in, header, message, messageLength);
        messageLength += length;
        if (!header.fin()) {
            return;
        }
        int opcode = messageOpcode;
        byte[] bytes = message;
        int count = messageLength;
        messageOpcode = -1;
        message = null;
        messageLength = 0;
        if (opcode == WebSocket.BINARY) {
            throw new ProtocolException(WebSocket.UNSUPPORTED_DATA, "binary messages are not part of this protocol");
        }
        handler.onText(utf8(bytes, count));
    }

    private void closeReceived(byte[] payload) throws ProtocolException {
        int code = WebSocket.NORMAL;
        if (payload.length == 1) {
            throw new ProtocolException(WebSocket.PROTOCOL_ERROR, "a close frame with a 1-byte payload");
        }
        if (payload.length >= 2) {
            code = ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
            if (!WebSocket.validCloseCode(code)) {
                throw new ProtocolException(WebSocket.PROTOCOL_ERROR, "close status code " + code + " is not allowed");
            }
            utf8(payload, 2, payload.length - 2);
        }
        close(code, "");
        markClosed();
    }

    private void markClosed() {
        synchronized (lock) {
            state = State.CLOSED;
        }
    }

    private static String utf8(byte[] bytes, int count) throws ProtocolException {
        return utf8(bytes, 0, count);
    }

    private static String utf8(byte[] bytes, int offset, int count) throws ProtocolException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, offset, count)).toString();
        } catch (CharacterCodingException e) {
            throw new ProtocolException(WebSocket.INVALID_DATA, "text that is not UTF-8");
        }
    }

    /** After a protocol error: the close frame is queued; wait for the answer without handling anything. */
    private void finishClosing() {
        try {
            while (state != State.CLOSED) {
                readFrame();
            }
        } catch (IOException | ProtocolException e) {
            // The client did not answer properly: the socket is closed anyway.
        }
    }

    /** Lets the writer send what is queued (the close frame last) for a moment, then closes the socket. */
    private void end() {
        synchronized (lock) {
            queue.add(END);
        }
        try {
            writer.join(CLOSE_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        markClosed();
        // A writer still stuck on a client that does not read would hold up a TLS socket's orderly close.
        if (!writer.isAlive()) {
            closeQuietly(socket);
        }
        closeQuietly(transport);
    }

    private static void closeQuietly(Socket closing) {
        try {
            closing.close();
        } catch (IOException e) {
            // Closing is all that was wanted.
        }
    }

    private void write() {
        try {
            while (true) {
                byte[] frame = queue.take();
                if (frame == END) {
                    out.flush();
                    return;
                }
                out.write(frame);
                synchronized (lock) {
                    queuedBytes -= frame.length;
                }
                if (queue.isEmpty()) {
                    out.flush();
                }
                if ((frame[0] & 0x0F) == WebSocket.CLOSE) {
                    out.flush();
                    return;
                }
            }
        } catch (IOException e) {
            abort("write failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
