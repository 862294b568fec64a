package flitter.engine.impl;

/**
 * How the frame loop keeps time, as the original's engine does. Each frame is scheduled
 * {@code 1/fps} after the previous one; the loop sleeps until a millisecond before that. A frame that
 * ends less than a millisecond before its successor is due is slow: the next frame starts at once and
 * the schedule restarts from then. Without real time ({@code --lockstep}) nothing waits and the
 * schedule is exact.
 */
final class Pacing {
    /** How early the loop wakes for the next frame, and the least wait that counts as on time. */
    static final double MARGIN = 0.001;
    static final double MIN_PERFORMANCE = 0.5;
    static final double MAX_PERFORMANCE = 2;

    private Pacing() {
    }

    /** What to do after a frame: sleep this long, then start the next at {@code nextFrameTime}. */
    record Step(double nextFrameTime, double sleep, boolean slow) {
    }

    /**
     * @param frameTime the time the frame just finished was scheduled for
     * @param now the time it finished
     * @return the wait before the next frame; when {@code slow}, the next frame's time is the clock's
     *         time when it starts, not {@code nextFrameTime}
     */
    static Step next(boolean realtime, double frameTime, double now, double fps) {
        double next = frameTime + 1 / fps;
        double wait = realtime ? next - now : MARGIN;
        return wait >= MARGIN ? new Step(next, wait - MARGIN, false) : new Step(next, 0, true);
    }

    /**
     * The {@code performance} name: programs scale their work by it. It creeps up (to 2) while frames
     * finish with time to spare and drops ten times faster (to 0.5) while they do not. Only in real time.
     */
    static double performance(double performance, boolean realtime, double frameTime, double now, double fps) {
        if (!realtime) {
            return performance;
        }
        double wait = frameTime + 1 / fps - now;
        return wait > MARGIN ? Math.min(performance + 0.001, MAX_PERFORMANCE)
            : Math.max(MIN_PERFORMANCE, performance - 0.01);
    }

    /** Whether the run time is not yet over, counted in whole frames as the original counts it. */
    static boolean running(Double runTime, double elapsed, double fps) {
        return runTime == null || Math.rint(elapsed * fps) < Math.rint(runTime * fps);
    }
}
