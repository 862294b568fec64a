package flitter.shell.impl;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import flitter.engine.FrameStats;
import flitter.engine.RunningShow;
import flitter.engine.ShowPage;
import flitter.language.Defines;
import flitter.language.ParseError;
import flitter.model.Vector;

/**
 * {@code flitter:pages}, {@code flitter:load}, {@code flitter:reload}, {@code flitter:state},
 * {@code flitter:define} and {@code flitter:fps}: the running show, steered from the shell. Each
 * command hands its work to the show's frame thread ({@link RunningShow}) and waits a few seconds for
 * the answer; results are values (lists are plain {@link ArrayList}s, maps {@link java.util.TreeMap}s,
 * whose methods Gogo can call: {@code ((flitter:pages) get 0) program}).
 */
@Component(service = ShowCommands.class, property = {
    "osgi.command.scope=flitter",
    "osgi.command.function=pages",
    "osgi.command.function=load",
    "osgi.command.function=reload",
    "osgi.command.function=state",
    "osgi.command.function=define",
    "osgi.command.function=fps"
})
public final class ShowCommands {
    /** How long a command waits for the frame thread: a frame, unless the show is stuck. */
    static final long TIMEOUT_SECONDS = 5;
    private static final String SHOW = "the show, by number, when several run (numbered from 1 as they start)";

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
        policyOption = ReferencePolicyOption.GREEDY)
    volatile List<RunningShow> shows;

    @Descriptor("list the running show's pages: number, program file, and which is current")
    public List<ShowPage> pages(
            @Descriptor(SHOW) @Parameter(names = {"-s", "--show"}, absentValue = "0") int show) throws Exception {
        RunningShow running = choose(shows, show);
        return new ArrayList<>(await(running, running.pages(), ""));
    }

    @Descriptor("load a program as a new page of the running show and switch to it (a program that is already a "
        + "page is switched to); a program that cannot be read or parsed changes nothing")
    public ShowPage load(CommandSession session,
            @Descriptor(SHOW) @Parameter(names = {"-s", "--show"}, absentValue = "0") int show,
            @Descriptor("the program file, relative to the shell's working directory") String file) throws Exception {
        RunningShow running = choose(shows, show);
        Path path = resolve(session.currentDir(), file);
        return await(running, running.load(path), "nothing changed: the current page keeps running");
    }

    @Descriptor("compile the current page's program again now, as live reload does when its files change")
    public ShowPage reload(
            @Descriptor(SHOW) @Parameter(names = {"-s", "--show"}, absentValue = "0") int show) throws Exception {
        RunningShow running = choose(shows, show);
        return await(running, running.reload(), "the last good version keeps running");
    }

    @Descriptor("the current page's state: every key with its value, in Flitter's text form")
    public Map<String, String> state(
            @Descriptor(SHOW) @Parameter(names = {"-s", "--show"}, absentValue = "0") int show) throws Exception {
        RunningShow running = choose(shows, show);
        return StateKeys.describe(await(running, running.state(), ""));
    }

    @Descriptor("the value of one key of the current page's state, in Flitter's text form (null when absent)")
    public String state(
            @Descriptor(SHOW) @Parameter(names = {"-s", "--show"}, absentValue = "0") int show,
            @Descriptor("the key as Flitter writes it (:call, '_counter', 1;2; quote it for Gogo when it holds ; or "
                + "spaces), or a bare name for that symbol or string (call, _counter)") String key) throws Exception {
        RunningShow running = choose(shows, show);
        Map<Vector, Vector> state = await(running, running.state(), "");
        Vector found = StateKeys.find(key, state.keySet());
        return (found == null ? Vector.NULL : state.get(found)).repr();
    }

    @Descriptor("define a name for the programs from the next frame on, as --define NAME=VALUE does at start")
    public Map<String, String> define(
            @Descriptor(SHOW) @Parameter(names = {"-s", "--show"}, absentValue = "0") int show,
            @Descriptor("the name, as the programs use it") String name,
            @Descriptor("the value, read as --define reads it: items split on ; (quote it for Gogo), each a :symbol, "
                + "a number (SI suffixes allowed: 5k, 90deg), a time code (1:30) or else a string") String value)
            throws Exception {
        if (!isName(name)) {
            throw new IllegalArgumentException("'" + name + "' is not a name a program can use (a letter or _, "
                + "then letters, digits or _)");
        }
        RunningShow running = choose(shows, show);
        Vector parsed = Defines.parse(name + "=" + value).getValue();
        await(running, running.define(name, parsed), "");
        return StateKeys.entry(name, parsed.repr());
    }

    @Descriptor("the show's measured frame rate and the split of a frame's time (evaluate/render/wait), over the "
        + "engine's last 5 s window (or the frames so far, in the first 5 s)")
    public FrameStats fps(
            @Descriptor(SHOW) @Parameter(names = {"-s", "--show"}, absentValue = "0") int show) throws Exception {
        RunningShow running = choose(shows, show);
        return await(running, running.frameStats(), "").orElseThrow(() -> new IllegalStateException(
            "show " + running.number() + " has not finished a frame yet: ask again in a moment"));
    }

    /** The show a command is for: the one running, or the one numbered {@code number} (0: not given). */
    static RunningShow choose(List<RunningShow> shows, int number) {
        List<RunningShow> running = new ArrayList<>(Objects.requireNonNullElse(shows, List.of()));
        if (running.isEmpty()) {
            throw new IllegalStateException("no show is running: start one with ./flitter PROGRAM.fl, or with a "
                + "flitter.engine.show configuration in the load folder");
        }
        running.sort((a, b) -> Integer.compare(a.number(), b.number()));
        List<Integer> numbers = running.stream().map(RunningShow::number).toList();
        if (number != 0) {
            return running.stream().filter(s -> s.number() == number).findFirst().orElseThrow(() ->
                new IllegalArgumentException("no show " + number + " is running; running: " + join(numbers)));
        }
        if (running.size() > 1) {
            throw new IllegalArgumentException("shows " + join(numbers) + " are running: choose one with --show N");
        }
        return running.get(0);
    }

    static Path resolve(Path directory, String file) {
        try {
            Path base = directory != null ? directory : Paths.get("").toAbsolutePath();
            return base.resolve(file).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("'" + file + "' is not a file name: " + e.getReason());
        }
    }

    static boolean isName(String name) {
        if (name.isEmpty() || !(name.charAt(0) == '_' || Character.isAlphabetic(name.codePointAt(0)))) {
            return false;
        }
        return name.codePoints().allMatch(c -> c == '_' || Character.isAlphabetic(c) || Character.isDigit(c));
    }

    /**
     * Waits for the show's answer. A show that does not answer in time has its command withdrawn; a
     * failure becomes an error an operator can act on, ending with {@code unchanged} (what happens next).
     */
    static <T> T await(RunningShow show, CompletionStage<T> answer, String unchanged) throws InterruptedException {
        CompletableFuture<T> future = answer.toCompletableFuture();
        try {
            return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            future.cancel(false);
            throw new IllegalStateException("show " + show.number() + " did not answer within " + TIMEOUT_SECONDS
                + " s (its frame thread is busy): the command was withdrawn");
        } catch (InterruptedException e) {
            future.cancel(false);
            throw e;
        } catch (ExecutionException e) {
            throw failure(e.getCause(), unchanged);
        }
    }

    static RuntimeException failure(Throwable cause, String unchanged) {
        String next = unchanged.isEmpty() ? "" : "\n(" + unchanged + ")";
        if (cause instanceof ParseError error) {
            return new IllegalArgumentException(error.report() + next);
        }
        if (cause instanceof NoSuchFileException missing) {
            return new IllegalArgumentException("no such program file: " + missing.getFile() + next);
        }
        if (cause instanceof IOException io) {
            return new IllegalArgumentException("cannot read the program: " + io + next);
        }
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        return new IllegalStateException(String.valueOf(cause), cause);
    }

    private static String join(List<Integer> numbers) {
        return String.join(", ", numbers.stream().map(String::valueOf).toList());
    }
}
