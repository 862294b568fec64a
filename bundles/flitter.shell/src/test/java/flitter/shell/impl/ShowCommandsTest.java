package flitter.shell.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.junit.jupiter.api.Test;

import flitter.engine.FrameStats;
import flitter.engine.RunningShow;
import flitter.engine.ShowPage;
import flitter.language.ParseError;
import flitter.model.Vector;

class ShowCommandsTest {
    @Test
    void withoutAShowEveryCommandSaysSo() {
        ShowCommands commands = new ShowCommands();
        commands.shows = List.of();
        for (ThrowingCall call : List.<ThrowingCall>of(() -> commands.pages(0), () -> commands.reload(0),
                () -> commands.state(0), () -> commands.state(0, ":call"), () -> commands.define(0, "who", "Ada"),
                () -> commands.fps(0))) {
            IllegalStateException e = assertThrows(IllegalStateException.class, call::call);
            assertTrue(e.getMessage().startsWith("no show is running: start one with ./flitter PROGRAM.fl"), e.getMessage());
        }
    }

    @Test
    void theOnlyShowIsChosenAndSeveralMustBeNamed() {
        RunningShow one = new Stub(1);
        RunningShow two = new Stub(2);
        assertSame(one, ShowCommands.choose(List.of(one), 0));
        IllegalArgumentException several = assertThrows(IllegalArgumentException.class,
            () -> ShowCommands.choose(List.of(two, one), 0));
        assertEquals("shows 1, 2 are running: choose one with --show N", several.getMessage());
        assertSame(two, ShowCommands.choose(List.of(one, two), 2));
        IllegalArgumentException absent = assertThrows(IllegalArgumentException.class,
            () -> ShowCommands.choose(List.of(one, two), 3));
        assertEquals("no show 3 is running; running: 1, 2", absent.getMessage());
    }

    @Test
    void failuresSayWhatWasWrongWhereAndWhatHappensNext() {
        Path file = Path.of("/home/me/broken.fl");
        ParseError parse = new ParseError("unexpected end of line", file, 2, 13, "!probe x=(1;");
        RuntimeException e = ShowCommands.failure(parse, "nothing changed: the current page keeps running");
        assertEquals("/home/me/broken.fl:2:13: unexpected end of line\n!probe x=(1;\n            ^\n"
            + "(nothing changed: the current page keeps running)", e.getMessage());
        assertEquals("no such program file: /home/me/absent.fl\n(the last good version keeps running)",
            ShowCommands.failure(new NoSuchFileException("/home/me/absent.fl"), "the last good version keeps running")
                .getMessage());
        IllegalStateException ended = new IllegalStateException("show 1 has ended");
        assertSame(ended, ShowCommands.failure(ended, ""));
    }

    @Test
    void aShowThatDoesNotAnswerHasItsCommandWithdrawn() {
        CompletableFuture<Void> never = new CompletableFuture<>();
        IllegalStateException e = assertThrows(IllegalStateException.class,
            () -> ShowCommands.await(new Stub(4), never, ""));
        assertEquals("show 4 did not answer within 5 s (its frame thread is busy): the command was withdrawn", e.getMessage());
        assertTrue(never.isCancelled(), "cancelled, so the frame thread drops it");
    }

    @Test
    void aDefinitionIsReadAsTheCommandLineReadsItAndNamesAreChecked() throws Exception {
        Stub show = new Stub(1);
        ShowCommands commands = new ShowCommands();
        commands.shows = List.of(show);
        assertEquals(Map.of("size", "5000;:big;90"), commands.define(0, "size", "5k;:big;1:30"));
        assertEquals(Vector.of(5000, Vector.symbol("big").number(0), 90), show.defined);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> commands.define(0, "a=b", "1"));
        assertTrue(e.getMessage().startsWith("'a=b' is not a name"), e.getMessage());
        assertFalse(ShowCommands.isName("1st"));
        assertTrue(ShowCommands.isName("_x1"));
        assertTrue(ShowCommands.isName("größe"));
    }

    @Test
    void relativeFilesResolveAgainstTheShellsDirectory() {
        assertEquals(Path.of("/home/me/shows/two.fl"), ShowCommands.resolve(Path.of("/home/me/shows"), "two.fl"));
        assertEquals(Path.of("/home/me/two.fl"), ShowCommands.resolve(Path.of("/home/me/shows"), "../two.fl"));
        assertEquals(Path.of("/tmp/two.fl"), ShowCommands.resolve(Path.of("/home/me"), "/tmp/two.fl"));
    }

    @Test
    void noMeasurementYetIsSaid() {
        ShowCommands commands = new ShowCommands();
        commands.shows = List.of(new Stub(1));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> commands.fps(0));
        assertEquals("show 1 has not finished a frame yet: ask again in a moment", e.getMessage());
    }

    private interface ThrowingCall {
        Object call() throws Exception;
    }

    /** A show that answers at once: no pages, empty state, no measurement; remembers a definition. */
    private static final class Stub implements RunningShow {
        private final int number;
        volatile Vector defined;

        Stub(int number) {
            this.number = number;
        }

        @Override
        public int number() {
            return number;
        }

        @Override
        public CompletionStage<List<ShowPage>> pages() {
            return CompletableFuture.completedFuture(List.of());
        }

        @Override
        public CompletionStage<ShowPage> load(Path program) {
            return CompletableFuture.completedFuture(new ShowPage(1, program, true));
        }

        @Override
        public CompletionStage<ShowPage> reload() {
            return CompletableFuture.failedFuture(new IllegalStateException("not here"));
        }

        @Override
        public CompletionStage<Map<Vector, Vector>> state() {
            return CompletableFuture.completedFuture(Map.of());
        }

        @Override
        public CompletionStage<Void> define(String name, Vector value) {
            defined = value;
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletionStage<Optional<FrameStats>> frameStats() {
            return CompletableFuture.completedFuture(Optional.empty());
        }
    }
}
