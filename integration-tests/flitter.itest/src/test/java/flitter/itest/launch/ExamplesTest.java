package flitter.itest.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** Every example runs headless, as a user on a fresh machine would run it, and says nothing alarming. */
class ExamplesTest {
    private static final Duration RUN = Duration.ofSeconds(90);

    @TempDir
    Path folder;

    @TestFactory
    Stream<DynamicTest> everyExampleRunsHeadless() throws Exception {
        List<Path> examples;
        try (Stream<Path> files = Files.list(Host.ROOT.resolve("examples"))) {
            examples = files.filter(p -> p.toString().endsWith(".fl")).sorted().collect(Collectors.toList());
        }
        assertFalse(examples.isEmpty());
        return examples.stream().map(example -> DynamicTest.dynamicTest(example.getFileName().toString(), () -> {
            Host.Result run = Host.run(folder, RUN, example.toString(), "--offscreen", "--lockstep", "--runtime", "0.25");
            assertEquals(0, run.status(), run.output());
            assertFalse(run.output().contains("| ERROR |"), run.output());
            assertTrue(run.output().contains("Loaded page 0: " + example), run.output());
        }));
    }
}
