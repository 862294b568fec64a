package flitter.signalling.broadcast.impl;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Arrays;

import flitter.signalling.broadcast.impl.Fernet.InvalidToken;
import flitter.signalling.broadcast.impl.Ignored.Reason;

/**
 * A session's UDP socket speaking the original's messages: each one sealed in a fresh Fernet token (new
 * timestamp and IV, as the original does on every send) in one datagram; received datagrams of up to
 * 64 KiB are opened, and anything that is not an authentic, fresh, first-seen message is counted in
 * {@link Ignored} and skipped. One thread only (closing may come from another).
 */
final class Channel implements AutoCloseable {
    /** Seconds a token is accepted for: the original's {@code WAIT * 2}. */
    static final long TTL_SECONDS = 10;
    /** The largest UDP payload. */
    static final int MAX_DATAGRAM = 65_535;

    /** A message and who sent it. */
    record Received(Message message, SocketAddress sender) {
    }

    private final DatagramSocket socket;
    private final Fernet fernet;
    private final Ignored ignored;
    private final ReplayGuard replays = new ReplayGuard(TTL_SECONDS + Fernet.MAX_CLOCK_SKEW_SECONDS);
    private final SecureRandom random = new SecureRandom();
    private final byte[] buffer = new byte[MAX_DATAGRAM];

    /** Binds {@code address}, with address reuse (as the original) and broadcast when asked. */
    Channel(InetSocketAddress address, boolean broadcast, Fernet fernet, Ignored ignored) throws IOException {
        this.fernet = fernet;
        this.ignored = ignored;
        this.socket = new DatagramSocket(null);
        try {
            socket.setReuseAddress(true);
            socket.setBroadcast(broadcast);
            // Room for a burst: the kernel caps this at net.core.rmem_max.
            socket.setReceiveBufferSize(1 << 20);
            socket.bind(address);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    SocketAddress local() {
        return socket.getLocalSocketAddress();
    }

    /** Sends {@code message} to {@code target} in a new token. */
    void send(Message message, SocketAddress target) throws IOException {
        byte[] iv = new byte[Fernet.IV_BYTES];
        random.nextBytes(iv);
        byte[] token = fernet.encrypt(message.compressed(), System.currentTimeMillis() / 1000, iv);
        socket.send(new DatagramPacket(token, token.length, target));
    }

    /**
     * The next usable message within {@code timeoutMillis}, or null when none came. Ignored datagrams
     * do not extend the wait.
     */
    Received receive(long timeoutMillis) throws IOException {
        long deadline = System.currentTimeMillis() + Math.max(1, timeoutMillis);
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        while (true) {
            long now = System.currentTimeMillis();
            if (now >= deadline) {
                ignored.flush(now);
                return null;
            }
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, deadline - now));
            try {
                packet.setLength(buffer.length);
                socket.receive(packet);
            } catch (SocketTimeoutException e) {
                ignored.flush(System.currentTimeMillis());
                return null;
            }
            Received received = open(buffer, packet.getLength(), packet.getAddress(), packet.getPort());
            if (received != null) {
                return received;
            }
        }
    }

    /** The message in {@code token}, or null (counted) when there is none to use. */
    Received open(byte[] token, SocketAddress sender) {
        InetSocketAddress address = (InetSocketAddress) sender;
        return open(token, token.length, address.getAddress(), address.getPort());
    }

    /**
     * The message in the first {@code length} bytes of {@code data}, or null (counted) when there is none
     * to use. Only an authentic token is copied.
     */
    private Received open(byte[] data, int length, InetAddress from, int port) {
        long nowMillis = System.currentTimeMillis();
        long now = nowMillis / 1000;
        try {
            byte[] plaintext = fernet.decrypt(data, 0, length, now, TTL_SECONDS);
            byte[] token = Arrays.copyOf(data, length);
            InetSocketAddress sender = new InetSocketAddress(from, port);
            if (!replays.first(token, ByteBuffer.wrap(token, 1, 8).getLong(), now)) {
                ignored.count(Reason.REPLAYED, "a token already received", from, length, nowMillis);
                return null;
            }
            return new Received(Message.parse(plaintext), sender);
        } catch (InvalidToken e) {
            Reason reason = switch (e.reason) {
                case SIGNATURE -> Reason.FOREIGN;
                case EXPIRED, FUTURE -> Reason.STALE;
                case MALFORMED, PADDING -> Reason.MALFORMED;
            };
            ignored.count(reason, e.getMessage(), from, length, nowMillis);
        } catch (Message.Malformed e) {
            ignored.count(Reason.MALFORMED, e.getMessage(), from, length, nowMillis);
        }
        return null;
    }

    /** Counts a good message the session cannot use now. */
    void unexpected(Received received) {
        InetSocketAddress sender = (InetSocketAddress) received.sender();
        ignored.count(Reason.UNEXPECTED, "an " + received.message().kind().key(), sender.getAddress(),
            received.message().sdp().length(), System.currentTimeMillis());
    }

    /** Unblocks a waiting {@link #receive(long)}; safe from any thread. */
    @Override
    public void close() {
        socket.close();
    }
}
