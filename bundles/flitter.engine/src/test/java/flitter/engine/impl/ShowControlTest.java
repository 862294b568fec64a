package flitter.engine.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.log.Logger;

import flitter.engine.FrameStats;
import flitter.engine.Renderer;
import flitter.engine.RendererFactory;
import flitter.engine.ShowPage;
import flitter.language.ParseError;
import flitter.language.impl.FlitterCompiler;
import flitter.model.Node;
import flitter.model.Vector;

/** Operators' commands reach a running show through its frame thread (the real compiler, a recording renderer). */
class ShowControlTest {
    @TempDir
    Path folder;

    private volatile Node latest;
    private final List<Map<String, Vector>> names = new ArrayList<>();
    private final RendererFactory probe = () -> new Renderer() {
        @Override
        public void update(Node node, flitter.engine.Frame frame) {
            Vector key = node.attribute("state");
            if (key != null) {
                frame.state().set(key, node.attribute("value"));
            }
            synchronized (names) {
                names.add(frame.names());
            }
            latest = node;
        }

        @Override
        public void close() {
        }
    };
    private Show show;
    private Thread thread;

    @AfterEach
    void end() throws Exception {
        if (show != null) {
            show.stop();
            thread.join(5000);
        }
    }

    @Test
    void loadAddsAPageAndSwitchesToIt() throws Exception {
        Path one = write("one.fl", "!probe page=1\n");
        Path two = write("two.fl", "!probe page=2\n");
        start(one);
        await(() -> attribute("page") == 1);
        assertEquals(List.of(new ShowPage(0, one, true)), answer(show.pages()));

        assertEquals(new ShowPage(1, two, true), answer(show.load(two)));
        await(() -> attribute("page") == 2);
        assertEquals(List.of(new ShowPage(0, one, false), new ShowPage(1, two, true)), answer(show.pages()));

        assertEquals(new ShowPage(0, one, true), answer(show.load(one)), "a page already there is switched to");
        await(() -> attribute("page") == 1);
        assertEquals(2, answer(show.pages()).size());
    }

    @Test
    void aProgramThatDoesNotParseOrIsMissingIsRefusedAndNothingChanges() throws Exception {
        Path one = write("one.fl", "!probe page=1\n");
        Path broken = write("broken.fl", "!probe page=2\n!probe x=(1;\n");
        start(one);
        await(() -> attribute("page") == 1);

        ParseError error = (ParseError) failure(show.load(broken));
        assertEquals(broken, error.path());
        assertEquals(2, error.line());
        assertInstanceOf(NoSuchFileException.class, failure(show.load(folder.resolve("absent.fl"))));

        assertEquals(List.of(new ShowPage(0, one, true)), answer(show.pages()));
        Thread.sleep(100);
        assertEquals(1, attribute("page"));
    }

    @Test
    void reloadReadsTheFileEvenWhenItLooksUnchanged() throws Exception {
        Path one = write("one.fl", "!probe version=1\n");
        FileTime stamp = Files.getLastModifiedTime(one);
        start(one);
        await(() -> attribute("version") == 1);

        // same size, same time: live reload cannot tell it changed
        Files.writeString(one, "!probe version=2\n");
        Files.setLastModifiedTime(one, stamp);
        Thread.sleep(600);
        assertEquals(1, attribute("version"), "the watcher did not notice");

        assertEquals(new ShowPage(0, one, true), answer(show.reload()));
        await(() -> attribute("version") == 2);

        Files.writeString(one, "!probe version=3\n!probe x=(1;\n");
        ParseError error = (ParseError) failure(show.reload());
        assertEquals(2, error.line());
        Thread.sleep(100);
        assertEquals(2, attribute("version"), "the last good version keeps running");
    }

    @Test
    void stateIsACopyOfTheCurrentPagesState() throws Exception {
        start(write("one.fl", "!probe state=:call value=:connected\n"));
        await(() -> latest != null);
        Map<Vector, Vector> state = answer(show.state());
        assertEquals(Vector.symbol("connected"), state.get(Vector.symbol("call")));
        assertTrue(state.containsKey(Show.COUNTER), state.toString());
    }

    @Test
    void aDefinedNameIsSeenFromTheNextFrame() throws Exception {
        start(write("one.fl", "!probe who=who\n"), "--define", "who=Ada");
        await(() -> latest != null && Vector.of("Ada").equals(latest.attribute("who")));
        answer(show.define("who", Vector.of("Grace")));
        for (String name : Show.ENGINE_NAMES) {
            Throwable refused = failure(show.define(name, Vector.of(3)));
            assertTrue(refused.getMessage().contains("set by the engine every frame"), name + ": " + refused);
        }
        int seen;
        synchronized (names) {
            seen = names.size();
        }
        await(() -> {
            synchronized (names) {
                return names.size() > seen;
            }
        });
        synchronized (names) {
            assertEquals(Vector.of("Grace"), names.get(seen).get("who"), "the first frame after the command");
        }
    }

    @Test
    void frameStatsMeasureTheFramesSoFar() throws Exception {
        start(write("one.fl", "!probe\n"));
        await(() -> latest != null);
        Thread.sleep(500);
        FrameStats stats = answer(show.frameStats()).orElseThrow();
        assertTrue(stats.fps() > 10 && stats.fps() < 110, stats.toString());
        assertTrue(stats.waitMs() > 0, stats.toString());
    }

    @Test
    void aCommandTheCallerGaveUpOnIsDropped() throws Exception {
        Path one = write("one.fl", "!probe who=who\n");
        show = show(one, "--define", "who=Ada");
        CompletionStage<Void> define = show.define("who", Vector.of("Grace"));
        define.toCompletableFuture().cancel(false);
        run();
        await(() -> latest != null);
        synchronized (names) {
            assertEquals(Vector.of("Ada"), names.get(0).get("who"));
        }
    }

    @Test
    void anEndedShowRefusesCommands() throws Exception {
        start(write("one.fl", "!probe\n"));
        await(() -> latest != null);
        show.stop();
        thread.join(5000);
        assertFalse(thread.isAlive());
        assertInstanceOf(IllegalStateException.class, failure(show.pages()));
    }

    private double attribute(String name) {
        Node node = latest;
        Vector value = node == null ? null : node.attribute(name);
        return value == null ? Double.NaN : value.asDouble();
    }

    private void start(Path program, String... options) {
        show = show(program, options);
        run();
    }

    private void run() {
        thread = new Thread(show::run, "test show");
        thread.start();
    }

    private Show show(Path program, String... options) {
        List<String> args = new ArrayList<>(List.of(program.toString(), "--fps", "100"));
        args.addAll(List.of(options));
        return new Show(1, Options.parse(args), new FlitterCompiler(), kind -> kind.equals("probe") ? probe : null,
            silent(), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(folder.resolve(name), text).toAbsolutePath().normalize();
    }

    private static <T> T answer(CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    private static Throwable failure(CompletionStage<?> stage) throws Exception {
        CompletableFuture<?> future = stage.toCompletableFuture();
        ExecutionException e = assertThrows(ExecutionException.class, () -> future.get(5, TimeUnit.SECONDS));
        return e.getCause();
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out");
            }
            Thread.sleep(10);
        }
    }

    private static Logger silent() {
        return (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(), new Class<?>[] {Logger.class},
            (proxy, method, args) -> method.getReturnType() == boolean.class ? false
                : method.getReturnType() == String.class ? "test" : null);
    }
}
