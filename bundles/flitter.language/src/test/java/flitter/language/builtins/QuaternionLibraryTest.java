package flitter.language.builtins;

import static flitter.language.builtins.RecordingContext.NULL;
import static flitter.language.builtins.RecordingContext.s;
import static flitter.language.builtins.RecordingContext.v;
import static org.junit.jupiter.api.Assertions.assertEquals;


import org.junit.jupiter.api.Test;

import flitter.model.Vector;

/** The rotation and matrix functions against the original: every expected text is what it printed. */
class QuaternionLibraryTest {
    private final RecordingContext context = new RecordingContext();

    private Vector q(double x, double y, double z, double turns) {
        return context.call("quaternion", v(x, y, z), v(turns));
    }

    @Test
    void quaternion() {
        assertEquals("0.707106781;0;0;0.707106781", context.repr("quaternion", v(0, 0, 1), v(0.25)));
        assertEquals("0.951056516;0.218508012;0.218508012;0", context.repr("quaternion", v(1, 1, 0), v(0.1)));
        assertEquals("0;0;0;1", context.repr("quaternion", v(0, 0, 1), v(0.5)));
        assertEquals("-1;0;0;0", context.repr("quaternion", v(0, 0, 1), v(1)));
        assertEquals("0.707106781;nan;nan;nan", context.repr("quaternion", v(0, 0, 0), v(0.25)));
        assertEquals("null", context.repr("quaternion", v(0, 1), v(0.25)));
        assertEquals("null", context.repr("quaternion", v(0, 0, 1), NULL));
        assertEquals("null", context.repr("quaternion", v(0, 0, 1), v(0.1, 0.2)));
        assertEquals("0.923879533;0;0;-0.382683432", context.repr("quaternion", v(0, 0, 1), v(-0.125)));
        assertEquals("0;0;0;0", context.repr("quaternion", v(0, 0, 1), v(1e17)));
        assertEquals("0.707106781;0;0;0.707106781",
            context.callNamed("quaternion", new Vector[0], "angle", v(0.25), "axis", v(0, 0, 1)).repr());
        context.assertNoErrors();
        assertEquals("null", context.repr("quaternion", v(1, 0, 0)));
        context.assertErrors("Error calling quaternion: quaternion() takes exactly 2 positional arguments (1 given)");
    }

    @Test
    void qmul() {
        assertEquals("0.5;0.5;0.5;0.5", context.repr("qmul", q(0, 0, 1, 0.25), q(1, 0, 0, 0.25)));
        assertEquals("0;1;0", context.repr("qmul", q(0, 0, 1, 0.25), v(1, 0, 0)));
        assertEquals("-0.666666667;0.666666667;0.333333333", context.repr("qmul", v(1, 2, 3, 4), v(1, 0, 0)));
        assertEquals("nan;nan;nan", context.repr("qmul", v(0, 0, 0, 0), v(1, 0, 0)));
        assertEquals("null", context.repr("qmul", v(1, 0, 0, 0), v(1, 0)));
        assertEquals("null", context.repr("qmul", v(1, 0, 0), v(1, 0, 0)));
        context.assertNoErrors();
        assertEquals("null", context.repr("qmul", v(1, 0, 0, 0)));
        context.assertErrors("Error calling qmul: qmul() takes exactly 2 positional arguments (1 given)");
    }

    @Test
    void qbetween() {
        assertEquals("0.707106781;0;0;0.707106781", context.repr("qbetween", v(1, 0, 0), v(0, 1, 0)));
        assertEquals("0;0;1;0", context.repr("qbetween", v(1, 0, 0), v(-1, 0, 0)));
        assertEquals("0;0;-1;0", context.repr("qbetween", v(0, 0, 1), v(0, 0, -1)));
        assertEquals("0.777398214;0.214763516;0.456372472;-0.375836154",
            context.repr("qbetween", v(1, 2, 3), v(3, -1, 0.5)));
        assertEquals("nan;nan;nan;nan", context.repr("qbetween", v(0, 0, 0), v(1, 0, 0)));
        assertEquals("null", context.repr("qbetween", v(1, 0), v(1, 0, 0)));
        context.assertNoErrors();
        assertEquals("null", context.repr("qbetween"));
        context.assertErrors("Error calling qbetween: qbetween() takes exactly 2 positional arguments (0 given)");
    }

    @Test
    void slerp() {
        assertEquals("0.707106781;0;0;0.707106781", context.repr("slerp", v(0.5), v(1, 0, 0, 0), q(0, 0, 1, 0.5)));
        assertEquals("0.939173895;0.249421363;0.236096121;0",
            context.repr("slerp", v(0.25), q(1, 0, 0, 0.1), q(0, 1, 0, 0.3)));
        assertEquals("1;0;0;0", context.repr("slerp", v(0), v(1, 0, 0, 0), v(1, 0, 0, 0)));
        assertEquals("null", context.repr("slerp", v(0.5), v(1, 0, 0, 0), v(1, 0, 0)));
        assertEquals("null", context.repr("slerp", v(0.5, 0.2), v(1, 0, 0, 0), v(1, 0, 0, 0)));
        assertEquals("-1;1.2246468e-16;0;0", context.repr("slerp", v(2), v(1, 0, 0, 0), v(0, 1, 0, 0)));
        context.assertNoErrors();
        assertEquals("null", context.repr("slerp", v(1), v(2)));
        context.assertErrors("Error calling slerp: slerp() takes exactly 3 positional arguments (2 given)");
    }

    @Test
    void pointTowards() {
        assertEquals("0;-1;0;0;0;0;1;0;-1;0;0;0;0;0;0;1", context.repr("point_towards", v(1, 0, 0), v(0, 0, 1)));
        assertEquals("-1;0;0;0;0;1;0;0;0;0;-1;0;0;0;0;1", context.repr("point_towards", v(0, 0, 1), v(0, 1, 0)));
        assertEquals("-0.948683298;0;0.316227766;0;-0.169030851;0.845154255;-0.507092553;0;-0.267261242;"
            + "-0.534522484;-0.801783726;0;0;0;0;1", context.repr("point_towards", v(1, 2, 3), v(0, 1, 0)));
        assertEquals("-0.707106781;0;0.707106781;0;-0.40824829;0.816496581;-0.40824829;0;-0.577350269;"
            + "-0.577350269;-0.577350269;0;0;0;0;1", context.repr("point_towards", v(1), v(0, 1, 0)));
        assertEquals("null", context.repr("point_towards", v(0, 0, 0), v(0, 1, 0)));
        assertEquals("null", context.repr("point_towards", v(1, 0, 0), v(1, 0, 0)));
        assertEquals("-0.707106781;0;0.707106781;0;0;1;0;0;-0.707106781;0;-0.707106781;0;0;0;0;1",
            context.repr("point_towards", v(1, 0), v(0, 1, 0)));
        assertEquals("null", context.repr("point_towards", NULL, v(0, 1, 0)));
        assertEquals("0;-0.707106781;0.707106781;0;0;0.707106781;0.707106781;0;-1;0;0;0;0;0;0;1",
            context.repr("point_towards", v(1, 0, 0), v(1)));
        assertEquals("null", context.repr("point_towards", v(1, 0, 0), NULL));
        assertEquals("null", context.repr("point_towards", s("x"), v(0, 1, 0)));
        context.assertNoErrors();
        assertEquals("null", context.repr("point_towards", v(1, 0, 0)));
        context.assertErrors("Error calling point_towards: point_towards() takes exactly 2 positional arguments (1 given)");
    }

    @Test
    void inverse() {
        assertEquals("0.5;0;0;0;0.25;0;0;0;0.125", context.repr("inverse", v(2, 0, 0, 0, 4, 0, 0, 0, 8)));
        assertEquals("-24;18;5;20;-15;-4;-5;4;1", context.repr("inverse", v(1, 2, 3, 0, 1, 4, 5, 6, 0)));
        assertEquals("1;0;0;0;0;0.5;0;0;0;0;0.25;0;-1;-1;-0.75;1",
            context.repr("inverse", v(1, 0, 0, 0, 0, 2, 0, 0, 0, 0, 4, 0, 1, 2, 3, 1)));
        assertEquals("-inf;inf;-inf;inf;-inf;inf;-inf;inf;-inf", context.repr("inverse", v(1, 2, 3, 4, 5, 6, 7, 8, 9)));
        assertEquals("null", context.repr("inverse", v(1, 2, 3)));
        assertEquals("null", context.repr("inverse", NULL));
        assertEquals("nan;nan;nan;nan;nan;nan;nan;nan;nan", context.repr("inverse", v(0, 0, 0, 0, 0, 0, 0, 0, 0)));
        assertEquals("0.617977528;-0.224719101;0.0561797753;-0.0112359551;-0.235955056;0.449438202;-0.112359551;"
            + "0.0224719101;0.0898876404;-0.123595506;0.280898876;-0.0561797753;-0.123595506;0.0449438202;"
            + "-0.0112359551;0.202247191",
            context.repr("inverse", v(2, 1, 0, 0, 1, 3, 1, 0, 0, 1, 4, 1, 1, 0, 0, 5)));
        context.assertNoErrors();
        assertEquals("null", context.repr("inverse"));
        context.assertErrors("Error calling inverse: inverse() takes exactly 1 positional argument (0 given)");
    }
}
