package flitter.log.impl;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Rate-limits identical log messages.
 *
 * <p>A message that repeats every frame or every packet would drown the console. The first
 * occurrence is written; identical ones within the window are counted instead, and the next one
 * written after the window says how many were held back. Memory is bounded: only the most recently
 * seen messages are remembered.
 */
final class RepeatFilter {
    /** What to do with one message. */
    record Verdict(boolean write, long suppressedBefore) {
        static final Verdict SUPPRESS = new Verdict(false, 0);
    }

    private static final class Seen {
        long writtenAt;
        long suppressed;
    }

    private final long windowMillis;
    private final Map<String, Seen> recent;

    RepeatFilter(long windowMillis, int capacity) {
        this.windowMillis = windowMillis;
        this.recent = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Seen> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized Verdict admit(String key, long nowMillis) {
        Seen seen = recent.get(key);
        if (seen == null) {
            seen = new Seen();
            seen.writtenAt = nowMillis;
            recent.put(key, seen);
            return new Verdict(true, 0);
        }
        if (nowMillis - seen.writtenAt < windowMillis) {
            seen.suppressed++;
            return Verdict.SUPPRESS;
        }
        Verdict verdict = new Verdict(true, seen.suppressed);
        seen.writtenAt = nowMillis;
        seen.suppressed = 0;
        return verdict;
    }
}
