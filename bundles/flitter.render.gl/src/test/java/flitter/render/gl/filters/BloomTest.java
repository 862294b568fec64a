package flitter.render.gl.filters;

import static flitter.render.gl.filters.Filters.assertPixel;
import static flitter.render.gl.filters.Filters.render;
import static flitter.render.gl.filters.Filters.shader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import flitter.render.gl.RenderTarget;
import flitter.render.gl.impl.Offscreen;

/** {@code !bloom} of one bright pixel at (8, 8) on a dark, opaque 16x16 background. */
class BloomTest {
    private static String spot(double background, double bright) {
        return shader("        ", "color = all(equal(ivec2(gl_FragCoord.xy), ivec2(8))) ? vec4(vec3(" + bright
            + "), 1.0) : vec4(vec3(" + background + "), 1.0);");
    }

    @Test
    void theGlowIsTheBlurredDarkenedImageLightenedOntoTheOriginal() throws Exception {
        try (Offscreen window = Filters.window()) {
            RenderTarget out = render(window, "!offscreen size=16;16 colorbits=32",
                "    !bloom radius=2 sigma=0.5 downsample=1", spot(0.1, 8));
            // Exposure -1 halves everything: the blur is 0.05 plus (4 - 0.05) times the 2D Gaussian weight.
            double[] w = BlurTest.weights(2, 1.0);
            double glow = 0.05 + 3.95 * w[1] * w[0];
            assertPixel(new double[] {glow, glow, glow, 1}, out, 9, 8, 1e-5);
            double diagonal = 0.05 + 3.95 * w[1] * w[1];
            assertPixel(new double[] {diagonal, diagonal, diagonal, 1}, out, 7, 9, 1e-5);
            assertPixel(new double[] {0.1, 0.1, 0.1, 1}, out, 2, 2, 1e-6);
            assertPixel(new double[] {8, 8, 8, 1}, out, 8, 8, 1e-6);
        }
    }

    @Test
    void downSampledDarkAreasAreUnchangedAndBrightOnesGlow() throws Exception {
        try (Offscreen window = Filters.window()) {
            RenderTarget out = render(window, "!offscreen size=16;16 colorbits=32", "    !bloom radius=4", spot(0.1, 8));
            assertPixel(new double[] {0.1, 0.1, 0.1, 1}, out, 0, 0, 1e-6);
            assertPixel(new double[] {0.1, 0.1, 0.1, 1}, out, 15, 1, 1e-6);
            assertPixel(new double[] {8, 8, 8, 1}, out, 8, 8, 1e-6);
            for (int x : new int[] {6, 7, 9, 10, 11}) {
                assertTrue(Offscreen.floats(out, x, 8)[0] > 0.11, "glow at " + x + ": " + Offscreen.floats(out, x, 8)[0]);
            }
        }
    }

    @Test
    void contrastAndExposureShapeTheGlow() throws Exception {
        try (Offscreen window = Filters.window()) {
            // Exposure 0, contrast 2: 0.25 becomes 0 and 4 becomes 7.5 before blurring.
            RenderTarget out = render(window, "!offscreen size=16;16 colorbits=32",
                "    !bloom radius=2 sigma=0.5 downsample=1 exposure=0 contrast=2", spot(0.25, 4));
            double[] w = BlurTest.weights(2, 1.0);
            assertEquals(7.5 * w[0] * w[1], Offscreen.floats(out, 8, 9)[1], 1e-5);
            assertEquals(0.25, Offscreen.floats(out, 8, 11)[1], 1e-6);
            assertEquals(4, Offscreen.floats(out, 8, 8)[1], 1e-6, "the original where it is lighter");
        }
    }

    @Test
    void withoutChildrenItIsTransparent() throws Exception {
        try (Offscreen window = Filters.window()) {
            assertPixel(new double[] {0, 0, 0, 0}, render(window, "!offscreen size=4;4 colorbits=32", "    !bloom radius=2"),
                1, 1, 0);
        }
    }
}
