package flitter.render.gl.filters;

import static flitter.render.gl.filters.Filters.assertPixel;
import static flitter.render.gl.filters.Filters.render;
import static flitter.render.gl.filters.Filters.shader;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import flitter.render.gl.RenderTarget;
import flitter.render.gl.impl.Offscreen;

/** {@code !blur} of a single white pixel in the middle of a 9x9 frame. */
class BlurTest {
    static final String DOT = shader("        ",
        "color = all(equal(ivec2(gl_FragCoord.xy), ivec2(4))) ? vec4(1.0) : vec4(0.0);");

    /** The normalised 1D Gaussian weights for offsets 0..radius with standard deviation sigma pixels. */
    static double[] weights(int radius, double sigma) {
        double[] w = new double[radius + 1];
        double total = 0;
        for (int i = 0; i <= radius; i++) {
            w[i] = Math.exp(-i * i / (2 * sigma * sigma));
            total += i == 0 ? w[i] : 2 * w[i];
        }
        for (int i = 0; i <= radius; i++) {
            w[i] /= total;
        }
        return w;
    }

    private static double red(RenderTarget out, int x, int y) {
        return Offscreen.floats(out, x, y)[0];
    }

    @Test
    void aPointSpreadsAsTheProductOfTwoGaussians() throws Exception {
        try (Offscreen window = Filters.window()) {
            RenderTarget out = render(window, "!offscreen size=9;9 colorbits=32", "    !blur radius=2 sigma=0.5", DOT);
            double[] w = weights(2, 1.0);
            for (int dx = -3; dx <= 3; dx++) {
                for (int dy = -3; dy <= 3; dy++) {
                    double expected = Math.abs(dx) > 2 || Math.abs(dy) > 2 ? 0 : w[Math.abs(dx)] * w[Math.abs(dy)];
                    assertPixel(new double[] {expected, expected, expected, expected}, out, 4 + dx, 4 + dy, 1e-6);
                }
            }
        }
    }

    @Test
    void theBlurIsSymmetricAndConservesEnergyWithTheDefaultSigma() throws Exception {
        try (Offscreen window = Filters.window()) {
            RenderTarget out = render(window, "!offscreen size=9;9 colorbits=32", "    !blur radius=3", DOT);
            double total = 0;
            for (int x = 0; x < 9; x++) {
                for (int y = 0; y < 9; y++) {
                    total += red(out, x, y);
                    assertEquals(red(out, x, y), red(out, 8 - x, y), 1e-6);
                    assertEquals(red(out, x, y), red(out, y, x), 1e-6);
                }
            }
            assertEquals(1, total, 1e-5);
            double[] w = weights(3, 0.3 * 3);
            assertEquals(w[0] * w[0], red(out, 4, 4), 1e-6, "sigma defaults to 0.3 of the radius");
            assertEquals(w[3] * w[1], red(out, 7, 5), 1e-6);
        }
    }

    @Test
    void noRadiusIsNoBlurAndAlphaScales() throws Exception {
        try (Offscreen window = Filters.window()) {
            RenderTarget out = render(window, "!offscreen size=9;9 colorbits=32", "    !blur alpha=0.5", DOT);
            assertPixel(new double[] {0.5, 0.5, 0.5, 0.5}, out, 4, 4, 0);
            assertPixel(new double[] {0, 0, 0, 0}, out, 5, 4, 0);
        }
    }
}
