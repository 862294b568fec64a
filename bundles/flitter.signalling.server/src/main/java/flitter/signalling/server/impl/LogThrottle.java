package flitter.signalling.server.impl;

import java.util.concurrent.TimeUnit;

/**
 * Lets a repeated event into the log at most once per interval and counts the ones it held back, so a
 * flood (refused connections, say) costs one line per interval rather than one line each. Thread-safe.
 */
final class LogThrottle {
    private final long intervalNanos;
    private boolean passed;
    private long nextNanos;
    private long held;

    LogThrottle(long interval, TimeUnit unit) {
        this.intervalNanos = unit.toNanos(interval);
    }

    /**
     * Whether this occurrence is to be logged: -1 when not (it is counted instead), otherwise how many
     * were held back since the last one logged.
     */
    synchronized long pass() {
        long now = System.nanoTime();
        if (passed && now - nextNanos < 0) {
            held++;
            return -1;
        }
        passed = true;
        nextNanos = now + intervalNanos;
        long before = held;
        held = 0;
        return before;
    }
}
