package flitter.engine.impl;

import flitter.engine.FrameStats;

/**
 * Measures a show's frames in windows of a few seconds: how many, and how their time splits between
 * the program, the renderers and waiting. Used on the frame thread only; what it measures is logged
 * and answered to {@code flitter:fps} alike.
 */
final class FrameTiming {
    private final double period;
    private double start = Double.NaN;
    private double end;
    private long frames;
    private double evaluate;
    private double render;
    private double waited;
    private double performance;
    private FrameStats last;

    /** {@code period}: the length of a window, in seconds. */
    FrameTiming(double period) {
        this.period = period;
    }

    /**
     * Counts a frame that ended at {@code time}, having spent {@code evaluate} and {@code render}
     * seconds. The first frame only starts the first window. Returns the window when this frame
     * completes it, else null.
     */
    FrameStats frame(double time, double evaluate, double render, double performance) {
        this.performance = performance;
        if (Double.isNaN(start)) {
            start = end = time;
            return null;
        }
        frames++;
        this.evaluate += evaluate;
        this.render += render;
        end = time;
        if (time - start <= period) {
            return null;
        }
        last = stats();
        start = time;
        frames = 0;
        this.evaluate = this.render = waited = 0;
        return last;
    }

    /** Counts time spent waiting for the next frame (into the window the last frame left open). */
    void waited(double seconds) {
        waited += seconds;
    }

    /** The last complete window; before there is one, the frames measured so far; null before any. */
    FrameStats latest() {
        if (last != null) {
            return last;
        }
        return frames > 0 && end > start ? stats() : null;
    }

    private FrameStats stats() {
        return new FrameStats(frames / (end - start), 1000 * evaluate / frames, 1000 * render / frames,
            1000 * waited / frames, performance, end - start);
    }
}
