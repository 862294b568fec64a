package flitter.render.gl.filters;

import java.util.Map;

import flitter.model.Node;
import flitter.model.Vector;
import flitter.render.gl.GlContext;
import flitter.render.gl.WindowFrame;

/**
 * {@code !chromakey}: makes transparent the parts of the composited children whose HSV hue is within
 * {@code range=}/2 of {@code hue=} (defaults 0.1 around 1/3, green), with saturation above
 * {@code saturation=} (0.75) and value above {@code brightness=} (0.1). Pass 0 composites; down-sampled
 * ({@code downsample=}, default 2), pass 1 makes the mask (0 where keyed) and passes 2 and 3 blur it as
 * {@code !blur} does ({@code radius=} default 10, {@code sigma=}); pass 4 multiplies the original by the
 * mask raised to {@code hard=} (default 4).
 */
final class ChromakeyNode extends FilterNode {
    private static final Map<String, Vector> DEFAULTS = Map.of(
        "hue", Vector.of(1.0 / 3), "range", Vector.of(0.1), "saturation", Vector.of(0.75), "brightness", Vector.of(0.1),
        "radius", Vector.of(10), "sigma", Vector.of(0.3), "hard", Vector.of(4), "repeat", EDGE,
        "downsample_passes", Vector.of(1, 2, 3));

    ChromakeyNode(GlContext gl) {
        super(gl, DEFAULTS, 5);
    }

    @Override
    protected String fragmentSource(Node node, WindowFrame frame, int children) {
        return prologue(node, frame, children)
            + "uniform ivec2 radius;\n"
            + "uniform vec2 sigma;\n"
            + "uniform float hue;\n"
            + "uniform float range;\n"
            + "uniform float saturation;\n"
            + "uniform float brightness;\n"
            + "uniform float hard;\n"
            + Glsl.BLUR + Glsl.HSV
            + "void main() {\n"
            + "    ivec2 r = radius / downsample;\n"
            + "    if (pass == 0) {\n"
            + "        color = merge(coord);\n"
            + "    } else if (pass == 1) {\n"
            + "        vec3 hsv = hsv_of(texture(last, coord).rgb);\n"
            + "        bool keyed = abs(hsv.x - hue) < range / 2.0 && hsv.y > saturation && hsv.z > brightness;\n"
            + "        color = vec4(keyed ? 0.0 : 1.0);\n"
            + "    } else if (pass == 2) {\n"
            + "        color = blur(last, coord, r.x, float(r.x) * sigma.x, vec2(1.0 / size.x, 0.0));\n"
            + "    } else if (pass == 3) {\n"
            + "        color = blur(last, coord, r.y, float(r.y) * sigma.y, vec2(0.0, 1.0 / size.y));\n"
            + "    } else {\n"
            + "        color = texture(first, coord) * pow(texture(last, coord).r, hard) * alpha;\n"
            + "    }\n"
            + "}\n";
    }
}
