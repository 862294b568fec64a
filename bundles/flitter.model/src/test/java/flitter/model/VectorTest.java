package flitter.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VectorTest {
    private static Vector v(Object... elements) {
        return Vector.ofObjects(elements);
    }

    @Test
    void hashesAreTheOriginals() {
        assertEquals(0xe220a8397b1dcdafL, Vector.NULL.hash(false));
        assertEquals(-6411193824288604561L, Vector.of(0).hash(false));
        assertEquals(-7435092146473341298L, Vector.of(0.1).hash(false));
        assertEquals(258181728628715636L, Vector.TRUE.hash(false));
        assertEquals(2211555187250521325L, Vector.of("Hello world!").hash(false));
        assertEquals(-463109597642348796L, v("Hello ", "world!").hash(false));
        Node node = Node.of("foo").withTag("bar").withAttribute("test", Vector.of(5));
        assertEquals(9166098286934782834L, Vector.of(node).hash(false));
    }

    @Test
    void flooredHashesIgnoreFractions() {
        assertEquals(Vector.of(0).hash(true), Vector.of(0.1).hash(true));
        assertEquals(v("foo", 1.0).hash(true), v("foo", 1.1).hash(true));
        assertNotEquals(v("foo", 1.0).hash(false), v("foo", 1.1).hash(false));
    }

    @Test
    void symbolsAreHugeNegativeNumbers() {
        Vector foo = Vector.symbol("foo");
        assertEquals(Double.parseDouble("-0x1.dcb27518fed9dp+1023"), foo.asDouble());
        assertEquals(foo, Vector.symbol("foo"));
        assertNotEquals(foo, Vector.symbol("bar"));
        assertEquals("foo", foo.asString());
        assertEquals(":foo", foo.repr());
        assertEquals("foo", foo.asSymbol());
    }

    @Test
    void textForms() {
        assertEquals("null", Vector.NULL.repr());
        assertEquals("1", Vector.TRUE.repr());
        assertEquals("0", Vector.FALSE.repr());
        assertEquals("0.333333333", Vector.of(1.0 / 3).repr());
        assertEquals("1;2;3", Vector.of(1, 2, 3).repr());
        assertEquals("1;2.5;3", Vector.of(1, 2.5, 3).repr());
        assertEquals("'Hello world!'", Vector.of("Hello world!").repr());
        assertEquals("''", Vector.of("").repr());
        assertEquals("99;'red';'balloons'", v(99, "red", "balloons").repr());
        assertEquals("1e+10", Vector.of(1e10).repr());
        assertEquals("1e-05", Vector.of(1e-5).repr());
        assertEquals("0.0001", Vector.of(1e-4).repr());
        assertEquals("123456789", Vector.of(123456789).repr());
        assertEquals("1.23456789e+09", Vector.of(1234567890).repr());
        assertEquals("1e+09", Vector.of(999999999.7).repr());
        assertEquals("-2.5", Vector.of(-2.5).repr());
        assertEquals("inf;-inf;nan", Vector.of(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN).repr());
        assertEquals("0", Vector.of(-0.0).repr());
        assertEquals("\"it's\"", Vector.of("it's").repr());
        assertEquals("'a\\nb\\\\'", Vector.of("a\nb\\").repr());
        assertEquals("(!foo #bar x=5)", Vector.of(Node.of("foo").withTag("bar").withAttribute("x", Vector.of(5))).repr());
    }

    @Test
    void stringConversion() {
        assertEquals("Hello world!", v("Hello ", "world!").asString());
        assertEquals("Number 1", v("Number ", 1).asString());
        assertEquals("0.5foo", v(0.5, Vector.symbol("foo")).asString());
        assertEquals("window", Vector.of(Node.of("window")).asString());
        assertEquals("", Vector.NULL.asString());
    }

    @Test
    void arithmeticCyclesTheShorterOperand() {
        assertEquals(Vector.of(2, 4, 6, 8), Vector.of(1, 2, 3, 4).mul(Vector.of(2)));
        assertEquals(Vector.of(2, 1, 4, 3), Vector.of(1, 2, 3, 4).add(Vector.of(1, -1)));
        assertEquals(Vector.of(3, 4, 5), Vector.of(2).add(Vector.of(1, 2, 3)));
    }

    @Test
    void arithmeticOnNullOrNonNumbersIsNull() {
        assertSame(Vector.NULL, Vector.NULL.add(Vector.of(1)));
        assertSame(Vector.NULL, Vector.of("a").add(Vector.of(1)));
        assertSame(Vector.NULL, v("a", 1).neg());
        assertSame(Vector.NULL, Vector.of("a").pos());
        assertEquals(Vector.of(3), Vector.of(3).pos());
    }

    @Test
    void floorDivisionAndModuloFollowPython() {
        Vector xs = Vector.range(Vector.of(-10), Vector.of(10), Vector.NULL);
        Vector five = Vector.of(5);
        assertEquals("-2;-2;-2;-2;-2;-1;-1;-1;-1;-1;0;0;0;0;0;1;1;1;1;1", xs.floordiv(five).repr());
        assertEquals("0;1;2;3;4;0;1;2;3;4;0;1;2;3;4;0;1;2;3;4", xs.mod(five).repr());
        assertEquals("-1", Vector.of(1).mod(Vector.of(-2)).repr());
    }

    @Test
    void ranges() {
        assertEquals("0;1;2;3;4;5;6;7;8;9", Vector.range(Vector.NULL, Vector.of(10), Vector.NULL).repr());
        assertEquals("1;6;11;16", Vector.range(Vector.of(1), Vector.of(21), Vector.of(5)).repr());
        assertEquals("1;0.9;0.8;0.7;0.6;0.5;0.4;0.3;0.2;0.1",
            Vector.range(Vector.of(1), Vector.of(0), Vector.of(-0.1)).repr());
        assertSame(Vector.NULL, Vector.range(Vector.NULL, Vector.of(10), Vector.of(0)));
        assertSame(Vector.NULL, Vector.range(Vector.NULL, Vector.of(-1), Vector.NULL));
        assertSame(Vector.NULL, Vector.range(Vector.NULL, Vector.of("a"), Vector.NULL));
    }

    @Test
    void indexingWrapsAndFloors() {
        Vector xs = Vector.of(10, 20, 30);
        assertEquals(Vector.of(30), xs.slice(Vector.of(-1)));
        assertEquals(Vector.of(20, 30, 10), xs.slice(Vector.of(1.7, 5, 3)));
        assertEquals(Vector.of(5, 5, 5), Vector.of(5).slice(Vector.range(Vector.NULL, Vector.of(3), Vector.NULL)));
        assertSame(Vector.NULL, xs.slice(Vector.of("a")));
        assertEquals(Vector.of("Hello "), v("Hello ", "world!").slice(Vector.of(0)));
        assertTrue(v("a", 1).slice(Vector.of(1)).isNumeric(), "numbers picked out of a mixed vector are numeric");
    }

    @Test
    void truth() {
        assertFalse(Vector.NULL.asBool());
        assertFalse(Vector.of(0, 0, 0).asBool());
        assertFalse(Vector.of("").asBool());
        assertFalse(v("", 0).asBool());
        assertTrue(Vector.of(0, 1).asBool());
        assertTrue(Vector.of("x").asBool());
        assertTrue(Vector.of(Node.of("a")).asBool());
    }

    @Test
    void comparison() {
        assertEquals(-1, Vector.of(1, 2).compare(Vector.of(1, 3)));
        assertEquals(-1, Vector.of(1, 2).compare(Vector.of(1, 2, 0)));
        assertEquals(1, Vector.of("b").compare(Vector.of("a")));
        assertEquals(Integer.MIN_VALUE, Vector.of("a").compare(Vector.of(1)));
        assertEquals(-1, Vector.NULL.compare(Vector.of("a")));
        assertEquals(0, Vector.NULL.compare(Vector.NULL));
    }

    @Test
    void containment() {
        assertTrue(Vector.of(1, 2, 3).contains(Vector.of(2, 3)));
        assertFalse(Vector.of(1, 2, 3).contains(Vector.of(3, 2)));
        assertTrue(Vector.of(1).contains(Vector.NULL));
        assertTrue(v("a", "b").contains(Vector.of("b")));
        assertFalse(Vector.of(1).contains(Vector.of("1")));
    }

    @Test
    void composition() {
        assertEquals(Vector.of(1, 2, 3), Vector.compose(Vector.of(1), Vector.NULL, Vector.of(2, 3)));
        assertEquals("1;'a'", Vector.compose(Vector.of(1), Vector.of("a")).repr());
        assertSame(Vector.NULL, Vector.compose());
    }
}
