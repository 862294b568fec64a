package flitter.render.gl.filters;

import static flitter.render.gl.filters.Filters.assertPixel;
import static flitter.render.gl.filters.Filters.render;
import static flitter.render.gl.filters.Filters.shader;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

import flitter.render.gl.RenderTarget;
import flitter.render.gl.impl.Offscreen;

/** {@code !kaleid} of a ramp whose red and green are the texture coordinates, so a pixel shows where it was sampled. */
class KaleidTest {
    private static final String RAMP = shader("        ", "color = vec4(coord, 0.0, 1.0);");

    private static RenderTarget kaleid(Offscreen window, String size, String attributes) throws Exception {
        return render(window, "!offscreen size=" + size + " colorbits=32", "    !kaleid " + attributes, RAMP);
    }

    @Test
    void twoSegmentsMirrorTheLowerHalfIntoTheUpper() throws Exception {
        try (Offscreen window = Filters.window()) {
            // The first wedge of two runs from the left, through the bottom, to the right.
            RenderTarget out = kaleid(window, "4;4", "segments=2 radius=10");
            assertPixel(new double[] {0.375, 0.125, 0, 1}, out, 1, 0, 1e-5);
            assertPixel(new double[] {0.375, 0.125, 0, 1}, out, 1, 3, 1e-5);
            assertPixel(new double[] {0.875, 0.375, 0, 1}, out, 3, 2, 1e-5);
        }
    }

    @Test
    void rotationTurnsTheWedges() throws Exception {
        try (Offscreen window = Filters.window()) {
            // A quarter turn: the first wedge is now the right half, mirrored into the left.
            RenderTarget out = kaleid(window, "4;4", "segments=2 rotation=0.25 radius=10");
            assertPixel(new double[] {0.875, 0.125, 0, 1}, out, 0, 0, 1e-5);
            assertPixel(new double[] {0.625, 0.875, 0, 1}, out, 1, 3, 1e-5);
        }
    }

    @Test
    void sixSegmentsRepeatEveryThirdOfATurn() throws Exception {
        try (Offscreen window = Filters.window()) {
            RenderTarget out = kaleid(window, "8;8", "radius=10");
            // Pixels a third of a turn apart about the centre: (7, 4) at (3.5, 0.5) px and (1, 7) at (-2.5, 3.5) px
            // are not exactly that, so compare points that are: (4, 7) and its images.
            double angle = Math.atan2(3.0, 0.5);
            float[] reference = Offscreen.floats(out, 4, 7);
            for (int k = 1; k < 3; k++) {
                double a = angle + k * 2 * Math.PI / 3;
                double r = Math.hypot(3.0, 0.5);
                int x = (int) Math.round(r * Math.cos(a) + 3.5);
                int y = (int) Math.round(r * Math.sin(a) + 3.5);
                // Rounded to pixel centres the points move a little: allow for a step of the ramp.
                assertArrayEquals(reference, Offscreen.floats(out, x, y), 0.13f, "k=" + k);
            }
        }
    }

    @Test
    void beyondTheRadiusTheImageFoldsBack() throws Exception {
        try (Offscreen window = Filters.window()) {
            // radius * 4 px = sqrt(2) px: (1.5, -1.5) px, 2.12 px out, folds to 2 sqrt(2) - 2.12 = 0.71 px: (0.5, -0.5).
            RenderTarget out = kaleid(window, "8;8", "segments=2 radius=" + Math.sqrt(2) / 4);
            assertPixel(new double[] {0.5625, 0.4375, 0, 1}, out, 5, 2, 1e-4);
        }
    }
}
