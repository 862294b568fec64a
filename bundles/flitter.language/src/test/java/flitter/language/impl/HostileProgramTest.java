package flitter.language.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import flitter.language.ParseError;
import flitter.language.Program;
import flitter.language.Result;
import flitter.model.State;
import flitter.model.Vector;

/**
 * A live show must survive whatever is typed: programs that ask for too much, recurse without end, or
 * are not programs at all give errors, never exceptions, and the rest of the tree is still built.
 */
class HostileProgramTest {
    private final FlitterCompiler compiler = new FlitterCompiler();

    private Result run(String source) throws ParseError {
        return compiler.compile(source, null).run(Map.of(), new State());
    }

    @Test
    void aHugeRangeIsAnErrorNotAnOutOfMemoryHost() throws ParseError {
        Result result = run("!a x=len(..1e12)\n!b\n");
        assertEquals("!a x=0\n!b\n", result.text());
        assertTrue(result.errors().stream().anyMatch(e -> e.contains("too long")), result.errors().toString());
    }

    @Test
    void endlessRecursionStopsWithAnError() throws ParseError {
        Result result = run("func f(x)\n    f(x+1)\n!a x=f(0)\n!b\n");
        assertEquals("!a\n!b\n", result.text());
        assertTrue(result.errors().stream().anyMatch(e -> e.contains("Recursion")), result.errors().toString());
    }

    @Test
    void mutualRecursionThroughManyFunctionsStopsWithAnError() throws ParseError {
        Result result = run("func f(x)\n    g(x) + g(x)\nfunc g(x)\n    f(x)\n!a x=f(0)\n!b\n");
        assertTrue(result.text().endsWith("!b\n"), result.text());
        assertTrue(!result.errors().isEmpty());
    }

    @Test
    void digitsOfOtherScriptsAreAParseErrorNotACrash() {
        for (String source : new String[] {"let x=\u0663\n!a x=x\n", "!a x=.\u0663\n"}) {
            ParseError error = org.junit.jupiter.api.Assertions.assertThrows(ParseError.class,
                () -> compiler.compile(source, null), source);
            assertTrue(error.getMessage() != null && !error.getMessage().isEmpty(), source);
        }
    }

    @Test
    void randomTextEitherParsesAndRunsOrIsAParseError() {
        String[] pieces = {"!a", "!b", "#t", "x", "y", "=", "==", "(", ")", "[", "]", ";", ",", "..", "|", "+", "-",
            "*", "/", "//", "%", "**", "<<", "$", "@", ":s", "1", "0.5", "1e309", "'s'", "\"t\"", "let", "func",
            "for", "in", "if", "else", "elif", "where", "import", "from", "not", "and", "or", "\n", "\n    ", "\n  ",
            "%pragma", "%include", "--c\n", "\\\n", "'''", "len", "sin", "uniform", "..1e12"};
        Random random = new Random(42);
        for (int round = 0; round < 3000; round++) {
            StringBuilder source = new StringBuilder();
            int n = 1 + random.nextInt(25);
            for (int i = 0; i < n; i++) {
                source.append(pieces[random.nextInt(pieces.length)]).append(random.nextBoolean() ? " " : "");
            }
            Program program;
            try {
                program = compiler.compile(source.toString(), null);
            } catch (ParseError e) {
                assertTrue(e.line() >= 1 && e.column() >= 1, e.report());
                continue;
            } catch (RuntimeException e) {
                throw new AssertionError("compiling threw for:\n" + source, e);
            }
            Result result = program.run(Map.of("x", Vector.of(1)), new State());
            if (result.errors().stream().anyMatch(e -> e.startsWith("Internal error"))) {
                fail("internal error " + result.errors() + " for:\n" + source);
            }
        }
    }
}
