package flitter.log.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RepeatFilterTest {
    private final RepeatFilter filter = new RepeatFilter(1000, 2);

    @Test
    void firstOccurrenceIsWritten() {
        RepeatFilter.Verdict verdict = filter.admit("a", 0);
        assertTrue(verdict.write());
        assertEquals(0, verdict.suppressedBefore());
    }

    @Test
    void repeatsWithinTheWindowAreHeldBackAndCounted() {
        filter.admit("a", 0);
        assertFalse(filter.admit("a", 10).write());
        assertFalse(filter.admit("a", 999).write());
        RepeatFilter.Verdict after = filter.admit("a", 1000);
        assertTrue(after.write());
        assertEquals(2, after.suppressedBefore());
        assertFalse(filter.admit("a", 1500).write());
    }

    @Test
    void differentMessagesDoNotHoldEachOtherBack() {
        filter.admit("a", 0);
        assertTrue(filter.admit("b", 1).write());
    }

    @Test
    void forgetsTheLeastRecentlySeenBeyondCapacity() {
        filter.admit("a", 0);
        filter.admit("b", 1);
        filter.admit("c", 2);
        assertTrue(filter.admit("a", 3).write(), "a was evicted, so it is new again");
    }
}
