package flitter.render.gl.filters;

import java.util.Map;

import flitter.model.Node;
import flitter.model.Vector;
import flitter.render.gl.GlContext;
import flitter.render.gl.WindowFrame;

/**
 * {@code !edges}: the difference between the composited children and their blur ({@code radius=},
 * {@code sigma=} as {@code !blur}), with {@code mixer=} of the original (default 0) over it. Pass 0
 * composites, passes 1 and 2 blur down-sampled ({@code downsample=}, default 2), pass 3 differences.
 */
final class EdgesNode extends FilterNode {
    private static final Map<String, Vector> DEFAULTS = Map.of(
        "radius", Vector.of(0), "sigma", Vector.of(0.3), "mixer", Vector.of(0), "repeat", EDGE,
        "downsample_passes", Vector.of(1, 2));

    EdgesNode(GlContext gl) {
        super(gl, DEFAULTS, 4);
    }

    @Override
    protected String fragmentSource(Node node, WindowFrame frame, int children) {
        return prologue(node, frame, children)
            + "uniform ivec2 radius;\n"
            + "uniform vec2 sigma;\n"
            + "uniform float mixer;\n"
            + Glsl.BLUR
            + "void main() {\n"
            + "    ivec2 r = radius / downsample;\n"
            + "    if (pass == 0) {\n"
            + "        color = merge(coord);\n"
            + "    } else if (pass == 1) {\n"
            + "        color = blur(last, coord, r.x, float(r.x) * sigma.x, vec2(1.0 / size.x, 0.0));\n"
            + "    } else if (pass == 2) {\n"
            + "        color = blur(last, coord, r.y, float(r.y) * sigma.y, vec2(0.0, 1.0 / size.y));\n"
            + "    } else {\n"
            + "        vec4 original = texture(first, coord);\n"
            + "        vec4 blurred = texture(last, coord);\n"
            + "        vec4 edges = vec4(abs(blurred.rgb - original.rgb), max(original.a, blurred.a));\n"
            + "        vec4 mixed = original * mixer;\n"
            + "        color = (mixed + edges * (1.0 - mixed.a)) * alpha;\n"
            + "    }\n"
            + "}\n";
    }
}
