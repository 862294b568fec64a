package flitter.itest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import flitter.engine.Frame;
import flitter.engine.Renderer;
import flitter.engine.RendererFactory;
import flitter.language.Compiler;
import flitter.language.Program;
import flitter.model.State;
import flitter.model.Vector;

/**
 * A program shown by a renderer of the host, frame by frame from the test's thread, with a state
 * mapping that lasts from frame to frame (as the engine's does) and names the test can change.
 */
final class Show implements AutoCloseable {
    private final Program program;
    private final Renderer renderer;
    private final State state = new State();
    private final Map<String, Vector> names = new HashMap<>();
    private long frames;
    private final Frame frame = new Frame() {
        @Override
        public Map<String, Vector> names() {
            return names;
        }

        @Override
        public State state() {
            return state;
        }

        @Override
        public Path path() {
            return null;
        }

        @Override
        public boolean offscreen() {
            return true;
        }

        @Override
        public void nextPage() {
        }

        @Override
        public void previousPage() {
        }
    };

    Show(Compiler compiler, RendererFactory renderers, String source) throws Exception {
        this.program = compiler.compile(source, null);
        this.renderer = renderers.create();
    }

    Show name(String name, Vector value) {
        names.put(name, value);
        return this;
    }

    /** Runs the program ({@code frame} counts frames, as the engine's does) and renders its first top-level node. */
    void frame() throws Exception {
        names.put("frame", Vector.of(frames++));
        renderer.update(program.run(names, state).nodes().get(0), frame);
    }

    Vector state(String key) {
        return state.get(Vector.symbol(key));
    }

    /** Shows frames at about {@code fps} until {@code condition} holds; fails with {@code lastSeen} if it never does. */
    void until(Duration timeout, int fps, BooleanSupplier condition, Supplier<String> lastSeen) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        long period = 1_000_000_000L / fps;
        long next = System.nanoTime();
        while (true) {
            frame();
            if (condition.getAsBoolean()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toMillis() + " ms: " + lastSeen.get());
            }
            next += period;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } else {
                next = System.nanoTime();
            }
        }
    }

    /**
     * Runs {@code work} on a thread of its own while this show goes on at 30 fps (a shell command that
     * measures a call needs frames to keep coming); returns its result.
     */
    <T> T whileShowing(Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }, "while-showing");
        thread.start();
        until(Duration.ofSeconds(20), 30, result::isDone, () -> "the work did not finish");
        return result.get(1, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        renderer.close();
    }
}
