package flitter.render.gl.impl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** {@code !reference}: this frame's image of an earlier node, last frame's of a later one. */
class ReferenceNodeTest {
    /** A shader whose red channel counts frames: {@code frame / 10}. */
    private static final String COUNTER = "fragment=\"${HEADER}\\nuniform float frame;\\nout vec4 color;\\n"
        + "void main() { color = vec4(frame / 10.0, 0.0, 0.0, 1.0); }\"";

    @Test
    void aReferenceToAnEarlierNodeShowsThisFramesImage() throws Exception {
        try (Offscreen window = new Offscreen()) {
            String program = String.join("\n",
                "!offscreen size=2;2 colorbits=32",
                "    !shader id=:source hidden=true " + COUNTER,
                "    !reference id=:source");
            for (int frame = 0; frame < 3; frame++) {
                float[] pixel = Offscreen.floats(window.render(program), 1, 1);
                assertArrayEquals(new float[] {frame / 10f, 0f, 0f, 1f}, pixel, 1e-6f, "frame " + frame);
            }
            assertEquals(List.of(), window.errors);
        }
    }

    @Test
    void aReferenceToALaterNodeShowsLastFramesImage() throws Exception {
        try (Offscreen window = new Offscreen()) {
            String program = String.join("\n",
                "!offscreen size=2;2 colorbits=32",
                "    !shader",
                "        !reference id=:later",
                "    !shader id=:later hidden=true " + COUNTER);
            assertArrayEquals(new float[] {0f, 0f, 0f, 0f}, Offscreen.floats(window.render(program), 1, 1), 0f,
                "nothing on the first frame");
            for (int frame = 1; frame < 4; frame++) {
                float[] pixel = Offscreen.floats(window.render(program), 1, 1);
                assertArrayEquals(new float[] {(frame - 1) / 10f, 0f, 0f, 1f}, pixel, 1e-6f, "frame " + frame);
            }
            assertEquals(List.of(), window.errors);
        }
    }

    @Test
    void aReferenceToItsParentShowsTheParentsLastFrame() throws Exception {
        try (Offscreen window = new Offscreen()) {
            // Each frame adds 0.125 to what the parent showed the frame before.
            String program = String.join("\n",
                "!offscreen size=1;1 colorbits=32",
                "    !shader id=:loop fragment=\"${HEADER}\\nin vec2 coord;\\nuniform sampler2D texture0;\\n"
                    + "out vec4 color;\\nvoid main() { color = texture(texture0, coord) + vec4(0.125); }\"",
                "        !reference id=:loop");
            window.render(program);
            window.render(program);
            assertEquals(0.375f, Offscreen.floats(window.render(program), 0, 0)[0], 1e-6f);
        }
    }

    @Test
    void aReferenceToNoNodeIsTransparentAndDoesNotHideTheReferencedNode() throws Exception {
        try (Offscreen window = new Offscreen()) {
            String program = String.join("\n",
                "!offscreen size=1;1 colorbits=32",
                "    !reference id=:nothing",
                "    !shader id=:source hidden=true " + COUNTER,
                "    !reference id=:source",
                "    !reference id=:source");
            window.render(program);
            assertArrayEquals(new float[] {0.1f, 0f, 0f, 1f}, Offscreen.floats(window.render(program), 0, 0), 1e-6f,
                "two references to the same node composite over each other; the unknown one adds nothing");
        }
    }
}
