package flitter.render.gl.impl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import flitter.render.gl.RenderTarget;

/** Templated shader sources, rendered headless and read back. */
class ShaderTemplateNodeTest {
    /** Adds up its children, however many there are, scales by {@code gain} and puts the child count in alpha. */
    private static final String SUM = String.join("\\n",
        "${HEADER}",
        "in vec2 coord;",
        "out vec4 color;",
        "% for name in child_textures:",
        "uniform sampler2D ${name};",
        "% endfor",
        "void main() {",
        "    vec4 sum = vec4(0.0);",
        "% for name in child_textures:",
        "    sum += texture(${name}, coord);",
        "% endfor",
        "    color = sum * ${float(gain)} + vec4(0.0, 0.0, 0.0, ${len(child_textures)});",
        "}");

    private static String fill(double r, double g, double b) {
        return "\"${HEADER}\\nout vec4 color;\\nvoid main() { color = vec4(" + r + ", " + g + ", " + b + ", 0.0); }\"";
    }

    private static String program(double gain, int children) {
        StringBuilder program = new StringBuilder("!offscreen size=1;1 colorbits=32\n    !shader gain=" + gain + " fragment=\"" + SUM + "\"");
        String[] fills = {fill(0.25, 0, 0), fill(0, 0.25, 0), fill(0, 0, 0.25)};
        for (int i = 0; i < children; i++) {
            program.append("\n        !shader fragment=").append(fills[i]);
        }
        return program.toString();
    }

    @Test
    void aTemplateCompositesAnyNumberOfChildrenAndFollowsItsAttributes() throws Exception {
        try (Offscreen window = new Offscreen()) {
            RenderTarget out = window.render(program(0.5, 2));
            assertArrayEquals(new float[] {0.125f, 0.125f, 0f, 2f}, Offscreen.floats(out, 0, 0), 1e-6f);
            out = window.render(program(0.5, 3));
            assertArrayEquals(new float[] {0.125f, 0.125f, 0.125f, 3f}, Offscreen.floats(out, 0, 0), 1e-6f);
            out = window.render(program(2, 3));
            assertArrayEquals(new float[] {0.5f, 0.5f, 0.5f, 3f}, Offscreen.floats(out, 0, 0), 1e-6f, "gain=2 is written 2.0");
            out = window.render(program(2, 1));
            assertArrayEquals(new float[] {0.5f, 0f, 0f, 1f}, Offscreen.floats(out, 0, 0), 1e-6f);
            out = window.render(program(2, 0));
            assertArrayEquals(new float[] {0f, 0f, 0f, 0f}, Offscreen.floats(out, 0, 0), 1e-6f);
            assertEquals(List.of(), window.errors);
        }
    }

    @Test
    void vertexTemplatesAndEngineNames() throws Exception {
        try (Offscreen window = new Offscreen()) {
            RenderTarget out = window.render("!offscreen size=1;1 colorbits=32\n    !shader scale=1 "
                + "vertex=\"${HEADER}\\nin vec2 position;\\nout vec2 coord;\\n"
                + "void main() { gl_Position = vec4(position * ${float(scale)}, 0.0, 1.0); coord = position * 0.5 + 0.5; }\" "
                + "fragment=\"${HEADER}\\nin vec2 coord;\\nout vec4 color;\\n"
                + "void main() { color = vec4(${int(fps)}.0, ${passes}.0, coord.x, 1.0); }\"");
            assertArrayEquals(new float[] {60f, 1f, 0.5f, 1f}, Offscreen.floats(out, 0, 0), 1e-6f);
            assertEquals(List.of(), window.errors);
        }
    }

    @Test
    void aTemplateErrorIsReportedOnceAndTheNodeRendersAsABareShader() throws Exception {
        try (Offscreen window = new Offscreen()) {
            String program = String.join("\n",
                "!offscreen size=1;1 colorbits=32",
                "    !shader #broken fragment=\"${HEADER}\\nout vec4 color;\\nvoid main() { color = vec4(${float(missing)}); }\"",
                "        !shader fragment=" + fill(0.25, 0.5, 0.75));
            RenderTarget out = window.render(program);
            assertArrayEquals(new float[] {0.25f, 0.5f, 0.75f, 0f}, Offscreen.floats(out, 0, 0), 1e-6f);
            window.render(program);
            assertEquals(List.of("offscreen/shader#broken: fragment template: line 3: name 'missing' is not defined"), window.errors);
        }
    }
}
