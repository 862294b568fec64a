package flitter.render.gl.filters;

import static flitter.render.gl.filters.Filters.assertPixel;
import static flitter.render.gl.filters.Filters.fill;
import static flitter.render.gl.filters.Filters.render;
import static flitter.render.gl.filters.Filters.shader;

import org.junit.jupiter.api.Test;

import flitter.render.gl.RenderTarget;
import flitter.render.gl.impl.Offscreen;

/** {@code !flare} on 32x32 frames; lengths are multiples of half the shorter side, 16 px. */
class FlareTest {
    /** Opaque black with the pixel (16, 16) at 8. */
    private static final String SPOT = shader("        ",
        "color = all(equal(ivec2(gl_FragCoord.xy), ivec2(16))) ? vec4(vec3(8.0), 1.0) : vec4(0.0, 0.0, 0.0, 1.0);");

    private static RenderTarget flare(Offscreen window, String attributes, String input) throws Exception {
        return render(window, "!offscreen size=32;32 colorbits=32", "    !flare " + attributes, input);
    }

    @Test
    void nothingBelowTheThresholdChanges() throws Exception {
        try (Offscreen window = Filters.window()) {
            RenderTarget out = flare(window, "", fill("        ", 0.5, 0.75, 0.25, 1));
            assertPixel(new double[] {0.5, 0.75, 0.25, 1}, out, 3, 20, 1e-6);
            assertPixel(new double[] {0.5, 0.75, 0.25, 1}, out, 16, 16, 1e-6);
        }
    }

    @Test
    void uprightStreaksFadeWithTheSquareOfTheDistance() throws Exception {
        try (Offscreen window = Filters.window()) {
            // n = 0.25 * 16 = 4 steps; a step of i pixels weighs (1 - i / 4)^2 / 4, attenuated by 2^-2.
            RenderTarget out = flare(window, "ghosts=0 halo_radius=0 diagonal_length=0 downsample=1", SPOT);
            assertPixel(new double[] {8 + 8 * 0.25 / 4, 8.5, 8.5, 1}, out, 16, 16, 1e-5);
            double two = 8 * 0.25 * 0.25 / 4;
            assertPixel(new double[] {two, two, two, 1}, out, 18, 16, 1e-5);
            assertPixel(new double[] {two, two, two, 1}, out, 16, 14, 1e-5);
            assertPixel(new double[] {0, 0, 0, 1}, out, 20, 16, 1e-6);
            assertPixel(new double[] {0, 0, 0, 1}, out, 17, 17, 1e-6);
        }
    }

    @Test
    void diagonalStreaksRunCornerToCorner() throws Exception {
        try (Offscreen window = Filters.window()) {
            // n = 0.25 * 16 * sqrt(1/2) steps; one diagonal step weighs (1 - 1 / n)^2 / n.
            RenderTarget out = flare(window, "ghosts=0 halo_radius=0 upright_length=0 diagonal_length=0.25 downsample=1",
                SPOT);
            double n = 4 * Math.sqrt(0.5);
            double one = 8 * Math.pow(1 - 1 / n, 2) / n / 4;
            assertPixel(new double[] {one, one, one, 1}, out, 17, 15, 1e-5);
            assertPixel(new double[] {0, 0, 0, 1}, out, 17, 16, 1e-6);
        }
    }

    @Test
    void theFirstGhostMirrorsThroughTheCentreMagnified() throws Exception {
        try (Offscreen window = Filters.window()) {
            // A band of 4 over columns 18..23 (2.5 to 7.5 px right of the centre). The first ghost shows at p what is
            // at -p / 1.25, so columns 8..11 (-7.5 to -4.5 px) light up at 4 * 2^-2; the rest stays black.
            String band = shader("        ", "color = gl_FragCoord.x > 18.0 && gl_FragCoord.x < 24.0 ? vec4(vec3(4.0), 1.0)"
                + " : vec4(0.0, 0.0, 0.0, 1.0);");
            RenderTarget out = flare(window, "ghosts=1 aberration=0 halo_radius=0 upright_length=0 diagonal_length=0 "
                + "downsample=1", band);
            assertPixel(new double[] {1, 1, 1, 1}, out, 9, 16, 1e-4);
            assertPixel(new double[] {1, 1, 1, 1}, out, 10, 20, 1e-4);
            assertPixel(new double[] {0, 0, 0, 1}, out, 2, 16, 1e-4);
            assertPixel(new double[] {4, 4, 4, 1}, out, 20, 16, 1e-4);
        }
    }

    @Test
    void theDefaultsAddLightAroundABrightSpotAndNowhereDark() throws Exception {
        try (Offscreen window = Filters.window()) {
            RenderTarget out = flare(window, "", SPOT);
            float[] near = Offscreen.floats(out, 18, 16);
            org.junit.jupiter.api.Assertions.assertTrue(near[0] > 0.05, "streak: " + near[0]);
            org.junit.jupiter.api.Assertions.assertTrue(Offscreen.floats(out, 16, 16)[0] >= 8f);
            assertPixel(new double[] {0, 0, 0, 1}, out, 0, 31, 1e-6);
        }
    }
}
