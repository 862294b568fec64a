package flitter.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.service.ServiceExtension;

import flitter.language.Compiler;
import flitter.language.ParseError;
import flitter.language.Result;
import flitter.model.State;
import flitter.model.Vector;

/** The language is a service of the host: programs compile and run inside the framework. */
@ExtendWith(ServiceExtension.class)
class LanguageTest {
    @InjectService(timeout = 10_000)
    Compiler compiler;

    @Test
    void aProgramBuildsItsTreeWithBuiltinsStateAndNames() throws Exception {
        State state = new State();
        state.set(Vector.symbol("radius"), Vector.of(100));
        Result result = compiler.compile(String.join("\n",
            "let n=3",
            "!window size=1280;720",
            "    for i in ..n",
            "        !ellipse radius=$:radius*(i+1) color=hsv(i/n;1;1) at=beat"), null)
            .run(Map.of("beat", Vector.of(2.5)), state);
        assertEquals(String.join("\n",
            "!window size=1280;720",
            " !ellipse radius=100 color=1;0;0 at=2.5",
            " !ellipse radius=200 color=0;1;0 at=2.5",
            " !ellipse radius=300 color=0;0;1 at=2.5", ""), result.text());
        assertTrue(result.errors().isEmpty(), result.errors().toString());
    }

    @Test
    void runtimeErrorsAreReportedAndTheRestOfTheTreeIsBuilt() throws Exception {
        Result result = compiler.compile("!a x=nothing(1)\n!b y=2\n", null).run(Map.of(), new State());
        assertEquals("!a\n!b y=2\n", result.text());
        assertEquals(1, result.errors().size(), result.errors().toString());
        assertTrue(result.errors().iterator().next().contains("nothing"), result.errors().toString());
    }

    @Test
    void parseErrorsSayWhere() {
        ParseError error = assertThrows(ParseError.class, () -> compiler.compile("!a x=(1;2\n!b\n", null));
        assertEquals(2, error.line());
        assertTrue(error.report().contains("^"), error.report());
    }
}
