package flitter.signalling.server.impl;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeUnit;

/**
 * A socket's input with two limits: how long one read may wait ({@link #readTimeout}) and, optionally, a
 * deadline for everything read until it is lifted, so a client sending one byte at a time cannot hold a
 * connection open forever (a request head, a close handshake). Goes under the connection's buffer.
 */
final class TimedInput extends FilterInputStream {
    private final Socket socket;
    private int readTimeoutMillis;
    private long deadline;
    private boolean hasDeadline;
    private int armed = -1;

    TimedInput(Socket socket) throws IOException {
        super(socket.getInputStream());
        this.socket = socket;
    }

    /** The longest one read waits for data, in milliseconds; 0 waits for ever. Only the reading thread calls this. */
    void readTimeout(int millis) {
        readTimeoutMillis = millis;
    }

    /** From now on, reads fail once {@code millis} have passed. */
    void deadlineIn(long millis) {
        deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        hasDeadline = true;
    }

    void noDeadline() {
        hasDeadline = false;
    }

    @Override
    public int read() throws IOException {
        arm();
        return in.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        arm();
        return in.read(b, off, len);
    }

    private void arm() throws IOException {
        int timeout = readTimeoutMillis;
        if (hasDeadline) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                throw new SocketTimeoutException("deadline passed");
            }
            timeout = timeout == 0 ? (int) Math.min(left, Integer.MAX_VALUE) : (int) Math.min(left, timeout);
        }
        if (timeout != armed) {
            socket.setSoTimeout(timeout);
            armed = timeout;
        }
    }
}
