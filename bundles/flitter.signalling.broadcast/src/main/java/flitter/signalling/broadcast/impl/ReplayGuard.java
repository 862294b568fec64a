package flitter.signalling.broadcast.impl;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Remembers authentic tokens until they are too old to be accepted anyway, so that a datagram captured
 * and sent again is recognised. Tokens are told apart by their HMAC. Holds at most {@link #CAPACITY}
 * tokens; only authentic ones are remembered, so random input cannot fill it. One thread only.
 */
final class ReplayGuard {
    static final int CAPACITY = 4096;
    private static final int MAC_BYTES = 32;

    private record Seen(ByteBuffer mac, long forgetAt) {
    }

    private final long keepSeconds;
    private final ArrayDeque<Seen> order = new ArrayDeque<>();
    private final Set<ByteBuffer> seen = new HashSet<>();

    /** Tokens are kept {@code keepSeconds} past their timestamp. */
    ReplayGuard(long keepSeconds) {
        this.keepSeconds = keepSeconds;
    }

    /**
     * True the first time an authentic {@code token} made at {@code timestamp} is offered, false when it
     * was seen before.
     */
    boolean first(byte[] token, long timestamp, long now) {
        while (!order.isEmpty() && (order.peekFirst().forgetAt < now || order.size() >= CAPACITY)) {
            seen.remove(order.removeFirst().mac);
        }
        ByteBuffer mac = ByteBuffer.wrap(Arrays.copyOfRange(token, token.length - MAC_BYTES, token.length));
        if (!seen.add(mac)) {
            return false;
        }
        order.addLast(new Seen(mac, timestamp + keepSeconds));
        return true;
    }
}
