package flitter.itest.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./flitter PROGRAM.fl [options]}: a show runs, ends with its run time and keeps its state. */
class ShowLaunchTest {
    private static final Duration RUN = Duration.ofSeconds(60);

    @TempDir
    Path folder;

    @Test
    void aLockstepShowRunsForItsRunTimeAndSavesItsState() throws Exception {
        Path program = Files.writeString(folder.resolve("show.fl"), "!window size=100;100\n    !rect x=beat\n");
        Path state = folder.resolve("state.txt");
        Host.Result show = Host.run(folder, RUN, program.toString(), "--offscreen", "--lockstep", "--runtime", "0.5",
            "--state", state.toString());
        assertEquals(0, show.status(), show.output());
        assertTrue(Files.isRegularFile(state), "state file written; output:\n" + show.output());
        String saved = Files.readString(state, StandardCharsets.UTF_8);
        assertTrue(saved.contains("page \"" + program.toAbsolutePath().normalize() + "\"\n\"_counter\"\t120.0;4.0;0.0\n"), saved);

        Host.Result again = Host.run(folder, RUN, program.toString(), "--lockstep", "--runtime=0.1", "--state=" + state);
        assertEquals(0, again.status(), again.output());
        assertTrue(again.output().contains("Restored state from " + state), again.output());
    }

    @Test
    void stoppingTheHostSavesTheState() throws Exception {
        Path program = Files.writeString(folder.resolve("show.fl"), "!window\n");
        Path state = folder.resolve("state.txt");
        try (Host host = Host.start(folder, program.toString(), "--offscreen", "--state", state.toString())) {
            long deadline = System.nanoTime() + RUN.toNanos();
            while (!host.output().contains("Loaded page 0")) {
                assertTrue(host.process.isAlive() && System.nanoTime() < deadline, "the show never started:\n" + host.output());
                Thread.sleep(100);
            }
            Files.deleteIfExists(state); // the periodic save may have written it already
            List<ProcessHandle> jvm = host.process.descendants().collect(Collectors.toList());
            host.close(); // SIGTERM to the JVM, as Ctrl-C would; the launcher may end first
            for (ProcessHandle process : jvm) {
                process.onExit().get(RUN.toSeconds(), TimeUnit.SECONDS);
            }
            assertTrue(Files.isRegularFile(state), "state saved at exit; output:\n" + host.output());
        }
    }

    @Test
    void theExampleRunsForAboutASecond() throws Exception {
        Host.Result show = Host.run(folder, RUN, Host.ROOT.resolve("examples/hello.fl").toString(), "--offscreen",
            "--runtime", "1", "-D", "name=Ada");
        assertEquals(0, show.status(), show.output());
        assertTrue(show.output().contains("Loaded page 0"), show.output());
    }

    @Test
    void aMissingProgramIsRefused() throws Exception {
        Host.Result show = Host.run(folder, RUN, folder.resolve("nowhere.fl").toString(), "--runtime", "1");
        assertEquals(1, show.status(), show.output());
        assertTrue(show.output().contains("no such program file: " + folder.resolve("nowhere.fl")), show.output());
    }

    @Test
    void badOptionsAreRefusedByName() throws Exception {
        Path program = Files.writeString(folder.resolve("show.fl"), "!window\n");
        Host.Result unknown = Host.run(folder, RUN, program.toString(), "--fast");
        assertEquals(2, unknown.status(), unknown.output());
        assertTrue(unknown.output().contains("unknown option '--fast'"), unknown.output());

        Host.Result badValue = Host.run(folder, RUN, program.toString(), "--fps", "lots");
        assertEquals(2, badValue.status(), badValue.output());
        assertTrue(badValue.output().contains("--fps must be a positive number, not 'lots'"), badValue.output());

        Host.Result noValue = Host.run(folder, RUN, program.toString(), "--runtime");
        assertEquals(2, noValue.status(), noValue.output());
        assertTrue(noValue.output().contains("--runtime needs a value"), noValue.output());
    }
}
