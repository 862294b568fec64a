package flitter.render.gl.filters;

import static flitter.render.gl.filters.Filters.fill;
import static flitter.render.gl.filters.Filters.render;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import flitter.render.gl.impl.Offscreen;

/** {@code !adjust}, mostly of the opaque colour (0.2, 0.4, 0.6). */
class AdjustTest {
    private static float[] adjust(String attributes, double r, double g, double b, double a) throws Exception {
        try (Offscreen window = Filters.window()) {
            return Offscreen.floats(render(window, "!offscreen size=2;2 colorbits=32", "    !adjust " + attributes,
                fill("        ", r, g, b, a)), 0, 0);
        }
    }

    private static void assertAdjusts(String attributes, double... expected) throws Exception {
        float[] actual = adjust(attributes, 0.2, 0.4, 0.6, 1);
        assertArrayEquals(new float[] {(float) expected[0], (float) expected[1], (float) expected[2], 1f}, actual, 1e-5f,
            attributes);
    }

    @Test
    void theDefaultsChangeNothing() throws Exception {
        assertAdjusts("", 0.2, 0.4, 0.6);
    }

    @Test
    void exposureIsInStops() throws Exception {
        assertAdjusts("exposure=1", 0.4, 0.8, 1.2);
    }

    @Test
    void contrastScalesAroundTheMidpointAndNegativesClampToZero() throws Exception {
        assertAdjusts("contrast=2", 0, 0.3, 0.7);
    }

    @Test
    void brightnessIsAdded() throws Exception {
        assertAdjusts("brightness=0.1", 0.3, 0.5, 0.7);
    }

    @Test
    void gammaIsAPower() throws Exception {
        assertAdjusts("gamma=2", 0.04, 0.16, 0.36);
    }

    @Test
    void hueTurnsAroundTheHsvCylinder() throws Exception {
        // A third of a turn moves red to green, green to blue and blue to red.
        assertAdjusts("hue=1/3", 0.6, 0.2, 0.4);
    }

    @Test
    void saturationScalesHsvSaturation() throws Exception {
        assertAdjusts("saturation=0", 0.6, 0.6, 0.6);
        // s = 2/3 becomes 1/3 at v = 0.6: each channel moves halfway to 0.6.
        assertAdjusts("saturation=0.5", 0.4, 0.5, 0.6);
    }

    @Test
    void colorMatrixIsColumnMajor() throws Exception {
        // The first column (1, 1, 0) is what red contributes.
        assertAdjusts("color_matrix=1;1;0;0;1;0;0;0;1", 0.2, 0.6, 0.6);
        assertAdjusts("color_matrix=0;0;1;0;1;0;1;0;0", 0.6, 0.4, 0.2);
    }

    @Test
    void shadowsBrightenOnlyDarkColours() throws Exception {
        // Luminance 0.09298 is (0.25 - l) * 4 = 0.62808 of the way into the shadows.
        double k = Math.pow(2, 4 * (0.25 - (0.2126 * 0.05 + 0.7152 * 0.1 + 0.0722 * 0.15)));
        assertArrayEquals(new float[] {(float) (0.05 * k), (float) (0.1 * k), (float) (0.15 * k), 1f},
            adjust("shadows=1", 0.05, 0.1, 0.15, 1), 1e-5f);
        assertAdjusts("shadows=1", 0.2, 0.4, 0.6);
    }

    @Test
    void highlightsChangeOnlyLightColours() throws Exception {
        double k = Math.pow(2, -2 * ((0.2126 * 0.8 + 0.7152 * 0.9 + 0.0722 * 1.0) - 0.5));
        assertArrayEquals(new float[] {(float) (0.8 * k), (float) (0.9 * k), (float) k, 1f},
            adjust("highlights=-1", 0.8, 0.9, 1.0, 1), 1e-5f);
        assertAdjusts("highlights=-1", 0.2, 0.4, 0.6);
    }

    @Test
    void theOrderIsExposureThenContrastThenClampThenGamma() throws Exception {
        assertAdjusts("contrast=2 exposure=1", 0.3, 1.1, 1.9);
        assertAdjusts("gamma=2 contrast=2", 0, 0.09, 0.49);
    }

    @Test
    void premultipliedAlphaIsKept() throws Exception {
        assertArrayEquals(new float[] {0.2f, 0.4f, 0.6f, 0.5f}, adjust("exposure=1", 0.1, 0.2, 0.3, 0.5), 1e-6f);
        assertArrayEquals(new float[] {0.1f, 0.2f, 0.3f, 0.5f}, adjust("alpha=0.5", 0.2, 0.4, 0.6, 1), 1e-6f);
    }

    @Test
    void reinhardMapsXToXOverOnePlusX() throws Exception {
        assertArrayEquals(new float[] {0.5f, 0.75f, 0f, 1f}, adjust("tonemap=:reinhard", 1, 3, 0, 1), 1e-6f);
        // With a white point w the curve is multiplied by 1 + x / w^2, so w maps to 1.
        assertArrayEquals(new float[] {0.625f, 1.3125f, 1f, 1f},
            adjust("tonemap=:reinhard whitepoint=2", 1, 3, 2, 1), 1e-6f);
    }

    @Test
    void filmicTonemapsAreMonotonicIntoZeroToOne() throws Exception {
        for (String curve : new String[] {"aces", "agx", "agx_punchy"}) {
            float previous = -1;
            for (double level : new double[] {0.01, 0.1, 0.5, 1, 4, 16, 100}) {
                float[] out = adjust("tonemap=:" + curve, level, level, level, 1);
                assertTrue(out[1] > previous, curve + " at " + level + ": " + out[1]);
                assertTrue(out[1] >= 0 && out[1] <= 1.02, curve + " at " + level + ": " + out[1]);
                assertEquals(out[0], out[2], 0.01, curve + " keeps grey grey");
                previous = out[1];
            }
            assertTrue(previous > 0.8, curve + " takes very bright towards white: " + previous);
        }
    }
}
