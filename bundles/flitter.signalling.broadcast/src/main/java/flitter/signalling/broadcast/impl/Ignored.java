package flitter.signalling.broadcast.impl;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.stream.Collectors;

import org.osgi.service.log.Logger;

/**
 * Datagrams a session could not use, counted by reason, and logged at most once per
 * interval (by default {@link #LOG_INTERVAL_MILLIS}): one line with the counts since the last line and the latest example. A
 * window in which every datagram was {@linkplain Reason#FOREIGN another call's} or a good message
 * {@linkplain Reason#UNEXPECTED not wanted now} (a repeated answer) is logged at debug level: both are
 * normal on a shared LAN. Anything else is a warning. One thread only.
 */
final class Ignored {
    /** The default {@code logInterval}. */
    static final long LOG_INTERVAL_MILLIS = 10_000;

    enum Reason {
        /** Signed with another key: another call's ID or another secret, or tampered with. */
        FOREIGN("not for this call"),
        /** Not a token, or a token without a message in it. */
        MALFORMED("malformed"),
        /** Older than the time to live, or from too far in the future. */
        STALE("expired"),
        /** A token seen before. */
        REPLAYED("replayed"),
        /** A good message this side does not expect now (an answer to an answerer, an offer to a caller). */
        UNEXPECTED("unexpected");

        final String label;

        Reason(String label) {
            this.label = label;
        }
    }

    private final Logger log;
    private final String session;
    private final long intervalMillis;
    private final long[] total = new long[Reason.values().length];
    private final long[] window = new long[Reason.values().length];
    private long windowCount;
    private Reason lastReason;
    private String lastDetail;
    private InetAddress lastSender;
    private int lastBytes;
    private long nextLog;

    Ignored(Logger log, String session) {
        this(log, session, LOG_INTERVAL_MILLIS);
    }

    /** Logs at most once per {@code intervalMillis}. */
    Ignored(Logger log, String session, long intervalMillis) {
        this.log = log;
        this.session = session;
        this.intervalMillis = intervalMillis;
    }

    /**
     * Counts one datagram of {@code bytes} from {@code sender} ignored for {@code reason} ({@code detail}
     * says more). Allocates nothing until a line is logged.
     */
    void count(Reason reason, String detail, InetAddress sender, int bytes, long nowMillis) {
        total[reason.ordinal()]++;
        window[reason.ordinal()]++;
        windowCount++;
        lastReason = reason;
        lastDetail = detail;
        lastSender = sender;
        lastBytes = bytes;
        flush(nowMillis);
    }

    /** Logs the window's counts if there are any and the last line is old enough. */
    void flush(long nowMillis) {
        if (windowCount == 0 || nowMillis < nextLog) {
            return;
        }
        long count = windowCount;
        String counts = Arrays.stream(Reason.values()).filter(r -> window[r.ordinal()] > 0)
            .map(r -> window[r.ordinal()] + " " + r.label).collect(Collectors.joining(", "));
        boolean harmless = window[Reason.FOREIGN.ordinal()] + window[Reason.UNEXPECTED.ordinal()] == count;
        String line = "!broadcast " + session + ": ignored " + count + " datagram" + (count == 1 ? "" : "s") + " ("
            + counts + "); latest: " + lastReason.label + ", " + lastBytes + " bytes from " + lastSender.getHostAddress()
            + ": " + lastDetail;
        if (harmless) {
            log.debug(line);
        } else {
            log.warn(line);
        }
        Arrays.fill(window, 0);
        windowCount = 0;
        nextLog = nowMillis + intervalMillis;
    }

    /** How many datagrams were ignored for {@code reason} in the session's life. */
    long total(Reason reason) {
        return total[reason.ordinal()];
    }
}
