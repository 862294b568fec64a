package flitter.render.gl.filters;

import java.util.Map;

import flitter.model.Node;
import flitter.model.Vector;
import flitter.render.gl.GlContext;
import flitter.render.gl.WindowFrame;

/**
 * {@code !vignette}: fades the composited children to transparent within {@code inset=} (a proportion
 * of the width and height, default 0.25) of each edge, with the {@code fade=} easing ({@code :linear},
 * the default, {@code :quad} or {@code :cubic}) applied to each axis and the two multiplied.
 */
final class VignetteNode extends FilterNode {
    private static final Map<String, Vector> DEFAULTS = Map.of("inset", Vector.of(0.25));
    private static final Map<String, String> EASINGS = Map.of(
        "linear", "x",
        "quad", "x < 0.5 ? 2.0 * x * x : 1.0 - 2.0 * (1.0 - x) * (1.0 - x)",
        "cubic", "x < 0.5 ? 4.0 * x * x * x : 1.0 - 4.0 * (1.0 - x) * (1.0 - x) * (1.0 - x)");

    VignetteNode(GlContext gl) {
        super(gl, DEFAULTS);
    }

    @Override
    protected String fragmentSource(Node node, WindowFrame frame, int children) {
        String fade = symbol(node, "fade");
        String easing = EASINGS.get(fade == null ? "linear" : fade);
        if (easing == null) {
            frame.error(path() + ": unknown fade '" + fade + "'; using :linear");
            easing = EASINGS.get("linear");
        }
        return prologue(node, frame, children)
            + "uniform float inset;\n"
            + "float ease(float x) {\n"
            + "    x = clamp(x, 0.0, 1.0);\n"
            + "    return " + easing + ";\n"
            + "}\n"
            + "void main() {\n"
            + "    vec2 edge = min(coord, 1.0 - coord);\n"
            + "    vec2 fade = vec2(edge.x < inset ? edge.x / inset : 1.0, edge.y < inset ? edge.y / inset : 1.0);\n"
            + "    color = merge(coord) * ease(fade.x) * ease(fade.y) * alpha;\n"
            + "}\n";
    }
}
