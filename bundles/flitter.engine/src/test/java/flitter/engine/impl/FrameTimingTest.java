package flitter.engine.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

import flitter.engine.FrameStats;

class FrameTimingTest {
    private static final double EPSILON = 1e-9;

    @Test
    void theFirstFrameOnlyStartsTheWindow() {
        FrameTiming timing = new FrameTiming(5);
        assertNull(timing.latest());
        assertNull(timing.frame(10, 0.5, 0.5, 1));
        assertNull(timing.latest(), "no frame measured yet: the first one took the program's first run");
    }

    @Test
    void aCompleteWindowAveragesItsFramesAndIsLoggedOnce() {
        FrameTiming timing = new FrameTiming(5);
        timing.frame(0, 1, 1, 1);
        timing.waited(0.005);
        FrameStats window = null;
        // 60 frames 0.1 s apart: 2 ms evaluating, 3 ms rendering, 5 ms waiting each
        for (int frame = 1; frame <= 60 && window == null; frame++) {
            window = timing.frame(frame * 0.1, 0.002, 0.003, 1.25);
            if (window == null) {
                timing.waited(0.005);
            }
        }
        assertEquals(51 * 0.1, window.seconds(), EPSILON, "the first frame after 5 s closes the window");
        assertEquals(10, window.fps(), EPSILON);
        assertEquals(2, window.evaluateMs(), EPSILON);
        assertEquals(3, window.renderMs(), EPSILON);
        assertEquals(5, window.waitMs(), EPSILON);
        assertEquals(1.25, window.performance(), EPSILON);
        assertEquals("10.0 fps; 2.0/3.0/5.0 ms per frame (evaluate/render/wait); performance 1.25", window.toString());
        assertSame(window, timing.latest());

        timing.frame(5.2, 0.004, 0.004, 1);
        assertSame(window, timing.latest(), "the last complete window, not the one under way");
    }

    @Test
    void beforeTheFirstWindowEndsTheFramesSoFarAreTheMeasurement() {
        FrameTiming timing = new FrameTiming(5);
        timing.frame(0, 1, 1, 1);
        timing.frame(0.5, 0.010, 0.020, 1.5);
        timing.frame(1, 0.030, 0.040, 1.5);
        FrameStats soFar = timing.latest();
        assertEquals(2, soFar.fps(), EPSILON);
        assertEquals(20, soFar.evaluateMs(), EPSILON);
        assertEquals(30, soFar.renderMs(), EPSILON);
        assertEquals(1, soFar.seconds(), EPSILON);
    }
}
