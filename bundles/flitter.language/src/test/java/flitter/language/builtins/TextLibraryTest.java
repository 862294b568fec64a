package flitter.language.builtins;

import static flitter.language.builtins.RecordingContext.INF;
import static flitter.language.builtins.RecordingContext.NAN;
import static flitter.language.builtins.RecordingContext.NULL;
import static flitter.language.builtins.RecordingContext.s;
import static flitter.language.builtins.RecordingContext.v;
import static org.junit.jupiter.api.Assertions.assertEquals;


import org.junit.jupiter.api.Test;

import flitter.model.Vector;

/**
 * The text functions against the original: every expected text is what the reference
 * implementation printed for the same call (its error messages name the Python functions
 * {@code chrv} and {@code ordv}; here the Flitter names).
 */
class TextLibraryTest {
    private final RecordingContext context = new RecordingContext();

    @Test
    void chr() {
        assertEquals("'ABC'", context.repr("chr", v(65, 66, 67)));
        assertEquals("'A'", context.repr("chr", v(65.7)));
        assertEquals("null", context.repr("chr", NULL));
        assertEquals("null", context.repr("chr", s("a")));
        assertEquals("'\u03c0'", context.repr("chr", v(960)));
        assertEquals("'\ud83d\ude00'", context.repr("chr", v(128512)));
        context.assertNoErrors();
        for (double bad : new double[] {-1, 1114112, NAN, 1e10, INF, -1e10, 4294967361.0}) {
            assertEquals("null", context.repr("chr", v(bad)));
            context.assertErrors("Error calling chrv: chr() arg not in range(0x110000)");
        }
        assertEquals("null", context.repr("chr"));
        context.assertErrors("Error calling chrv: chrv() takes exactly 1 positional argument (0 given)");
    }

    @Test
    void ord() {
        assertEquals("65;66;67", context.repr("ord", s("ABC")));
        assertEquals("null", context.repr("ord", s("")));
        assertEquals("54;53", context.repr("ord", v(65)));
        assertEquals("null", context.repr("ord", NULL));
        assertEquals("960;128512", context.repr("ord", s("\u03c0\ud83d\ude00")));
        assertEquals("97;98", context.repr("ord", v("a", "b")));
        assertEquals("102;111;111", context.repr("ord", Vector.symbol("foo")));
        context.assertNoErrors();
        assertEquals("null", context.repr("ord", v(1), v(2)));
        context.assertErrors("Error calling ordv: ordv() takes exactly 1 positional argument (2 given)");
    }

    @Test
    void split() {
        assertEquals("'a';'b';'';'c'", context.repr("split", s("a,b,,c,,"), s(",")));
        assertEquals("'line1';'line2'", context.repr("split", s("line1\nline2\n")));
        assertEquals("null", context.repr("split", s("a b"), NULL));
        assertEquals("null", context.repr("split", NULL));
        assertEquals("'a';'b';'c'", context.repr("split", s("a1b1c"), v(1)));
        assertEquals("'1';'3'", context.repr("split", v(1, 2, 3), v(2)));
        assertEquals("'a';'b'", context.repr("split", s("a::b"), s("::")));
        assertEquals("'';'a'", context.repr("split", s(",a"), s(",")));
        assertEquals("'ab'", context.repr("split", s("ab")));
        assertEquals("'a\\r';'b'", context.repr("split", s("a\r\nb")));
        assertEquals("',,'", context.repr("split", s(",,")));
        assertEquals("'a';'b'",
            context.callNamed("split", new Vector[0], "text", s("a,b"), "separator", s(",")).repr());
        context.assertNoErrors();
        assertEquals("null", context.repr("split", s("")));
        context.assertErrors("Error calling split: list index out of range");
        assertEquals("null", context.repr("split", s("a,b"), s("")));
        context.assertErrors("Error calling split: empty separator");
        assertEquals("null", context.repr("split"));
        context.assertErrors("Error calling split: split() takes at least 1 positional argument (0 given)");
        assertEquals("null", context.repr("split", v(1), v(2), v(3)));
        context.assertErrors("Error calling split: split() takes at most 2 positional arguments (3 given)");
        assertEquals("null", context.callNamed("split", new Vector[0], "separator", s(",")).repr());
        context.assertErrors("Error calling split: split() takes at least 1 positional argument (0 given)");
        assertEquals("null", context.callNamed("split", new Vector[] {s("a")}, "text", s("b")).repr());
        context.assertErrors("Error calling split: split() got multiple values for keyword argument 'text'");
        assertEquals("null", context.callNamed("split", new Vector[] {s("a,b;c"), s(",")}, "separator", s(";"))
            .repr());
        context.assertErrors("Error calling split: split() got multiple values for keyword argument 'separator'");
        assertEquals("null", context.callNamed("split", new Vector[0], "text", s("a,b"), "sep", s(",")).repr());
        context.assertErrors("Error calling split: split() got an unexpected keyword argument 'sep'");
    }

    @Test
    void concat() {
        assertEquals("'ab1'", context.repr("concat", v("a", "b", 1)));
        assertEquals("null", context.repr("concat", NULL));
        assertEquals("''", context.repr("concat", s("")));
        assertEquals("'12'", context.repr("concat", v(1, 2)));
        assertEquals("'foox'", context.repr("concat", v(Vector.symbol("foo"), "x")));
        assertEquals("'0.11e+101.5e-07'", context.repr("concat", v(0.1, 1e10, 1.5e-7)));
        context.assertNoErrors();
        assertEquals("null", context.repr("concat"));
        context.assertErrors("Error calling concat: concat() takes exactly 1 positional argument (0 given)");
    }
}
