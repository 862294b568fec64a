package flitter.render.gl.filters;

import java.util.Map;

import flitter.model.Node;
import flitter.model.Vector;
import flitter.render.gl.GlContext;
import flitter.render.gl.WindowFrame;

/**
 * {@code !kaleid}: a kaleidoscope of the composited children. Every one of the {@code segments=}
 * (default 6) wedges around the centre shows the first wedge, every other one mirrored; the wedges turn
 * by {@code rotation=} turns (default 0). Beyond {@code radius=} (a multiple of half the shorter side,
 * default 1) the image folds back on itself, and again at every further multiple.
 */
final class KaleidNode extends FilterNode {
    private static final Map<String, Vector> DEFAULTS = Map.of(
        "segments", Vector.of(6), "rotation", Vector.of(0), "radius", Vector.of(1));

    KaleidNode(GlContext gl) {
        super(gl, DEFAULTS);
    }

    @Override
    protected String fragmentSource(Node node, WindowFrame frame, int children) {
        return prologue(node, frame, children)
            + "uniform float segments;\n"
            + "uniform float rotation;\n"
            + "uniform float radius;\n"
            + "const float TAU = 6.283185307179586;\n"
            // t in wedges (or radii): its place in the wedge it falls in, mirrored in every other one.
            + "float fold(float t) {\n"
            + "    float i = floor(t);\n"
            + "    return mod(i, 2.0) == 0.0 ? t - i : i + 1.0 - t;\n"
            + "}\n"
            + "void main() {\n"
            + "    vec2 p = (coord - 0.5) * size;\n"
            + "    float wedge = (atan(p.y, p.x) / TAU + 0.5 - rotation) * segments;\n"
            + "    float angle = (fold(wedge) / segments + rotation - 0.5) * TAU;\n"
            + "    float unit = radius * min(size.x, size.y) / 2.0;\n"
            + "    float r = fold(length(p) / unit) * unit;\n"
            + "    color = merge(r * vec2(cos(angle), sin(angle)) / size + 0.5) * alpha;\n"
            + "}\n";
    }
}
