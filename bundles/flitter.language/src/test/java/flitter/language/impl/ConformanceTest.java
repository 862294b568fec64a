package flitter.language.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import flitter.language.Defines;
import flitter.language.ParseError;
import flitter.language.Program;
import flitter.language.Result;
import flitter.model.State;
import flitter.model.Vector;

/**
 * The conformance suite: every program under {@code src/test/resources/conformance} must give exactly
 * the tree the original Flitter gives ({@code NAME.out}), or fail to parse where the original does
 * ({@code NAME.error}: the line and column). The expected files were produced by running the original
 * implementation (see the suite's README.md); they are never edited by hand. A case with a
 * {@code NAME.pending} file is skipped, and the file says why (shown in the test report).
 */
class ConformanceTest {
    private static final Path SUITE = Paths.get("src/test/resources/conformance");

    @TestFactory
    Stream<DynamicTest> everyCaseGivesTheOriginalsTree() throws IOException {
        List<Path> cases;
        try (Stream<Path> files = Files.walk(SUITE)) {
            cases = files.filter(p -> p.getFileName().toString().endsWith(".fl"))
                .filter(p -> !p.getFileName().toString().startsWith("_"))
                .filter(p -> Files.exists(sibling(p, ".out")) || Files.exists(sibling(p, ".error")))
                .sorted()
                .collect(Collectors.toList());
        }
        return cases.stream().map(c -> DynamicTest.dynamicTest(SUITE.relativize(c).toString(), () -> {
            try {
                check(c);
            } catch (AssertionError e) {
                throw new AssertionError(SUITE.relativize(c) + ": " + e.getMessage(), e);
            }
        }));
    }

    private static void check(Path program) throws IOException {
        Path pending = sibling(program, ".pending");
        Assumptions.assumeFalse(Files.exists(pending),
            () -> "pending: " + read(pending));
        Path error = sibling(program, ".error");
        Program compiled;
        try {
            compiled = new FlitterCompiler().compile(program);
        } catch (ParseError e) {
            if (!Files.exists(error)) {
                fail("does not parse: " + e.report());
            }
            String expected = Files.readString(error).strip();
            if (!expected.equals("EOF")) {
                assertEquals(expected, e.line() + ":" + e.column(), e.report());
            }
            return;
        }
        if (Files.exists(error)) {
            fail("parses, but the original reports a parse error at " + Files.readString(error).strip());
        }
        Map<String, Vector> names = EvalCommand.frameNames(0);
        Path args = sibling(program, ".args");
        if (Files.exists(args)) {
            for (String line : Files.readAllLines(args, StandardCharsets.UTF_8)) {
                if (line.startsWith("-D")) {
                    Map.Entry<String, Vector> definition = Defines.parse(line.substring(2).strip());
                    names.put(definition.getKey(), definition.getValue());
                }
            }
        }
        Result result = compiled.run(names, new State());
        String expected = Files.readString(sibling(program, ".out"), StandardCharsets.UTF_8);
        assertEquals(expected, result.text(), () -> "errors: " + result.errors());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static Path sibling(Path program, String extension) {
        String name = program.getFileName().toString();
        return program.resolveSibling(name.substring(0, name.length() - 3) + extension);
    }
}
