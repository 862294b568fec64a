package flitter.render.gl.impl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import flitter.render.gl.GlContext;
import flitter.render.gl.ProgramNode;
import flitter.render.gl.RenderTarget;
import flitter.render.gl.WindowNodeFactory;

/** The window rendering tree, rendered headless on Mesa and read back pixel by pixel. */
class ShaderNodeTest {
    /** A fragment shader filling the frame with one premultiplied colour. */
    private static String fill(double r, double g, double b, double a) {
        return "\"${HEADER}\\nout vec4 color;\\nvoid main() { color = vec4(" + r + ", " + g + ", " + b + ", " + a + "); }\"";
    }

    @Test
    void aShaderWritesKnownColoursWithUvCoordinates() throws Exception {
        try (Offscreen window = new Offscreen()) {
            RenderTarget out = window.render(String.join("\n",
                "!offscreen size=4;2 colorbits=8",
                "    !shader fragment=\"${HEADER}\\nin vec2 coord;\\nout vec4 color;\\n"
                    + "void main() { color = vec4(coord.x, coord.y, 0.25, 1.0); }\""));
            assertEquals(4, out.width());
            assertEquals(2, out.height());
            assertEquals(java.util.List.of(), window.errors);
            assertArrayEquals(new int[] {32, 64, 64, 255}, Offscreen.pixel(out, 0, 0));
            assertArrayEquals(new int[] {223, 191, 64, 255}, Offscreen.pixel(out, 3, 1));
            assertEquals(java.util.List.of(), window.errors);
        }
    }

    @Test
    void everyCompositeModeBlendsAsDocumented() throws Exception {
        // Source over destination, premultiplied: d = (0.2, 0.4, 0.6, 0.8) first, s = (0.5, 0.25, 0, 0.5) second.
        String[][] cases = {
            {"over", "0.6;0.45;0.3;0.9"}, {"dest_over", "0.3;0.45;0.6;0.9"}, {"lighten", "0.5;0.4;0.6;0.8"},
            {"darken", "0.2;0.25;0;0.5"}, {"add", "0.7;0.65;0.6;1"}, {"difference", "0.3;0.15;0.6;0.8"},
            {"multiply", "0.1;0.1;0;0.4"},
        };
        for (String[] c : cases) {
            try (Offscreen window = new Offscreen()) {
                RenderTarget out = window.render(String.join("\n",
                    "!offscreen size=2;2 colorbits=32",
                    "    !shader composite=:" + c[0],
                    "        !shader fragment=" + fill(0.2, 0.4, 0.6, 0.8),
                    "        !shader fragment=" + fill(0.5, 0.25, 0, 0.5)));
                float[] pixel = Offscreen.floats(out, 1, 1);
                String[] expected = c[1].split(";");
                for (int i = 0; i < 4; i++) {
                    assertEquals(Double.parseDouble(expected[i]), pixel[i], 1e-5, c[0] + " channel " + i);
                }
            }
        }
    }

    @Test
    void alphaScalesTheComposite() throws Exception {
        try (Offscreen window = new Offscreen()) {
            RenderTarget out = window.render(String.join("\n",
                "!offscreen size=2;2 colorbits=32",
                "    !shader alpha=0.5",
                "        !shader fragment=" + fill(0.8, 0.6, 0.4, 1)));
            assertArrayEquals(new float[] {0.4f, 0.3f, 0.2f, 0.5f}, Offscreen.floats(out, 0, 0), 1e-6f);
        }
    }

    @Test
    void colorbitsChoosesTheDepth() throws Exception {
        try (Offscreen window = new Offscreen()) {
            String shader = "    !shader fragment=" + fill(2.5, 0.5, 0.125, 1);
            RenderTarget deep = window.render("!offscreen size=1;1 colorbits=32\n" + shader);
            assertEquals(32, deep.colorbits());
            assertEquals(2.5f, Offscreen.floats(deep, 0, 0)[0], 0f, "32-bit floats keep values above 1");
            RenderTarget half = window.render("!offscreen size=1;1\n" + shader);
            assertEquals(16, half.colorbits(), "16 bits is the default");
            RenderTarget bytes = window.render("!offscreen size=1;1 colorbits=8\n" + shader);
            assertEquals(255, Offscreen.pixel(bytes, 0, 0)[0], "8 bits clamp to 1");
        }
    }

    @Test
    void childrenInheritTheSizeAndAttributesBecomeUniforms() throws Exception {
        try (Offscreen window = new Offscreen()) {
            RenderTarget out = window.render(String.join("\n",
                "!offscreen size=3;5 colorbits=32",
                "    !shader tint=0.5;0.25;1 level=2 fragment=\"${HEADER}\\nuniform vec3 tint;\\nuniform float level;\\n"
                    + "uniform vec2 size;\\nout vec4 color;\\n"
                    + "void main() { color = vec4(tint * level, size.x + size.y); }\""));
            // Linear sampling at the edge pixel picks up a trace of the transparent border.
            assertArrayEquals(new float[] {1f, 0.5f, 2f, 8f}, Offscreen.floats(out, 2, 4), 1e-4f);
        }
    }

    @Test
    void engineNamesAreUniforms() throws Exception {
        try (Offscreen window = new Offscreen()) {
            String program = "!offscreen size=1;1 colorbits=32\n    !shader fragment=\"${HEADER}\\nuniform float beat;"
                + "\\nuniform int fps;\\nout vec4 color;\\nvoid main() { color = vec4(beat, float(fps), 0.0, 1.0); }\"";
            window.render(program);
            RenderTarget out = window.render(program);
            assertArrayEquals(new float[] {0.5f, 60f, 0f, 1f}, Offscreen.floats(out, 0, 0), 0f);
        }
    }

    @Test
    void aShaderThatDoesNotCompileIsReportedOnceAndRendersAsABareShader() throws Exception {
        try (Offscreen window = new Offscreen()) {
            String program = String.join("\n",
                "!offscreen size=2;2 colorbits=32",
                "    !shader #broken fragment=\"${HEADER}\\nout vec4 color;\\nvoid main() { color = nonsense; }\"",
                "        !shader fragment=" + fill(0.25, 0.5, 0.75, 1));
            RenderTarget first = window.render(program);
            assertArrayEquals(new float[] {0.25f, 0.5f, 0.75f, 1f}, Offscreen.floats(first, 0, 0), 1e-6f);
            window.render(program);
            assertEquals(1, window.errors.size(), window.errors.toString());
            String error = window.errors.get(0);
            assertTrue(error.startsWith("offscreen/shader#broken: fragment shader does not compile: 0:3("), error);
        }
    }

    @Test
    void aNodeWithOneOpaqueChildShowsExactlyTheChildsImage() throws Exception {
        String gradient = "\"${HEADER}\\nin vec2 coord;\\nout vec4 color;\\n"
            + "void main() { color = vec4(coord.x, coord.y, 0.3, 1.0) * (0.5 + coord.x * 0.5); }\"";
        for (int bits : new int[] {8, 16}) {
            try (Offscreen window = new Offscreen()) {
                RenderTarget drawn = window.render("!offscreen size=5;3 colorbits=" + bits + " fragment=" + gradient);
                float[][] direct = new float[15][];
                for (int i = 0; i < 15; i++) {
                    direct[i] = Offscreen.floats(drawn, i % 5, i / 5);
                }
                String nested = "!offscreen size=5;3 colorbits=" + bits + "\n    !shader fragment=" + gradient;
                for (int frame = 0; frame < 2; frame++) {
                    RenderTarget shown = window.render(nested);
                    for (int i = 0; i < 15; i++) {
                        assertArrayEquals(direct[i], Offscreen.floats(shown, i % 5, i / 5), 0f, bits + "-bit pixel " + i);
                    }
                }
                RenderTarget faded = window.render(nested.replace("!offscreen", "!offscreen alpha=0.5"));
                assertArrayEquals(new float[] {direct[14][0] * 0.5f, direct[14][1] * 0.5f, direct[14][2] * 0.5f, direct[14][3] * 0.5f},
                    Offscreen.floats(faded, 4, 2), 0.01f, bits + "-bit, alpha=0.5");
                assertEquals(List.of(), window.errors);
            }
        }
    }

    @Test
    void compositingIsTexelForTexelAndAResizedChildIsFilteredLinearly() throws Exception {
        String red = "\"${HEADER}\\nin vec2 coord;\\nout vec4 color;\\nvoid main() { color = vec4(coord.x * 0.5, 0.0, 0.0, 0.5); }\"";
        String green = "\"${HEADER}\\nin vec2 coord;\\nout vec4 color;\\nvoid main() { color = vec4(0.0, coord.y * 0.25, 0.0, 0.25); }\"";
        String both = "\"${HEADER}\\nin vec2 coord;\\nout vec4 color;\\n"
            + "void main() { color = vec4(coord.x * 0.5, coord.y * 0.25, 0.0, 0.75); }\"";
        try (Offscreen window = new Offscreen()) {
            RenderTarget added = window.render("!offscreen size=7;5 colorbits=32\n    !shader composite=:add\n"
                + "        !shader fragment=" + red + "\n        !shader fragment=" + green);
            float[][] composited = new float[35][];
            for (int i = 0; i < 35; i++) {
                composited[i] = Offscreen.floats(added, i % 7, i / 7);
            }
            RenderTarget direct = window.render("!offscreen size=7;5 colorbits=32 fragment=" + both);
            for (int i = 0; i < 35; i++) {
                assertArrayEquals(Offscreen.floats(direct, i % 7, i / 7), composited[i], 1e-6f, "pixel " + i);
            }
            String ramp = "\"${HEADER}\\nin vec2 coord;\\nout vec4 color;\\nvoid main() { color = vec4(step(0.5, coord.x)); }\"";
            RenderTarget stretched = window.render("!offscreen size=4;1 colorbits=32\n    !shader composite=:add\n"
                + "        !shader size=2;1 fragment=" + ramp + "\n        !shader size=4;1 fragment=" + fill(0, 0, 0, 0));
            assertEquals(0.25f, Offscreen.floats(stretched, 1, 0)[0], 1e-3f, "a 2-texel image over 4 pixels is interpolated");
            assertEquals(0.75f, Offscreen.floats(stretched, 2, 0)[0], 1e-3f, "a 2-texel image over 4 pixels is interpolated");
            assertEquals(List.of(), window.errors);
        }
    }

    @Test
    void lastFeedsBackThePreviousFrame() throws Exception {
        try (Offscreen window = new Offscreen()) {
            String program = "!offscreen size=1;1 colorbits=32\n    !shader fragment=\"${HEADER}\\nin vec2 coord;"
                + "\\nuniform sampler2D last;\\nout vec4 color;\\nvoid main() { color = texture(last, coord) + vec4(0.125); }\"";
            window.render(program);
            window.render(program);
            RenderTarget out = window.render(program);
            assertEquals(0.375f, Offscreen.floats(out, 0, 0)[0], 1e-6f, "three frames of +0.125");
        }
    }

    @Test
    void passesFeedEachOther() throws Exception {
        try (Offscreen window = new Offscreen()) {
            RenderTarget out = window.render("!offscreen size=1;1 colorbits=32\n    !shader passes=4 fragment=\"${HEADER}"
                + "\\nin vec2 coord;\\nuniform sampler2D last;\\nuniform int pass;\\nout vec4 color;\\n"
                + "void main() { color = pass == 0 ? vec4(0.0, 0.0, 0.0, 1.0) : texture(last, coord) + vec4(1.0, 0.0, 0.0, 0.0); }\"");
            assertEquals(3f, Offscreen.floats(out, 0, 0)[0], 0f);
        }
    }

    @Test
    void hiddenChildrenAreNotInputs() throws Exception {
        try (Offscreen window = new Offscreen()) {
            RenderTarget out = window.render(String.join("\n",
                "!offscreen size=1;1 colorbits=32",
                "    !shader fragment=" + fill(1, 0, 0, 1) + " hidden=true",
                "    !shader fragment=" + fill(0, 0, 1, 1)));
            assertArrayEquals(new float[] {0f, 0f, 1f, 1f}, Offscreen.floats(out, 0, 0), 0f);
        }
    }

    @Test
    void kindsComeAndGoWithTheirFactories() throws Exception {
        WindowNodeFactory green = gl -> new ProgramNode(gl) {
            @Override
            protected String fragmentSource(flitter.model.Node node, flitter.render.gl.WindowFrame frame, int children) {
                return gl.header() + "\nout vec4 color;\nvoid main() { color = vec4(0.0, 1.0, 0.0, 1.0); }\n";
            }
        };
        try (Offscreen window = new Offscreen()) {
            String program = "!offscreen size=1;1 colorbits=32\n    !green";
            assertArrayEquals(new float[] {0f, 0f, 0f, 0f}, Offscreen.floats(window.render(program), 0, 0), 0f,
                "an unknown kind renders nothing");
            window.with("green", green);
            assertArrayEquals(new float[] {0f, 1f, 0f, 1f}, Offscreen.floats(window.render(program), 0, 0), 0f);
            window.without("green", green);
            assertArrayEquals(new float[] {0f, 0f, 0f, 0f}, Offscreen.floats(window.render(program), 0, 0), 0f);
        }
    }

    @Test
    void theContextIsMesasHeadlessOpenGl() throws Exception {
        try (Offscreen window = new Offscreen()) {
            assertNotNull(window.render("!offscreen size=1;1"));
            GlContext gl = new GlContext();
            assertTrue(gl.version().matches("4\\.\\d+ \\(Core Profile\\).*"), gl.version());
        }
    }

}
