package flitter.render.gl.filters;

import static flitter.render.gl.filters.Filters.assertPixel;
import static flitter.render.gl.filters.Filters.render;

import org.junit.jupiter.api.Test;

import flitter.render.gl.RenderTarget;
import flitter.render.gl.impl.Offscreen;

/** {@code !feedback}; the test window's beat advances by 0.5 each frame. */
class FeedbackTest {
    /** A child that is {@code first} on frame 0 and transparent afterwards. */
    private static String pulse(String first) {
        return "        !shader fragment=\"${HEADER}\\nin vec2 coord;\\nuniform float frame;\\nout vec4 color;\\n"
            + "void main() { color = frame == 0.0 ? " + first + " : vec4(0.0); }\"";
    }

    @Test
    void thePreviousFrameDecaysToMixerEveryTimebase() throws Exception {
        try (Offscreen window = Filters.window()) {
            String program = String.join("\n", "!offscreen size=2;2 colorbits=32", "    !feedback mixer=0.25",
                pulse("vec4(1.0, 0.5, 0.0, 1.0)"));
            assertPixel(new double[] {1, 0.5, 0, 1}, render(window, program), 0, 0, 1e-6);
            // Half a beat later 0.25^0.5 = 0.5 of the last frame is left; the new input is transparent.
            assertPixel(new double[] {0.5, 0.25, 0, 0.5}, render(window, program), 1, 1, 1e-6);
            assertPixel(new double[] {0.25, 0.125, 0, 0.25}, render(window, program), 1, 1, 1e-6);
        }
    }

    @Test
    void theTimebaseScalesTheDecay() throws Exception {
        try (Offscreen window = Filters.window()) {
            String program = String.join("\n", "!offscreen size=2;2 colorbits=32", "    !feedback mixer=0.25 timebase=0.5",
                pulse("vec4(1.0)"));
            render(window, program);
            assertPixel(new double[] {0.25, 0.25, 0.25, 0.25}, render(window, program), 0, 1, 1e-6);
        }
    }

    @Test
    void zeroMixerShowsTheInputAlone() throws Exception {
        try (Offscreen window = Filters.window()) {
            String program = String.join("\n", "!offscreen size=2;2 colorbits=32", "    !feedback", pulse("vec4(1.0)"));
            render(window, program);
            assertPixel(new double[] {0, 0, 0, 0}, render(window, program), 0, 0, 0);
        }
    }

    @Test
    void translateMovesTheFeedbackInCanvasCoordinates() throws Exception {
        try (Offscreen window = Filters.window()) {
            // Mixer 1 keeps all of the last frame; it moves 1 px right and 1 px down (y down) each half beat.
            String program = String.join("\n", "!offscreen size=4;4 colorbits=32",
                "    !feedback mixer=1 timebase=0.5 translate=1;1", pulse("vec4(coord, 0.0, 1.0)"));
            render(window, program);
            RenderTarget out = render(window, program);
            // Pixel (2, 1) shows last frame's (1, 2); beyond the edge the edge colour repeats.
            assertPixel(new double[] {0.375, 0.625, 0, 1}, out, 2, 1, 1e-6);
            assertPixel(new double[] {0.125, 0.875, 0, 1}, out, 0, 3, 1e-6);
        }
    }

    @Test
    void scaleAndRotateApplyToTheFeedbackAboutTheCentre() throws Exception {
        try (Offscreen window = Filters.window()) {
            String scaled = String.join("\n", "!offscreen size=4;1 colorbits=32",
                "    !feedback mixer=1 timebase=0.5 scale=2", pulse("vec4(coord, 0.0, 1.0)"));
            render(window, scaled);
            // Doubled about the centre: pixel 3 (1.5 px right of it) shows 0.75 px right of it.
            assertPixel(new double[] {0.5 + 0.75 / 4}, render(window, scaled), 3, 0, 1e-6);
        }
        try (Offscreen window = Filters.window()) {
            String turned = String.join("\n", "!offscreen size=4;4 colorbits=32",
                "    !feedback mixer=1 timebase=0.5 rotate=0.25", pulse("vec4(coord, 0.0, 1.0)"));
            render(window, turned);
            RenderTarget out = render(window, turned);
            // A quarter turn clockwise: the bottom row shows the right-hand column.
            assertPixel(new double[] {0.875, 0.375, 0, 1}, out, 1, 0, 1e-5);
        }
    }
}
