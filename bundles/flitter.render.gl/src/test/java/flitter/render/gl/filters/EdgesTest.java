package flitter.render.gl.filters;

import static flitter.render.gl.filters.Filters.assertPixel;
import static flitter.render.gl.filters.Filters.fill;
import static flitter.render.gl.filters.Filters.render;
import static flitter.render.gl.filters.Filters.shader;

import org.junit.jupiter.api.Test;

import flitter.render.gl.RenderTarget;
import flitter.render.gl.impl.Offscreen;

/** {@code !edges}: the difference between the image and its blur. */
class EdgesTest {
    /** Black on the left half of an 8-pixel-wide frame, white on the right. */
    private static final String STEP = shader("        ", "color = vec4(vec3(gl_FragCoord.x > 4.0 ? 1.0 : 0.0), 1.0);");

    @Test
    void flatAreasAreZero() throws Exception {
        try (Offscreen window = Filters.window()) {
            RenderTarget out = render(window, "!offscreen size=8;8 colorbits=32", "    !edges radius=4",
                fill("        ", 0.5, 0.25, 0.75, 1));
            for (int x = 0; x < 8; x++) {
                assertPixel(new double[] {0, 0, 0, 1}, out, x, (x * 3) % 8, 1e-6);
            }
        }
    }

    @Test
    void aStepShowsTheBlurredDifferenceEitherSide() throws Exception {
        try (Offscreen window = Filters.window()) {
            RenderTarget out = render(window, "!offscreen size=8;4 colorbits=32",
                "    !edges radius=2 sigma=0.5 downsample=1", STEP);
            double[] w = BlurTest.weights(2, 1.0);
            double near = w[1] + w[2];
            assertPixel(new double[] {near, near, near, 1}, out, 3, 1, 1e-5);
            assertPixel(new double[] {near, near, near, 1}, out, 4, 2, 1e-5);
            assertPixel(new double[] {w[2], w[2], w[2], 1}, out, 2, 0, 1e-5);
            assertPixel(new double[] {0, 0, 0, 1}, out, 0, 3, 1e-6);
            assertPixel(new double[] {0, 0, 0, 1}, out, 7, 3, 1e-6);
        }
    }

    @Test
    void mixerPutsTheOriginalOverTheEdges() throws Exception {
        try (Offscreen window = Filters.window()) {
            RenderTarget out = render(window, "!offscreen size=8;8 colorbits=32", "    !edges radius=2 mixer=0.5",
                fill("        ", 0.5, 0.25, 0.75, 1));
            assertPixel(new double[] {0.25, 0.125, 0.375, 1}, out, 3, 3, 1e-6);
        }
    }

    @Test
    void noRadiusIsBlank() throws Exception {
        try (Offscreen window = Filters.window()) {
            RenderTarget out = render(window, "!offscreen size=8;4 colorbits=32", "    !edges downsample=1", STEP);
            assertPixel(new double[] {0, 0, 0, 1}, out, 3, 1, 1e-6);
            assertPixel(new double[] {0, 0, 0, 1}, out, 4, 1, 1e-6);
        }
    }
}
