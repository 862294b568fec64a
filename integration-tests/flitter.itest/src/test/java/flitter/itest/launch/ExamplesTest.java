package flitter.itest.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
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
            assertFalse(run.output().contains("| WARN  | flitter.render.gl |"), run.output());
            assertTrue(run.output().contains("Loaded page 0: " + example), run.output());
        }));
    }

    @Test
    void aWindowWithoutADisplayRendersOffscreenAndSaysSoOnce() throws Exception {
        Path program = folder.resolve("green.fl");
        Files.writeString(program, String.join("\n",
            "!window size=32;32",
            "    !record filename='green.png'",
            "        !shader fragment=\"${HEADER}\\nout vec4 color;\\nvoid main() { color = vec4(0.0, 1.0, 0.0, 1.0); }\"",
            ""));
        Host.Result run = Host.run(folder, RUN, environment -> {
            environment.remove("DISPLAY");
            environment.remove("WAYLAND_DISPLAY");
        }, program.toString(), "--lockstep", "--runtime", "0.25");
        assertEquals(0, run.status(), run.output());
        String warning = "!window renders offscreen: there is no display";
        assertEquals(1, run.output().split(Pattern.quote(warning), -1).length - 1, run.output());
        BufferedImage image = ImageIO.read(folder.resolve("green.png").toFile());
        assertEquals(0xff00ff00, image.getRGB(16, 16), run.output());
    }
}
