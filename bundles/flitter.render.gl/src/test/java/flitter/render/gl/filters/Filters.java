package flitter.render.gl.filters;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import flitter.render.gl.RenderTarget;
import flitter.render.gl.impl.Offscreen;

/** Helpers for the filter tests: a window with every filter kind, and input images. */
final class Filters {
    private Filters() {
    }

    static Offscreen window() {
        return new Offscreen()
            .with("transform", new TransformNodeFactory())
            .with("feedback", new FeedbackNodeFactory())
            .with("blur", new BlurNodeFactory())
            .with("bloom", new BloomNodeFactory())
            .with("edges", new EdgesNodeFactory())
            .with("vignette", new VignetteNodeFactory())
            .with("adjust", new AdjustNodeFactory())
            .with("flare", new FlareNodeFactory())
            .with("kaleid", new KaleidNodeFactory())
            .with("chromakey", new ChromakeyNodeFactory())
            .with("noise", new NoiseNodeFactory());
    }

    /** A {@code !shader} line whose fragment shader runs {@code body} with {@code coord} and {@code color}. */
    static String shader(String indent, String body) {
        return indent + "!shader fragment=\"${HEADER}\\nin vec2 coord;\\nout vec4 color;\\nvoid main() { " + body + " }\"";
    }

    /** A {@code !shader} line filling the frame with one premultiplied colour. */
    static String fill(String indent, double r, double g, double b, double a) {
        return shader(indent, "color = vec4(" + r + ", " + g + ", " + b + ", " + a + ");");
    }

    /** Renders the program and checks that nothing was reported. */
    static RenderTarget render(Offscreen window, String... lines) throws Exception {
        RenderTarget out = window.render(String.join("\n", lines));
        assertEquals(List.of(), window.errors);
        return out;
    }

    static void assertPixel(double[] expected, RenderTarget target, int x, int y, double tolerance) {
        float[] actual = Offscreen.floats(target, x, y);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], tolerance, "pixel " + x + "," + y + " channel " + i);
        }
    }

    /** One channel of every pixel, row by row from the bottom. */
    static float[] channel(RenderTarget target, int channel) {
        java.nio.FloatBuffer pixels = org.lwjgl.BufferUtils.createFloatBuffer(target.width() * target.height() * 4);
        target.read(pixels);
        float[] values = new float[target.width() * target.height()];
        for (int i = 0; i < values.length; i++) {
            values[i] = pixels.get(i * 4 + channel);
        }
        return values;
    }
}
