package flitter.engine.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PacingTest {
    private static final double EPSILON = 1e-12;

    @Test
    void anOnTimeFrameSleepsUntilAMillisecondBeforeTheNext() {
        Pacing.Step step = Pacing.next(true, 10, 10.004, 50);
        assertFalse(step.slow());
        assertEquals(10.02, step.nextFrameTime(), EPSILON);
        assertEquals(0.015, step.sleep(), 1e-9);
    }

    @Test
    void aLateFrameIsSlowAndDoesNotSleep() {
        Pacing.Step step = Pacing.next(true, 10, 10.0195, 50);
        assertTrue(step.slow());
        assertEquals(0, step.sleep());
        assertTrue(Pacing.next(true, 10, 10.5, 50).slow());
    }

    @Test
    void lockstepNeverWaitsAndKeepsAnExactSchedule() {
        Pacing.Step step = Pacing.next(false, 1, 1234.5, 25);
        assertFalse(step.slow());
        assertEquals(0, step.sleep(), EPSILON);
        assertEquals(1.04, step.nextFrameTime(), EPSILON);
    }

    @Test
    void performanceCreepsUpWithTimeToSpareAndDropsFasterWithout() {
        assertEquals(1.001, Pacing.performance(1, true, 0, 0.001, 60), EPSILON);
        assertEquals(2, Pacing.performance(1.9995, true, 0, 0.001, 60), EPSILON);
        assertEquals(0.99, Pacing.performance(1, true, 0, 1.0 / 60, 60), EPSILON);
        assertEquals(0.5, Pacing.performance(0.505, true, 0, 1, 60), EPSILON);
        assertEquals(2, Pacing.performance(2, false, 0, 100, 60), EPSILON);
    }

    @Test
    void runTimeCountsWholeFrames() {
        assertTrue(Pacing.running(null, 1e9, 60));
        assertTrue(Pacing.running(0.5, 29 / 60.0, 60));
        assertFalse(Pacing.running(0.5, 30 / 60.0, 60));
        // 0.1 * 10 accumulated in floating point is 0.9999999999999999: still exactly 10 frames
        double time = 0;
        int frames = 0;
        while (Pacing.running(1.0, time, 10)) {
            time += 0.1;
            frames++;
        }
        assertEquals(10, frames);
    }
}
