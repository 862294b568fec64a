package flitter.render.gl.filters;

import static flitter.render.gl.filters.Filters.assertPixel;
import static flitter.render.gl.filters.Filters.render;
import static flitter.render.gl.filters.Filters.shader;

import org.junit.jupiter.api.Test;

import flitter.render.gl.RenderTarget;
import flitter.render.gl.impl.Offscreen;

/** {@code !transform}: the input is a ramp whose red is the x texture coordinate (green y), so a pixel shows where it was sampled. */
class TransformTest {
    private static final String RAMP = shader("        ", "color = vec4(coord, 0.0, 1.0);");

    private static RenderTarget transform(Offscreen window, String size, String attributes) throws Exception {
        return render(window, "!offscreen size=" + size + " colorbits=32", "    !transform " + attributes, RAMP);
    }

    @Test
    void translateMovesByPixelsWithYUp() throws Exception {
        try (Offscreen window = Filters.window()) {
            RenderTarget out = transform(window, "4;4", "translate=1;1");
            // Output pixel (2, 2) shows input pixel (1, 1), whose centre is at 1.5/4.
            assertPixel(new double[] {0.375, 0.375, 0, 1}, out, 2, 2, 1e-6);
            assertPixel(new double[] {0.625, 0.625, 0, 1}, out, 3, 3, 1e-6);
            assertPixel(new double[] {0, 0, 0, 0}, out, 0, 0, 1e-6);
        }
    }

    @Test
    void scaleIsAboutTheCentreAndNegativeFlips() throws Exception {
        try (Offscreen window = Filters.window()) {
            // Pixel 6 of 8 is 2.5 px right of the centre: scaled by 2 it shows the point 1.25 px right.
            assertPixel(new double[] {0.5 + 1.25 / 8, 0.5, 0, 1}, transform(window, "8;1", "scale=2"), 6, 0, 1e-6);
            assertPixel(new double[] {0.9375, 0.5, 0, 1}, transform(window, "8;1", "scale=-1;1"), 0, 0, 1e-6);
        }
    }

    @Test
    void rotateTurnsClockwise() throws Exception {
        try (Offscreen window = Filters.window()) {
            RenderTarget out = transform(window, "4;4", "rotate=0.25");
            // A quarter turn clockwise takes the left edge (low red) to the top and the right edge to the bottom:
            // output (x, y) about the centre shows input (-y, x), so column 1 (x = -0.5 px) shows input row 1.
            for (int y = 0; y < 4; y++) {
                assertPixel(new double[] {(3 - y + 0.5) / 4, 0.375, 0, 1}, out, 1, y, 1e-5);
            }
        }
    }

    @Test
    void keystoneExpandsTheLeftForPositiveKx() throws Exception {
        try (Offscreen window = Filters.window()) {
            // The keystone maps p to p / (1 + kx x / w): output x = -1.5 px shows -1.5 / (1 + 0.5 * 1.5 / 4).
            RenderTarget out = transform(window, "4;4", "keystone=0.5;0");
            assertPixel(new double[] {0.5 + -1.5 / 1.1875 / 4}, out, 0, 2, 1e-5);
            assertPixel(new double[] {0.5 + 0.5 / (1 - 0.0625) / 4}, out, 2, 2, 1e-5);
        }
    }

    @Test
    void theRightmostAttributeAppliesFirst() throws Exception {
        try (Offscreen window = Filters.window()) {
            // Scale then translate: p -> 2p + 1, so output 2.5 px shows 0.75 px.
            assertPixel(new double[] {0.5 + 0.75 / 8}, transform(window, "8;1", "translate=1;0 scale=2"), 6, 0, 1e-6);
            // Translate then scale: p -> 2(p + 1), so output 2.5 px shows 0.25 px.
            assertPixel(new double[] {0.5 + 0.25 / 8}, transform(window, "8;1", "scale=2 translate=1;0"), 6, 0, 1e-6);
        }
    }
}
