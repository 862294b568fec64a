package flitter.language.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * {@link RandomLibm} against the C library the original runs on (GNU libc 2.36, x86-64 with FMA: the
 * expected values are Python's {@code math.sin/cos/log} there). The arguments are ones where
 * {@link StrictMath} and {@link Math} both give a different last bit.
 */
class RandomLibmTest {
    private static void assertBits(double expected, double actual) {
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual),
            () -> "expected " + expected + " got " + actual);
    }

    @Test
    void sine() {
        assertBits(-0.1905143897198568, RandomLibm.sin(-0.19168610676756004));
        assertBits(-0.28911070133748085, RandomLibm.sin(-0.293297737575234));
        assertBits(0.27590737070562654, RandomLibm.sin(0.2795335879725118));
        assertBits(-0.3703770171060061, RandomLibm.sin(-0.379414870750978));
        // Below 0.126: the polynomial branch.
        assertBits(-0.09239650808914057, RandomLibm.sin(-0.09252848232410124));
        assertBits(0.04930838496853195, RandomLibm.sin(0.04932838757866731));
        assertBits(0.7071067811865475, RandomLibm.sin(Math.PI / 4));
        assertBits(1e-9, RandomLibm.sin(1e-9));
        assertBits(-0.0, RandomLibm.sin(-0.0));
    }

    @Test
    void cosine() {
        assertBits(0.9711047322292875, RandomLibm.cos(-0.2409792778236487));
        assertBits(0.8003908490503743, RandomLibm.cos(-0.642849410522783));
        assertBits(0.845191926794259, RandomLibm.cos(-0.563872159451729));
        assertBits(0.7368608930775232, RandomLibm.cos(-0.7423811396414964));
        assertBits(0.7071067811865476, RandomLibm.cos(Math.PI / 4));
        assertBits(0.9995500337489875, RandomLibm.cos(0.03));
        assertBits(1.0, RandomLibm.cos(1e-9));
    }

    @Test
    void logarithm() {
        assertBits(-0.34081316726886374, RandomLibm.log(0.7111917696952796));
        assertBits(-0.3310654802659534, RandomLibm.log(0.7181581423147705));
        assertBits(-0.2677496481916096, RandomLibm.log(0.7650993011218062));
        assertBits(-0.07272891293780763, RandomLibm.log(0.9298528669442464));
        // Near 1: the separate polynomial.
        assertBits(0.12306021917511907, RandomLibm.log(1.1309525239250058));
        assertBits(-0.0533859661616273, RandomLibm.log(0.9480140405200563));
        assertBits(-1.1102230246251565e-16, RandomLibm.log(0.9999999999999999));
        assertBits(0.0, RandomLibm.log(1.0));
        assertBits(-44.3614195558365, RandomLibm.log(0x1p-64));
        assertBits(-690.7755278982137, RandomLibm.log(1e-300));
        assertBits(690.7755278982137, RandomLibm.log(1e300));
        assertBits(Double.NEGATIVE_INFINITY, RandomLibm.log(0.0));
        assertBits(Double.POSITIVE_INFINITY, RandomLibm.log(Double.POSITIVE_INFINITY));
        assertEquals(Double.NaN, RandomLibm.log(-1.0));
    }

    @Test
    void turns() {
        assertBits(1.0, RandomMath.sinTurns(0.25));
        assertBits(-1.0, RandomMath.sinTurns(0.75));
        // As the original: 1/sin(0.5) is -inf there, 1/sin(-0.5) and 1/sin(0) are inf.
        assertBits(-0.0, RandomMath.sinTurns(0.5));
        assertBits(0.0, RandomMath.sinTurns(-0.5));
        assertBits(0.0, RandomMath.sinTurns(0));
        assertBits(1.0, RandomMath.cosTurns(0));
        assertBits(0.7071067811865475, RandomMath.sinTurns(0.125));
    }
}
