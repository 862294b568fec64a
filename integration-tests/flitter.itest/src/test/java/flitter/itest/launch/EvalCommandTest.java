package flitter.itest.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./flitter eval}: the tree on standard output, errors on standard error, a telling exit status. */
class EvalCommandTest {
    private static final Duration RUN = Duration.ofSeconds(60);
    private static final String HELLO = Host.ROOT.resolve("examples/hello.fl").toString();

    @TempDir
    Path folder;

    @Test
    void printsTheTreeOfAnExample() throws Exception {
        Host.Result eval = Host.run(folder, RUN, "eval", HELLO);
        assertEquals(0, eval.status(), eval.output());
        assertTrue(eval.output().contains("!window #main size=1280;720 title='Hello'\n !canvas size=1280;720\n"
            + "  !group font='Helvetica' font_size=96 color=0\n"
            + "   !text point=640;360 text='Hello, ';'world';'!'"), eval.output());
    }

    @Test
    void definesReachTheProgram() throws Exception {
        Host.Result eval = Host.run(folder, RUN, "eval", HELLO, "--define", "name=Ada");
        assertEquals(0, eval.status(), eval.output());
        assertTrue(eval.output().contains("text='Hello, ';'Ada';'!'"), eval.output());
    }

    @Test
    void runtimeErrorsGoToStandardErrorAndTheTreeIsStillPrinted() throws Exception {
        Path program = Files.writeString(folder.resolve("oops.fl"), "!a x=missing\n!b\n");
        Host.Result eval = Host.run(folder, RUN, "eval", program.toString());
        assertEquals(0, eval.status(), eval.output());
        assertTrue(eval.output().contains("!a\n!b\n"), eval.output());
        assertTrue(eval.output().contains("error: Unbound name 'missing'"), eval.output());
    }

    @Test
    void aParseErrorSaysWhereAndExitsWithTwo() throws Exception {
        Path program = Files.writeString(folder.resolve("broken.fl"), "!a\n    !b x=(1;\n");
        Host.Result eval = Host.run(folder, RUN, "eval", program.toString());
        assertEquals(2, eval.status(), eval.output());
        assertTrue(eval.output().contains(program + ":2:13: unexpected end of file"), eval.output());
    }

    @Test
    void aMissingFileIsSaidPlainly() throws Exception {
        Host.Result eval = Host.run(folder, RUN, "eval", folder.resolve("nowhere.fl").toString());
        assertEquals(1, eval.status(), eval.output());
        assertTrue(eval.output().contains("no such file"), eval.output());
    }
}
