package flitter.engine;

import java.util.Locale;

/**
 * What a show's frames achieved over a measuring window: the frame rate and the average split of a
 * frame's time between running the program, rendering and waiting for the next frame.
 *
 * @param fps frames per second
 * @param evaluateMs milliseconds per frame running the program
 * @param renderMs milliseconds per frame in the renderers
 * @param waitMs milliseconds per frame waiting for the next frame to be due
 * @param performance the {@code performance} name at the end of the window
 * @param seconds how long the window was
 */
public record FrameStats(double fps, double evaluateMs, double renderMs, double waitMs, double performance,
        double seconds) {
    /** The engine's log line: {@code 55.8 fps; 0.2/3.5/14.1 ms per frame (evaluate/render/wait); performance 1.27}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.1f fps; %.1f/%.1f/%.1f ms per frame (evaluate/render/wait); performance %.2f",
            fps, evaluateMs, renderMs, waitMs, performance);
    }
}
