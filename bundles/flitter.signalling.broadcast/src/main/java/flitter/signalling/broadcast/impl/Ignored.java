package flitter.signalling.broadcast.impl;

import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.osgi.service.log.Logger;

/**
 * Datagrams a session could not use, counted by reason, and logged at most once per
 * {@link #LOG_INTERVAL_MILLIS}: one line with the counts since the last line and the latest example. A
 * window in which every datagram was only {@linkplain Reason#FOREIGN another call's} is logged at debug
 * level (other calls share the port on a LAN); anything else is a warning. One thread only.
 */
final class Ignored {
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
    private final Map<Reason, Long> total = new EnumMap<>(Reason.class);
    private final Map<Reason, Long> window = new EnumMap<>(Reason.class);
    private String example;
    private long nextLog;

    Ignored(Logger log, String session) {
        this.log = log;
        this.session = session;
    }

    /** Counts one datagram from {@code sender} ignored for {@code reason} ({@code detail} says more). */
    void count(Reason reason, String detail, Object sender, long nowMillis) {
        total.merge(reason, 1L, Long::sum);
        window.merge(reason, 1L, Long::sum);
        example = reason.label + " datagram from " + sender + ": " + detail;
        flush(nowMillis);
    }

    /** Logs the window's counts if there are any and the last line is old enough. */
    void flush(long nowMillis) {
        if (window.isEmpty() || nowMillis < nextLog) {
            return;
        }
        long count = window.values().stream().mapToLong(Long::longValue).sum();
        String counts = window.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().label)
            .collect(Collectors.joining(", "));
        boolean onlyForeign = window.size() == 1 && window.containsKey(Reason.FOREIGN);
        String line = "!broadcast " + session + ": ignored " + count + " datagram" + (count == 1 ? "" : "s") + " ("
            + counts + "); latest: " + example;
        if (onlyForeign) {
            log.debug(line);
        } else {
            log.warn(line);
        }
        window.clear();
        nextLog = nowMillis + LOG_INTERVAL_MILLIS;
    }

    /** How many datagrams were ignored for {@code reason} in the session's life. */
    long total(Reason reason) {
        return total.getOrDefault(reason, 0L);
    }
}
