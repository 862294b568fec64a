package flitter.itest.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What ./flitter answers before it starts anything. */
class LauncherOptionsTest {
    private static final Duration QUICK = Duration.ofSeconds(30);

    @TempDir
    Path folder;

    @Test
    void helpListsEveryOption() throws Exception {
        Host.Result help = Host.run(folder, QUICK, "--help");
        assertEquals(0, help.status(), help.output());
        for (String option : new String[] {"--shell", "--shell-port", "--load", "--quiet", "--verbose", "--debug",
                "--trace", "--version", "test", "--fps", "--define", "--offscreen", "--lockstep", "--runtime", "--state",
                "--screen", "--fullscreen", "--vsync"}) {
            assertTrue(help.output().contains(option), option + " missing from:\n" + help.output());
        }
    }

    @Test
    void versionIsTheProjectVersion() throws Exception {
        Host.Result version = Host.run(folder, QUICK, "--version");
        assertEquals(0, version.status(), version.output());
        assertEquals("flitter " + System.getProperty("flitter.version"), version.output().strip());
    }

    @Test
    void unknownOptionIsRefusedByName() throws Exception {
        Host.Result refused = Host.run(folder, QUICK, "--frobnicate");
        assertEquals(2, refused.status(), refused.output());
        assertTrue(refused.output().contains("unknown option '--frobnicate'"), refused.output());
    }

    @Test
    void shellPortMustBeAPort() throws Exception {
        for (String bad : new String[] {"0", "70000", "six"}) {
            Host.Result refused = Host.run(folder, QUICK, "--shell-port", bad);
            assertEquals(2, refused.status(), refused.output());
            assertTrue(refused.output().contains("from 1 to 65535, not '" + bad + "'"), refused.output());
        }
    }
}
