package flitter.engine.impl;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.osgi.service.log.Logger;

import flitter.engine.Frame;
import flitter.engine.FrameStats;
import flitter.engine.RendererFactory;
import flitter.engine.RunningShow;
import flitter.engine.ShowPage;
import flitter.language.Compiler;
import flitter.language.ParseError;
import flitter.language.Program;
import flitter.language.Result;
import flitter.model.State;
import flitter.model.Vector;

/**
 * The frame loop of one show: programs as pages, the clock and beat, the frame names, live reload,
 * the state file, pacing and the hand-over of top-level nodes to renderers. It follows the original
 * engine's loop frame for frame; {@link #run()} runs it on the calling thread (the frame thread).
 *
 * <p>As a {@link RunningShow} it takes operators' commands: each becomes a task that the frame thread
 * runs at the start of a frame, before the frame's names are made, so that every change to the show
 * happens on that thread and a frame sees either all of a change or none of it.
 */
final class Show implements RunningShow {
    /** The state key where each page keeps its beat counter (tempo, quantum, start), as the original does. */
    static final Vector COUNTER = Vector.of("_counter");
    static final double STATE_SAVE_PERIOD = 1;
    static final double RELOAD_PERIOD = 0.25;
    static final double STATS_PERIOD = 5;

    private final int number;
    private final Options options;
    private final Compiler compiler;
    private final Logger log;
    private final PrintStream out;
    private final RendererSet renderers;
    private final Queue<Runnable> frameTasks = new ConcurrentLinkedQueue<>();
    private final CountDownLatch stop = new CountDownLatch(1);
    private final CountDownLatch ended = new CountDownLatch(1);
    private final Object lifecycle = new Object();
    private boolean looping;
    private boolean finished;
    private Thread frameThread;

    private final List<Page> pages = new ArrayList<>();
    private final Map<String, State> globalState = new LinkedHashMap<>();
    private Path stateFile;
    private final BeatCounter counter = new BeatCounter(120, 4, 0);
    private double targetFps;
    private Page page;
    private volatile int switchTo = -1;
    /** The names defined for the programs: {@code --define}, then operators' {@code flitter:define}. */
    private final Map<String, Vector> defines;
    /** The names that are the same every frame: the defined names and the options. */
    private Map<String, Vector> fixed;
    private final FrameTiming timing = new FrameTiming(STATS_PERIOD);

    Show(int number, Options options, Compiler compiler, Function<String, RendererFactory> factories, Logger log,
            PrintStream out) {
        this.number = number;
        this.options = options;
        this.compiler = compiler;
        this.log = log;
        this.out = out;
        this.renderers = new RendererSet(factories, log);
        this.targetFps = options.fps();
        this.stateFile = options.stateFile();
        this.defines = new LinkedHashMap<>(options.defines());
        this.fixed = fixedNames();
    }

    @Override
    public int number() {
        return number;
    }

    /** The engine's clock: seconds, monotonic (the same clock as the original's on Linux). */
    static double clock() {
        return System.nanoTime() / 1e9;
    }

    /** Asks the loop to end after the current frame; returns at once. */
    void stop() {
        stop.countDown();
    }

    boolean awaitEnd(long millis) throws InterruptedException {
        return ended.await(millis, TimeUnit.MILLISECONDS);
    }

    /** Closes the renderers {@code factory} made, on the frame thread, before returning (a factory leaves). */
    void drop(RendererFactory factory) {
        CountDownLatch done = new CountDownLatch(1);
        synchronized (lifecycle) {
            if (!looping || Thread.currentThread() == frameThread) {
                renderers.drop(factory);
                return;
            }
            frameTasks.add(() -> {
                renderers.drop(factory);
                done.countDown();
            });
        }
        try {
            if (!done.await(5, TimeUnit.SECONDS)) {
                log.warn("The frame thread did not release the renderers of a departing factory within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs the show until its run time is over or it is stopped; returns the exit status. */
    int run() {
        synchronized (lifecycle) {
            looping = true;
            frameThread = Thread.currentThread();
        }
        try {
            restoreState();
            for (Path program : options.programs()) {
                Path path = program.toAbsolutePath().normalize();
                Page added = new Page(pages.size(), path, globalState.computeIfAbsent(path.toString(), p -> new State()));
                pages.add(added);
                log.info("Added page {}: {}", added.number, path);
            }
            switchToPage(0);
            loop();
            return 0;
        } finally {
            try {
                // Under the lock: a factory leaving now either queued its task before this (run here)
                // or drops its renderers itself after this (there are none left by then).
                synchronized (lifecycle) {
                    looping = false;
                    finished = true;
                    runFrameTasks();
                    renderers.closeAll();
                }
                saveState();
            } finally {
                ended.countDown();
            }
        }
    }

    private void loop() {
        boolean realtime = options.realtime();
        double startTime = realtime ? clock() : 0;
        double frameTime = startTime;
        double last = counter.beatAt(frameTime);
        double saveStateTime = frameTime + STATE_SAVE_PERIOD;
        double performance = realtime ? 1 : 2;
        boolean slowFrame = false;
        long frame = 0;
        Program current = null;
        Set<String> errors = new HashSet<>();
        List<String> logs = List.of();
        double nextReload = 0;

        while (stop.getCount() > 0 && Pacing.running(options.runTime(), frameTime - startTime, targetFps)) {
            runFrameTasks();
            double beat = counter.beatAt(frameTime);
            double delta = beat - last;
            last = beat;
            Map<String, Vector> names = new LinkedHashMap<>(fixed);
            names.put("beat", Vector.of(beat));
            names.put("quantum", Vector.of(counter.quantum()));
            names.put("tempo", Vector.of(counter.tempo()));
            names.put("fps", Vector.of(targetFps));
            names.put("delta", Vector.of(delta));
            names.put("time", Vector.of(frameTime));
            names.put("frame", Vector.of(frame));
            names.put("performance", Vector.of(performance));
            names.put("slow_frame", Vector.of(slowFrame));
            names.put("clock", Vector.of(System.currentTimeMillis() / 1000.0));

            double wall = clock();
            if (wall >= nextReload) {
                page.refresh(compiler, log);
                nextReload = wall + RELOAD_PERIOD;
            }
            Program program = page.program();
            if (program != current) {
                if (current == null) {
                    log.info("Loaded page {}: {}", page.number, page.path);
                }
                current = program;
                handlePragmas(program.pragmas(), frameTime);
                errors = new HashSet<>();
                logs = List.of();
            }

            double started = clock();
            Result result = program == null ? null : program.run(names, page.state);
            if (result != null) {
                for (String error : result.errors()) {
                    if (errors.size() < 1000 && errors.add(error)) {
                        log.warn("Error in {}: {}", page.path.getFileName(), error);
                    }
                }
                for (String line : result.logs()) {
                    if (!logs.contains(line)) {
                        out.println(line);
                    }
                }
                logs = result.logs();
            }
            double evaluated = clock();

            FrameView view = new FrameView(Collections.unmodifiableMap(names), page.state, page.path, options.offscreen(), this);
            renderers.update(result == null ? List.of() : result.nodes(), view);
            double now = clock();

            page.state.set(COUNTER, Vector.of(counter.tempo(), counter.quantum(), counter.start()));

            if (stateFile != null && frameTime > saveStateTime && changed()) {
                saveState();
                saveStateTime = frameTime + STATE_SAVE_PERIOD;
            }

            int requested = switchTo;
            if (requested >= 0) {
                switchTo = -1;
                switchToPage(requested);
                current = null;
                nextReload = 0; // the new page's program is read on its first frame, before its pragmas are due
                performance = 1;
                renderers.purge();
            }

            frame++;
            FrameStats window = timing.frame(realtime ? frameTime : now, evaluated - started, now - evaluated, performance);
            if (window != null) {
                log.debug(window.toString());
            }

            performance = Pacing.performance(performance, realtime, frameTime, now, targetFps);
            Pacing.Step step = Pacing.next(realtime, frameTime, now, targetFps);
            slowFrame = step.slow();
            if (step.slow()) {
                log.trace("Slow frame: {} ms", Math.round((now - frameTime) * 1000));
                frameTime = clock();
            } else {
                frameTime = step.nextFrameTime();
                if (step.sleep() > 0) {
                    double before = clock();
                    sleep(step.sleep());
                    timing.waited(clock() - before);
                }
            }
        }
    }

    private void sleep(double seconds) {
        try {
            stop.await((long) (seconds * 1e9), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
        }
    }

    /** Names the engine sets each frame, over any define: those of {@link #fixedNames()} and of the frame's clock. */
    static final Set<String> ENGINE_NAMES = Set.of("beat", "quantum", "tempo", "fps", "delta", "time", "frame",
        "performance", "slow_frame", "clock", "realtime", "screen", "fullscreen", "vsync", "offscreen", "opengl_es",
        "run_time");

    private Map<String, Vector> fixedNames() {
        Map<String, Vector> names = new LinkedHashMap<>(defines);
        names.put("realtime", Vector.of(options.realtime()));
        names.put("screen", Vector.of(options.screen()));
        names.put("fullscreen", Vector.of(options.fullscreen()));
        names.put("vsync", Vector.of(options.vsync()));
        names.put("offscreen", Vector.of(options.offscreen()));
        names.put("opengl_es", Vector.FALSE);
        names.put("run_time", options.runTime() == null ? Vector.NULL : Vector.of(options.runTime()));
        return names;
    }

    /** A page's pragmas set the tempo and quantum unless its counter was restored; {@code fps} always. */
    private void handlePragmas(Map<String, Vector> pragmas, double time) {
        if (!page.state.contains(COUNTER)) {
            double tempo = number(pragmas.get("tempo"), 120);
            if (tempo != counter.tempo()) {
                counter.setTempo(tempo, time);
            }
            double quantum = number(pragmas.get("quantum"), 4);
            if (quantum != counter.quantum()) {
                counter.setQuantum(quantum, time);
            }
        }
        targetFps = number(pragmas.get("fps"), options.fps());
    }

    /** A single number, else the default (as the original's {@code match(1, float, default)}). */
    static double number(Vector value, double otherwise) {
        return value != null && value.length() == 1 && value.get(0) instanceof Double d ? d : otherwise;
    }

    private void switchToPage(int number) {
        if (number < 0 || number >= pages.size()) {
            return;
        }
        page = pages.get(number);
        Vector saved = page.state.get(COUNTER);
        if (saved.length() == 3 && saved.isNumeric()) {
            counter.reset(saved.number(0), Math.floor(saved.number(1)), saved.number(2));
            log.info(String.format("Restored the beat counter at beat %.1f, tempo %.1f, quantum %.0f",
                counter.beatAt(options.realtime() ? clock() : 0), counter.tempo(), counter.quantum()));
        } else {
            counter.reset(120, 4, options.realtime() ? clock() : 0);
        }
        log.info("Switched to page {}: {}", number, page.path);
    }

    void requestPage(int delta) {
        Page showing = page;
        if (showing != null) {
            int target = showing.number + delta;
            if (target >= 0 && target < pages.size()) {
                switchTo = target;
            }
        }
    }

    @Override
    public CompletionStage<List<ShowPage>> pages() {
        return onFrameThread(() -> {
            Page showing = showing();
            return pages.stream().map(p -> new ShowPage(p.number, p.path, p == showing)).toList();
        });
    }

    @Override
    public CompletionStage<ShowPage> load(Path program) {
        Path path = program.toAbsolutePath().normalize();
        Page.Compiled compiled;
        try {
            compiled = Page.compile(compiler, path);
        } catch (ParseError | IOException e) {
            return CompletableFuture.failedFuture(e);
        }
        return onFrameThread(() -> {
            Page target = pages.stream().filter(p -> p.path.equals(path)).findFirst().orElse(null);
            if (target == null) {
                target = new Page(pages.size(), path, globalState.computeIfAbsent(path.toString(), p -> new State()), compiled);
                pages.add(target);
                log.info("Added page {}: {}", target.number, path);
            }
            switchTo = target == page ? -1 : target.number;
            return new ShowPage(target.number, target.path, true);
        });
    }

    @Override
    public CompletionStage<ShowPage> reload() {
        return onFrameThread(() -> {
            Page showing = showing();
            showing.reload(compiler, log);
            return new ShowPage(showing.number, showing.path, true);
        });
    }

    @Override
    public CompletionStage<Map<Vector, Vector>> state() {
        return onFrameThread(() -> Map.copyOf(showing().state.entries()));
    }

    @Override
    public CompletionStage<Void> define(String name, Vector value) {
        if (ENGINE_NAMES.contains(name)) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(
                "'" + name + "' is set by the engine every frame: a define cannot change it"));
        }
        return onFrameThread(() -> {
            defines.put(name, value);
            fixed = fixedNames();
            log.info("Defined {} as {}", name, value.repr());
            return null;
        });
    }

    @Override
    public CompletionStage<Optional<FrameStats>> frameStats() {
        return onFrameThread(() -> Optional.ofNullable(timing.latest()));
    }

    /** The page showing, or the one a command of this frame switched to (the switch happens at its end). */
    private Page showing() {
        int requested = switchTo;
        return requested >= 0 ? pages.get(requested) : page;
    }

    /**
     * Hands {@code work} to the frame thread, which does it at the start of its next frame, unless the
     * caller has given up (completed or cancelled the stage) by then.
     */
    private <T> CompletionStage<T> onFrameThread(Callable<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        synchronized (lifecycle) {
            if (finished) {
                return CompletableFuture.failedFuture(new IllegalStateException("show " + number + " has ended"));
            }
            frameTasks.add(() -> {
                if (result.isDone()) {
                    return;
                }
                try {
                    result.complete(work.call());
                } catch (Exception e) {
                    result.completeExceptionally(e);
                }
            });
        }
        return result;
    }

    private void runFrameTasks() {
        Runnable task;
        while ((task = frameTasks.poll()) != null) {
            task.run();
        }
    }

    private boolean changed() {
        for (State state : globalState.values()) {
            if (!state.changedKeys().isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private void restoreState() {
        if (stateFile == null || !Files.exists(stateFile)) {
            return;
        }
        try {
            globalState.putAll(StateFile.read(stateFile));
            log.info("Restored state from {}", stateFile);
        } catch (IOException e) {
            log.warn("Cannot use the state file (it will not be written either): {}", e.getMessage());
            stateFile = null;
        }
    }

    private void saveState() {
        if (stateFile == null) {
            return;
        }
        try {
            int skipped = StateFile.write(stateFile, globalState);
            for (State state : globalState.values()) {
                state.clearChanged();
            }
            log.trace("Saved state to {}{}", stateFile, skipped == 0 ? "" : " (" + skipped + " entries with nodes or functions left out)");
        } catch (IOException e) {
            log.warn("Cannot save the state to {}: {}", stateFile, e.toString());
        }
    }

    /** What a renderer sees of a frame. */
    private record FrameView(Map<String, Vector> names, State state, Path path, boolean offscreen, Show show)
            implements Frame {
        @Override
        public void nextPage() {
            show.requestPage(1);
        }

        @Override
        public void previousPage() {
            show.requestPage(-1);
        }
    }
}
