package flitter.language.builtins;

import static flitter.language.builtins.RecordingContext.INF;
import static flitter.language.builtins.RecordingContext.NAN;
import static flitter.language.builtins.RecordingContext.NULL;
import static flitter.language.builtins.RecordingContext.node;
import static flitter.language.builtins.RecordingContext.s;
import static flitter.language.builtins.RecordingContext.v;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;


import org.junit.jupiter.api.Test;

import flitter.model.Vector;

/**
 * The vector functions against the original: every expected text is what the reference
 * implementation printed for the same call (its error messages name the Python functions
 * {@code lenv}, {@code minv}, {@code maxv}, {@code mapv}, {@code zipv}; here the Flitter names).
 */
class VectorLibraryTest {
    private final RecordingContext context = new RecordingContext();

    private static Vector range(double[] values) {
        return Vector.of(values);
    }

    @Test
    void len() {
        assertEquals("3", context.repr("len", v(1, 2, 3)));
        assertEquals("0", context.repr("len", NULL));
        assertEquals("1", context.repr("len", s("abc")));
        assertEquals("2", context.repr("len", v("a", 1)));
        assertEquals("2", context.callNamed("len", new Vector[0], "xs", v(1, 2)).repr());
        context.assertNoErrors();
        assertEquals("null", context.repr("len", v(1), v(2)));
        context.assertErrors("Error calling lenv: lenv() takes exactly 1 positional argument (2 given)");
        assertEquals("null", context.repr("len"));
        context.assertErrors("Error calling lenv: lenv() takes exactly 1 positional argument (0 given)");
    }

    @Test
    void sort() {
        assertEquals("1;2;3", context.repr("sort", v(3, 1, 2)));
        assertEquals("null", context.repr("sort", NULL));
        assertEquals("'C';'a';'b'", context.repr("sort", v("b", "a", "C")));
        assertEquals("1;nan;-1;0", context.repr("sort", v(1, NAN, 0, -1)));
        assertEquals("nan;1;2;3;nan", context.repr("sort", v(NAN, 3, 1, NAN, 2)));
        assertEquals(":foo;1", context.repr("sort", v(Vector.symbol("foo"), 1)));
        assertEquals("1;3", context.callNamed("sort", new Vector[0], "xs", v(3, 1)).repr());
        context.assertNoErrors();
        assertEquals("null", context.repr("sort"));
        context.assertErrors("Error calling sort: sort() takes exactly 1 positional argument (0 given)");
    }

    @Test
    void sortReportsUnorderableElementsAsTheOriginal() {
        assertEquals("null", context.repr("sort", v(1, "a")));
        context.assertErrors("Error calling sort: '<' not supported between instances of 'str' and 'float'");
        assertEquals("null", context.repr("sort", v("a", 1)));
        context.assertErrors("Error calling sort: '<' not supported between instances of 'float' and 'str'");
        assertEquals("null", context.repr("sort", v("b", 2, "a")));
        context.assertErrors("Error calling sort: '<' not supported between instances of 'float' and 'str'");
        assertEquals("null", context.repr("sort", v(2, 1, "a")));
        context.assertErrors("Error calling sort: '<' not supported between instances of 'str' and 'float'");
        assertEquals("null", context.repr("sort", v(node("foo"), 1)));
        context.assertErrors("Error calling sort: '<' not supported between instances of 'float' and 'flitter.model.Node'");
        assertEquals("null", context.repr("sort", v(node("foo"), node("bar"))));
        context.assertErrors("Error calling sort: '<' not supported between instances of 'flitter.model.Node' and "
            + "'flitter.model.Node'");
        assertEquals("null", context.repr("sort", v(RecordingContext.builtin("len"), 1)));
        context.assertErrors("Error calling sort: '<' not supported between instances of 'float' and "
            + "'_cython_3_2_9.cython_function_or_method'");
    }

    /** sort(((i*37)%101 for i in 0..100)) and the same with NaNs, which Python's sort leaves where it finds them. */
    @Test
    void longSortsMatchPythonsListSort() {
        double[] a = new double[100];
        double[] b = new double[100];
        double[] c = new double[200];
        for (int i = 0; i < 100; i++) {
            a[i] = (i * 37) % 101;
            b[i] = i % 7 == 0 ? NAN : (i * 37) % 101;
        }
        for (int i = 0; i < 200; i++) {
            c[i] = i % 11 == 3 ? NAN : (i * 53) % 97;
        }
        assertEquals("0;1;2;3;4;5;6;7;8;9;10;11;12;13;14;15;16;17;18;19;20;21;22;23;24;25;26;27;28;29;30;31;32;33;"
            + "34;35;36;37;38;39;40;41;42;43;44;45;46;47;48;49;50;51;52;53;54;55;56;57;58;59;60;61;62;63;65;66;67;68;"
            + "69;70;71;72;73;74;75;76;77;78;79;80;81;82;83;84;85;86;87;88;89;90;91;92;93;94;95;96;97;98;99;100",
            context.repr("sort", range(a)));
        assertEquals("nan;2;3;6;9;10;12;16;19;20;22;23;29;30;33;36;37;40;43;46;47;49;50;53;56;59;73;74;84;nan;60;63;"
            + "66;67;76;77;86;87;90;94;nan;97;nan;80;nan;93;100;nan;nan;nan;1;4;5;7;11;14;15;17;18;24;25;27;28;31;32;"
            + "35;38;41;42;44;45;48;51;54;55;58;61;69;79;nan;62;68;71;72;75;81;82;85;89;92;99;nan;nan;nan;88;95;nan;"
            + "98;nan;nan", context.repr("sort", range(b)));
        assertEquals("0;1;2;3;4;9;10;11;12;13;18;19;20;21;22;27;28;29;30;36;37;38;39;45;47;53;nan;46;48;54;55;56;57;"
            + "71;72;74;75;80;81;82;83;89;nan;90;nan;73;91;nan;92;nan;0;5;6;7;8;9;14;15;16;17;23;24;25;26;31;32;33;"
            + "34;35;40;41;42;43;44;49;50;52;53;58;59;61;76;77;78;79;84;93;nan;85;94;nan;51;60;86;87;95;nan;88;96;"
            + "nan;0;1;2;3;4;5;6;7;8;9;10;11;12;13;14;15;16;17;18;18;19;20;21;22;23;24;25;26;27;28;29;30;31;32;33;"
            + "34;35;36;37;38;39;40;41;42;43;44;45;46;48;49;50;51;53;58;59;60;62;nan;47;54;55;56;57;63;64;65;66;67;"
            + "68;69;80;81;85;89;nan;90;nan;82;83;91;nan;92;nan;84;93;nan;61;70;71;86;87;88;94;nan;95;nan;52;96;nan;62",
            context.repr("sort", range(c)));
    }

    /** sort(((i*37)%101 for i in 0..70);"b";"a") and sort("z";((i*37)%101 for i in 0..70)). */
    @Test
    void longMixedSortsReportTheOriginalsPair() {
        Object[] tail = new Object[72];
        Object[] head = new Object[71];
        head[0] = "z";
        for (int i = 0; i < 70; i++) {
            tail[i] = (double) ((i * 37) % 101);
            head[i + 1] = (double) ((i * 37) % 101);
        }
        tail[70] = "b";
        tail[71] = "a";
        assertEquals("null", context.repr("sort", v(tail)));
        context.assertErrors("Error calling sort: '<' not supported between instances of 'str' and 'float'");
        assertEquals("null", context.repr("sort", v(head)));
        context.assertErrors("Error calling sort: '<' not supported between instances of 'float' and 'str'");
    }

    @Test
    void snap() {
        assertEquals("0.223606798;0.5;0.776393202;0;1", context.repr("snap", v(0.1, 0.5, 0.9, -1, 2)));
        assertEquals("null", context.repr("snap", s("a")));
        assertEquals("null", context.repr("snap", NULL));
        context.assertNoErrors();
        assertEquals("null", context.repr("snap", v(1), v(2)));
        context.assertErrors("Error calling snap: snap() takes exactly 1 positional argument (2 given)");
    }

    @Test
    void min() {
        assertEquals("1", context.repr("min", v(3, 1, 2)));
        assertEquals("null", context.repr("min", NULL));
        assertEquals("'a'", context.repr("min", v("b", "a")));
        assertEquals("nan", context.repr("min", v(NAN, 1)));
        assertEquals("0", context.repr("min", v(1, NAN, 0)));
        assertEquals("2", context.repr("min", v(3, 1), v(2)));
        assertEquals("1", context.repr("min", v(1, 2), v(1)));
        assertEquals("0;5", context.repr("min", v(1, 2), v(1, 3), v(0, 5)));
        assertEquals("null", context.repr("min", s("a"), v(1)));
        assertEquals("null", context.repr("min", NULL, v(1)));
        assertEquals("null", context.repr("min", v(1), NULL));
        assertEquals("nan", context.repr("min", v(NAN), v(1)));
        assertEquals("1", context.repr("min", v(NAN, 1).item(1), v(NAN)));
        assertEquals("null", context.repr("min", node("foo"), node("bar")));
        assertEquals("(!foo);1", context.repr("min", v(node("foo"), 1), v(node("foo"), 2)));
        assertEquals("3", context.callNamed("min", new Vector[0], "xs", v(3)).repr());
        context.assertNoErrors();
        assertEquals("null", context.repr("min", v(1, "a")));
        context.assertErrors("Error calling minv: '<' not supported between instances of 'str' and 'float'");
        assertEquals("null", context.repr("min", v(node("foo"), 1)));
        context.assertErrors("Error calling minv: '<' not supported between instances of 'float' and 'flitter.model.Node'");
        assertEquals("null", context.repr("min", v(1, RecordingContext.builtin("len"))));
        context.assertErrors("Error calling minv: '<' not supported between instances of "
            + "'_cython_3_2_9.cython_function_or_method' and 'float'");
        assertEquals("null", context.repr("min"));
        context.assertErrors("Error calling minv: minv() takes at least 1 positional argument (0 given)");
        assertEquals("null", context.callNamed("min", new Vector[] {v(1)}, "foo", v(2)).repr());
        context.assertErrors("Error calling minv: minv() got an unexpected keyword argument 'foo'");
        assertEquals("null", context.callNamed("min", new Vector[] {v(1), v(2)}, "xs", v(3)).repr());
        context.assertErrors("Error calling minv: minv() got multiple values for keyword argument 'xs'");
    }

    @Test
    void max() {
        assertEquals("3", context.repr("max", v(3, 1, 2)));
        assertEquals("null", context.repr("max", NULL));
        assertEquals("'b'", context.repr("max", v("b", "a")));
        assertEquals("4", context.repr("max", v(3), v(1, 2), v(4)));
        assertEquals("1", context.repr("max", v(NAN), v(1)));
        assertEquals("nan", context.repr("max", v(1), v(NAN)));
        assertEquals("1", context.repr("max", NULL, v(1)));
        context.assertNoErrors();
        assertEquals("null", context.repr("max"));
        context.assertErrors("Error calling maxv: maxv() takes at least 1 positional argument (0 given)");
    }

    @Test
    void maxindex() {
        assertEquals("1", context.repr("maxindex", v(3, 5, 2)));
        assertEquals("null", context.repr("maxindex", NULL));
        assertEquals("1", context.repr("maxindex", v(3), v(5), v(2)));
        assertEquals("1", context.repr("maxindex", v("a", "c", "b")));
        assertEquals("0", context.repr("maxindex", v(1), NULL));
        context.assertNoErrors();
        assertEquals("null", context.repr("maxindex"));
        context.assertErrors("Error calling maxindex: maxindex() takes at least 1 positional argument (0 given)");
    }

    @Test
    void minindex() {
        assertEquals("1", context.repr("minindex", v(3, 1, 2, 1)));
        assertEquals("null", context.repr("minindex", NULL));
        assertEquals("1", context.repr("minindex", v(3), v(1), v(2)));
        assertEquals("null", context.repr("minindex", v(3), s("a"), v(2)));
        assertEquals("0", context.repr("minindex", NULL, v(1)));
        assertEquals("1", context.repr("minindex", v(1, 2, 3), v(1, 2)));
        assertEquals("1", context.callNamed("minindex", new Vector[0], "xs", v(1, 0)).repr());
        context.assertNoErrors();
    }

    @Test
    void hypot() {
        assertEquals("5", context.repr("hypot", v(3, 4)));
        assertEquals("5", context.repr("hypot", v(3), v(4)));
        assertEquals("5;6.40312424", context.repr("hypot", v(3, 5), v(4)));
        assertEquals("5;13;3.16227766", context.repr("hypot", v(3, 5), v(4, 12, 1)));
        assertEquals("null", context.repr("hypot", NULL));
        assertEquals("null", context.repr("hypot"));
        assertEquals("null", context.repr("hypot", s("a")));
        assertEquals("null", context.repr("hypot", v(3), s("a")));
        assertEquals("null", context.repr("hypot", v(3), NULL));
        context.assertNoErrors();
        assertEquals("null", context.callNamed("hypot", new Vector[0], "x", v(1)).repr());
        context.assertErrors("Error calling hypot: hypot() got an unexpected keyword argument 'x'");
    }

    @Test
    void cross() {
        assertEquals("0;0;1", context.repr("cross", v(1, 0, 0), v(0, 1, 0)));
        assertEquals("null", context.repr("cross", v(1, 2), v(3, 4)));
        assertEquals("null", context.repr("cross", v(1, 2, 3), v("a", 1, 2)));
        context.assertNoErrors();
        assertEquals("null", context.repr("cross", v(1, 0, 0)));
        context.assertErrors("Error calling cross: cross() takes exactly 2 positional arguments (1 given)");
    }

    @Test
    void dot() {
        assertEquals("32", context.repr("dot", v(1, 2, 3), v(4, 5, 6)));
        assertEquals("9", context.repr("dot", v(1, 2), v(3)));
        assertEquals("16", context.repr("dot", v(1, 2), v(3, 4, 5)));
        assertEquals("null", context.repr("dot", NULL, v(1)));
        assertEquals("null", context.repr("dot", s("a"), v(1)));
        context.assertNoErrors();
        assertEquals("null", context.repr("dot", v(1)));
        context.assertErrors("Error calling dot: dot() takes exactly 2 positional arguments (1 given)");
    }

    @Test
    void normalize() {
        assertEquals("0.6;0.8", context.repr("normalize", v(3, 4)));
        assertEquals("null", context.repr("normalize", v(0, 0)));
        assertEquals("null", context.repr("normalize", NULL));
        assertEquals("null", context.repr("normalize", s("a")));
        assertEquals("1", context.repr("normalize", v(5)));
        context.assertNoErrors();
        assertEquals("null", context.repr("normalize"));
        context.assertErrors("Error calling normalize: normalize() takes exactly 1 positional argument (0 given)");
    }

    @Test
    void map() {
        assertEquals("5", context.repr("map", v(0.5), v(0), v(10)));
        assertEquals("10;15;20", context.repr("map", v(0, 0.5, 1), v(10), v(20)));
        assertEquals("25;257.5", context.repr("map", v(0.25), v(0, 10), v(100, 1000)));
        assertEquals("null", context.repr("map", s("a"), v(1), v(2)));
        assertEquals("null", context.repr("map", v(0.5), NULL, v(1)));
        assertEquals("1.5", context.callNamed("map", new Vector[] {v(0.5)}, "ys", v(1), "zs", v(2)).repr());
        context.assertNoErrors();
        assertEquals("null", context.repr("map", v(0.5), v(1)));
        context.assertErrors("Error calling mapv: mapv() takes exactly 3 positional arguments (2 given)");
        assertEquals("null", context.repr("map", v(0.5), v(1), v(2), v(3)));
        context.assertErrors("Error calling mapv: mapv() takes exactly 3 positional arguments (4 given)");
        assertEquals("null", context.callNamed("map", new Vector[] {v(0.5)}, "zs", v(1)).repr());
        context.assertErrors("Error calling mapv: mapv() takes exactly 3 positional arguments (1 given)");
        assertEquals("null", context.callNamed("map", new Vector[] {v(0.5), v(1), v(2)}, "foo", v(3)).repr());
        context.assertErrors("Error calling mapv: mapv() got an unexpected keyword argument 'foo'");
        assertEquals("null", context.callNamed("map", new Vector[] {v(0.5)}, "foo", v(3)).repr());
        context.assertErrors("Error calling mapv: mapv() got an unexpected keyword argument 'foo'");
        assertEquals("null", context.callNamed("map", new Vector[] {v(0.5)}, "xs", v(1), "zs", v(2)).repr());
        context.assertErrors("Error calling mapv: mapv() got multiple values for keyword argument 'xs'");
        assertEquals("null", context.callNamed("map", new Vector[] {v(0.5), v(1), v(2), v(3)}, "foo", v(1)).repr());
        context.assertErrors("Error calling mapv: mapv() takes exactly 3 positional arguments (4 given)");
    }

    @Test
    void clamp() {
        assertEquals("1", context.repr("clamp", v(5), v(0), v(1)));
        assertEquals("0;0.5;1", context.repr("clamp", v(-1, 0.5, 2), v(0), v(1)));
        assertEquals("0.5;1;2", context.repr("clamp", v(0.5), v(0, 1, 2), v(3)));
        assertEquals("null", context.repr("clamp", NULL, v(0), v(1)));
        assertEquals("null", context.repr("clamp", v(1), s("a"), v(2)));
        assertEquals("0", context.repr("clamp", v(NAN), v(0), v(1)));
        assertEquals("0", context.repr("clamp", v(5), v(1), v(0)));
        assertEquals("nan", context.repr("clamp", v(0.5), v(NAN), v(1)));
        assertEquals("0.5", context.repr("clamp", v(0.5), v(0), v(NAN)));
        context.assertNoErrors();
        assertEquals("null", context.repr("clamp", v(1), v(2)));
        context.assertErrors("Error calling clamp: clamp() takes exactly 3 positional arguments (2 given)");
    }

    @Test
    void zip() {
        assertEquals("1;3;2;4", context.repr("zip", v(1, 2), v(3, 4)));
        assertEquals("1;10;2;10;3;10", context.repr("zip", v(1, 2, 3), v(10)));
        assertEquals("1;'a';2;'b';1;'c'", context.repr("zip", v(1, 2), v("a", "b", "c")));
        assertEquals("1;2", context.repr("zip", NULL, v(1, 2)));
        Vector single = v(1, 2);
        assertSame(single, context.call("zip", single));
        assertEquals("null", context.repr("zip"));
        assertEquals("1;2;4;1;3;4", context.repr("zip", v(1), NULL, v(2, 3), v(4)));
        assertEquals("1;3;2;4;1;5", context.repr("zip", v(1, 2), v(3, 4, 5)));
        context.assertNoErrors();
        assertEquals("null", context.callNamed("zip", new Vector[0], "a", v(1)).repr());
        context.assertErrors("Error calling zipv: zipv() got an unexpected keyword argument 'a'");
    }

    @Test
    void count() {
        assertEquals("2;1", context.repr("count", v(1, 2), v(1, 1, 2, 3)));
        assertEquals("0", context.repr("count", v(1), NULL));
        assertEquals("null", context.repr("count", NULL, v(1)));
        assertEquals("1;2", context.repr("count", v("a", 1), v("a", "b", 1, 1)));
        assertEquals("1;0", context.repr("count", v(1, NAN), v(1, NAN)));
        assertEquals("0", context.repr("count", s("a"), v(1, 2)));
        assertEquals("1;0", context.repr("count", v(1, 2), v("x", 1)));
        assertEquals("0;2", context.callNamed("count", new Vector[0], "xs", v(1, 2), "ys", v(2, 2)).repr());
        assertEquals("2;0", context.repr("count", v(INF, -INF), v(INF, 1, INF)));
        context.assertNoErrors();
        assertEquals("null", context.repr("count", v(node("foo"), 1), v(node("foo"), node("bar"), node("foo"))));
        context.assertErrors("Error calling count: Argument 'other' has incorrect type (expected flitter.model.Node, got float)");
        assertEquals("null", context.repr("count", v(1)));
        context.assertErrors("Error calling count: count() takes exactly 2 positional arguments (1 given)");
    }
}
