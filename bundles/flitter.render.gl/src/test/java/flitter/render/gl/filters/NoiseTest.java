package flitter.render.gl.filters;

import static flitter.render.gl.filters.Filters.channel;
import static flitter.render.gl.filters.Filters.fill;
import static flitter.render.gl.filters.Filters.render;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import flitter.render.gl.RenderTarget;
import flitter.render.gl.impl.Offscreen;

/** {@code !noise} on 64x64 frames (32x16 for the sphere). */
class NoiseTest {
    private static float[] noise(String attributes, int channel, String... children) throws Exception {
        try (Offscreen window = Filters.window()) {
            String[] lines = new String[children.length + 2];
            lines[0] = "!offscreen size=64;64 colorbits=32";
            lines[1] = "    !noise " + attributes;
            System.arraycopy(children, 0, lines, 2, children.length);
            return channel(render(window, lines), channel);
        }
    }

    private static double range(float[] values, int from, int to) {
        double lo = Double.MAX_VALUE;
        double hi = -Double.MAX_VALUE;
        for (int i = from; i < to; i++) {
            lo = Math.min(lo, values[i]);
            hi = Math.max(hi, values[i]);
        }
        return hi - lo;
    }

    @Test
    void theSameSeedGivesTheSameImageInZeroToOne() throws Exception {
        float[] first = noise("seed=42 scale=0.1", 0);
        assertArrayEquals(first, noise("seed=42 scale=0.1", 0), 0f);
        for (float value : first) {
            assertTrue(value >= 0 && value <= 1, "in [0, 1]: " + value);
        }
        assertTrue(range(first, 0, first.length) > 0.4, "it varies: " + range(first, 0, first.length));
        assertFalse(Arrays.equals(first, noise("seed=43 scale=0.1", 0)), "another seed, another image");
        assertFalse(Arrays.equals(first, noise("scale=0.1", 0)), "no seed is the null seed");
        for (float value : noise("seed=42 scale=0.1", 1)) {
            assertEquals(1f, value, 0f, "unused channels are 1");
        }
    }

    @Test
    void rawNoiseIsWithinMinusOneToOne() throws Exception {
        float[] raw = noise("seed=7 scale=0.05 multiplier=1 offset=0", 0);
        double sum = 0;
        for (float value : raw) {
            assertTrue(value > -1 && value < 1, "in (-1, 1): " + value);
            sum += value;
        }
        assertEquals(0, sum / raw.length, 0.2, "centred on zero");
    }

    @Test
    void multiplierAndOffsetScaleAndShift() throws Exception {
        float[] raw = noise("seed=7 scale=0.05 multiplier=1 offset=0", 0);
        float[] mapped = noise("seed=7 scale=0.05 multiplier=2 offset=0.25", 0);
        for (int i = 0; i < raw.length; i++) {
            assertEquals(raw[i] * 2 + 0.25, mapped[i], 1e-5);
        }
    }

    @Test
    void octavesAddFinerWeakerNoiseAndNormalise() throws Exception {
        // Octave i samples the point divided by roughness^i and weighs roughness^i.
        float[] coarse = noise("seed=3 scale=0.05 multiplier=1 offset=0", 0);
        float[] fine = noise("seed=3 scale=0.1 multiplier=1 offset=0", 0);
        float[] both = noise("seed=3 scale=0.05 octaves=2 multiplier=1 offset=0", 0);
        for (int i = 0; i < both.length; i++) {
            assertEquals((coarse[i] + 0.5 * fine[i]) / 1.5, both[i], 1e-4);
        }
    }

    @Test
    void componentsFillChannelsInOrderAndDefaultFillsTheRest() throws Exception {
        float[] red = noise("seed=5 scale=0.1 components=3 default=0.25", 0);
        float[] green = noise("seed=5 scale=0.1 components=3 default=0.25", 1);
        float[] blue = noise("seed=5 scale=0.1 components=3 default=0.25", 2);
        float[] alpha = noise("seed=5 scale=0.1 components=3 default=0.25", 3);
        assertArrayEquals(red, noise("seed=5 scale=0.1", 0), 0f, "the first component is the one-component noise");
        assertFalse(Arrays.equals(red, green));
        assertFalse(Arrays.equals(green, blue));
        for (float value : alpha) {
            assertEquals(0.25f, value, 0f);
        }
    }

    @Test
    void originZAndChildrenOffsetThePointBeforeScaling() throws Exception {
        float[] moved = noise("seed=9 scale=0.1 origin=5;-3 z=2", 0);
        assertArrayEquals(moved, noise("seed=9 scale=0.1 tscale=5;-3;2", 0, fill("        ", 1, 1, 1, 1)), 1e-5f);
        assertArrayEquals(moved, noise("seed=9 scale=0.1 tscale=10;-6;4", 0, fill("        ", 0.5, 0.5, 0.5, 1)), 1e-5f);
        assertFalse(Arrays.equals(moved, noise("seed=9 scale=0.1", 0)));
    }

    @Test
    void theCylinderWrapsLeftToRight() throws Exception {
        float[] values = noise("seed=11 shape=:cylinder scale=0.2", 0);
        for (int row = 0; row < 64; row += 9) {
            int at = row * 64;
            double step = 0;
            for (int x = 0; x < 63; x++) {
                step = Math.max(step, Math.abs(values[at + x + 1] - values[at + x]));
            }
            assertTrue(Math.abs(values[at] - values[at + 63]) <= step * 1.01, "row " + row + " wraps");
        }
    }

    @Test
    void theSpheresEquatorIsTheCylindersZeroHeightRing() throws Exception {
        // Both have radius width / tau; with an odd height the middle row of the sphere is its equator
        // (z = 0), and the cylinder's middle row is at z = 16.5 px, which z=-16.5 takes back to 0.
        try (Offscreen window = Filters.window()) {
            float[] sphere = channel(render(window, "!offscreen size=64;33 colorbits=32",
                "    !noise seed=11 shape=:sphere scale=0.3"), 0);
            float[] cylinder = channel(render(window, "!offscreen size=64;33 colorbits=32",
                "    !noise seed=11 shape=:cylinder scale=0.3 z=-16.5"), 0);
            float[] equator = Arrays.copyOfRange(sphere, 16 * 64, 17 * 64);
            assertArrayEquals(Arrays.copyOfRange(cylinder, 16 * 64, 17 * 64), equator, 1e-4f);
            assertTrue(range(equator, 0, 64) > 0.2, "it varies round the equator");
            assertFalse(Arrays.equals(equator, Arrays.copyOfRange(sphere, 10 * 64, 11 * 64)));
        }
    }

    @Test
    void theSeedIsPythonsHashOfTheVectorHash() {
        assertEquals(5, NoiseNode.pythonHash(5));
        assertEquals(-2, NoiseNode.pythonHash(-1));
        assertEquals(0, NoiseNode.pythonHash((1L << 61) - 1));
        assertEquals(-4, NoiseNode.pythonHash(Long.MIN_VALUE));
    }
}
