package flitter.render.gl.filters;

import java.util.Map;

import flitter.model.Node;
import flitter.model.Vector;
import flitter.render.gl.GlContext;
import flitter.render.gl.WindowFrame;

/**
 * {@code !blur}: a normalised Gaussian blur of the composited children, horizontal then vertical, over
 * {@code radius=} pixels either side (default 0, no blur) with a standard deviation of {@code sigma=}
 * times the radius (default 0.3). Pass 0 composites, 1 blurs across, 2 blurs up.
 */
final class BlurNode extends FilterNode {
    private static final Map<String, Vector> DEFAULTS = Map.of(
        "radius", Vector.of(0), "sigma", Vector.of(0.3), "repeat", EDGE);

    BlurNode(GlContext gl) {
        super(gl, DEFAULTS, 3);
    }

    @Override
    protected String fragmentSource(Node node, WindowFrame frame, int children) {
        return prologue(node, frame, children)
            + "uniform ivec2 radius;\n"
            + "uniform vec2 sigma;\n"
            + Glsl.BLUR
            + "void main() {\n"
            + "    if (pass == 0) {\n"
            + "        color = merge(coord);\n"
            + "    } else if (pass == 1) {\n"
            + "        color = blur(last, coord, radius.x, float(radius.x) * sigma.x, vec2(1.0 / size.x, 0.0));\n"
            + "    } else {\n"
            + "        color = blur(last, coord, radius.y, float(radius.y) * sigma.y, vec2(0.0, 1.0 / size.y)) * alpha;\n"
            + "    }\n"
            + "}\n";
    }
}
