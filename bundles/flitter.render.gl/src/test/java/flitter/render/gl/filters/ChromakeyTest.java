package flitter.render.gl.filters;

import static flitter.render.gl.filters.Filters.assertPixel;
import static flitter.render.gl.filters.Filters.fill;
import static flitter.render.gl.filters.Filters.render;
import static flitter.render.gl.filters.Filters.shader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import flitter.render.gl.RenderTarget;
import flitter.render.gl.impl.Offscreen;

/** {@code !chromakey} on 32x32 frames. */
class ChromakeyTest {
    /** Green on the left half, red on the right. */
    private static final String SCREEN = shader("        ",
        "color = gl_FragCoord.x < 16.0 ? vec4(0.0, 1.0, 0.0, 1.0) : vec4(1.0, 0.0, 0.0, 1.0);");

    private static float[] keyed(String attributes, double r, double g, double b) throws Exception {
        try (Offscreen window = Filters.window()) {
            return Offscreen.floats(render(window, "!offscreen size=32;32 colorbits=32", "    !chromakey " + attributes,
                fill("        ", r, g, b, 1)), 10, 10);
        }
    }

    @Test
    void greenBecomesTransparentAndOtherColoursStay() throws Exception {
        try (Offscreen window = Filters.window()) {
            RenderTarget out = render(window, "!offscreen size=32;32 colorbits=32", "    !chromakey", SCREEN);
            assertPixel(new double[] {0, 0, 0, 0}, out, 1, 5, 1e-6);
            assertPixel(new double[] {1, 0, 0, 1}, out, 30, 5, 1e-6);
            float edge = Offscreen.floats(out, 16, 5)[3];
            assertTrue(edge > 0 && edge < 1, "the blurred mask softens the edge: " + edge);
        }
    }

    @Test
    void hardnessIsAPowerOfTheMask() throws Exception {
        try (Offscreen window = Filters.window()) {
            float soft = Offscreen.floats(render(window, "!offscreen size=32;32 colorbits=32", "    !chromakey hard=1", SCREEN),
                17, 5)[0];
            float hard = Offscreen.floats(render(window, "!offscreen size=32;32 colorbits=32", "    !chromakey hard=3", SCREEN),
                17, 5)[0];
            assertTrue(soft > 0.05 && soft < 0.95, "a pixel on the soft edge: " + soft);
            assertEquals(Math.pow(soft, 3), hard, 1e-5);
        }
    }

    @Test
    void dullAndDarkGreensAreKept() throws Exception {
        // Saturation 0.4 is under the 0.75 minimum; value 0.05 is under the 0.1 minimum.
        assertEquals(1f, keyed("", 0.3, 0.5, 0.3)[3], 1e-6f);
        assertEquals(1f, keyed("", 0, 0.05, 0)[3], 1e-6f);
        assertEquals(0f, keyed("saturation=0.3", 0.3, 0.5, 0.3)[3], 1e-6f);
        assertEquals(0f, keyed("brightness=0.01", 0, 0.05, 0)[3], 1e-6f);
    }

    @Test
    void hueAndRangeChooseTheKey() throws Exception {
        assertEquals(1f, keyed("hue=2/3", 0, 1, 0)[3], 1e-6f);
        assertEquals(0f, keyed("hue=2/3", 0, 0, 1)[3], 1e-6f);
        // Hue 0.4 is 0.067 from green: outside the default 0.05 either side, inside 0.1.
        assertEquals(1f, keyed("", 0, 1, 0.4)[3], 1e-6f);
        assertEquals(0f, keyed("range=0.2", 0, 1, 0.4)[3], 1e-6f);
    }
}
