package flitter.render.gl.filters;

import static flitter.render.gl.filters.Filters.assertPixel;
import static flitter.render.gl.filters.Filters.fill;
import static flitter.render.gl.filters.Filters.render;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import flitter.render.gl.RenderTarget;
import flitter.render.gl.impl.Offscreen;

/** {@code !vignette} over opaque white, 8x8: pixel centres are at (i + 0.5) / 8. */
class VignetteTest {
    private static RenderTarget vignette(Offscreen window, String attributes) throws Exception {
        return render(window, "!offscreen size=8;8 colorbits=32", "    !vignette " + attributes, fill("        ", 1, 1, 1, 1));
    }

    @Test
    void cornersFadeLinearlyAndTheCentreDoesNot() throws Exception {
        try (Offscreen window = Filters.window()) {
            RenderTarget out = vignette(window, "");
            // Pixel 0 is 1/16 from the edge, a quarter of the default 0.25 inset.
            assertPixel(new double[] {0.0625, 0.0625, 0.0625, 0.0625}, out, 0, 0, 1e-6);
            assertPixel(new double[] {0.25, 0.25, 0.25, 0.25}, out, 0, 4, 1e-6);
            assertPixel(new double[] {0.75 * 0.25, 0.75 * 0.25, 0.75 * 0.25, 0.75 * 0.25}, out, 1, 7, 1e-6);
            assertPixel(new double[] {1, 1, 1, 1}, out, 3, 4, 0);
            assertPixel(new double[] {1, 1, 1, 1}, out, 2, 5, 0);
        }
    }

    @Test
    void insetSetsTheWidthOfTheFade() throws Exception {
        try (Offscreen window = Filters.window()) {
            RenderTarget out = vignette(window, "inset=0.5");
            assertEquals(0.125 * 0.125, Offscreen.floats(out, 0, 0)[3], 1e-6);
            assertEquals(0.875 * 0.875, Offscreen.floats(out, 3, 4)[3], 1e-6, "both axes 0.4375 from an edge");
        }
    }

    @Test
    void quadAndCubicEaseEachAxis() throws Exception {
        try (Offscreen window = Filters.window()) {
            // x = 0.25 of the fade: quad 2x^2 = 0.125, cubic 4x^3 = 0.0625; x = 0.75: quad 1 - 2(0.25)^2.
            assertEquals(0.125, Offscreen.floats(vignette(window, "fade=:quad"), 0, 4)[3], 1e-6);
            assertEquals(0.125 * 0.875, Offscreen.floats(vignette(window, "fade=:quad"), 0, 1)[3], 1e-6);
            assertEquals(0.0625 * 0.0625, Offscreen.floats(vignette(window, "fade=:cubic"), 0, 0)[3], 1e-6);
        }
    }

    @Test
    void anUnknownFadeIsReportedAndLinear() throws Exception {
        try (Offscreen window = Filters.window()) {
            RenderTarget out = window.render("!offscreen size=8;8 colorbits=32\n    !vignette fade=:wobbly\n"
                + fill("        ", 1, 1, 1, 1));
            assertEquals(0.25, Offscreen.floats(out, 0, 4)[3], 1e-6);
            assertTrue(window.errors.get(0).contains("unknown fade 'wobbly'"), window.errors.toString());
        }
    }
}
