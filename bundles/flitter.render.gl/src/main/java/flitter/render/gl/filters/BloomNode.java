package flitter.render.gl.filters;

import java.util.Map;

import flitter.model.Node;
import flitter.model.Vector;
import flitter.render.gl.GlContext;
import flitter.render.gl.WindowFrame;

/**
 * {@code !bloom}: a glow around the bright parts of the composited children. Pass 0 composites; then,
 * down-sampled ({@code downsample=}, default 2), pass 1 adjusts as {@code !adjust} does
 * ({@code exposure=} default -1, {@code contrast=}, {@code brightness=}, {@code shadows=},
 * {@code highlights=}) and passes 2 and 3 blur as {@code !blur} does ({@code radius=}, {@code sigma=});
 * pass 4 keeps the lighter of the original and the glow.
 */
final class BloomNode extends FilterNode {
    private static final Map<String, Vector> DEFAULTS = Map.of(
        "radius", Vector.of(0), "sigma", Vector.of(0.3), "exposure", Vector.of(-1), "contrast", Vector.of(1),
        "brightness", Vector.of(0), "shadows", Vector.of(0), "highlights", Vector.of(0), "repeat", EDGE,
        "downsample_passes", Vector.of(1, 2, 3));

    BloomNode(GlContext gl) {
        super(gl, DEFAULTS, 5);
    }

    @Override
    protected String fragmentSource(Node node, WindowFrame frame, int children) {
        return prologue(node, frame, children)
            + "uniform ivec2 radius;\n"
            + "uniform vec2 sigma;\n"
            + "uniform float exposure;\n"
            + "uniform float contrast;\n"
            + "uniform float brightness;\n"
            + "uniform float shadows;\n"
            + "uniform float highlights;\n"
            + Glsl.BLUR + Glsl.TONE + Glsl.STRAIGHT
            + "void main() {\n"
            + "    ivec2 r = radius / downsample;\n"
            + "    if (pass == 0) {\n"
            + "        color = merge(coord);\n"
            + "    } else if (pass == 1) {\n"
            + "        vec4 c = texture(last, coord);\n"
            + "        color = vec4(tone(straight(c), exposure, contrast, brightness, shadows, highlights) * c.a, c.a);\n"
            + "    } else if (pass == 2) {\n"
            + "        color = blur(last, coord, r.x, float(r.x) * sigma.x, vec2(1.0 / size.x, 0.0));\n"
            + "    } else if (pass == 3) {\n"
            + "        color = blur(last, coord, r.y, float(r.y) * sigma.y, vec2(0.0, 1.0 / size.y));\n"
            + "    } else {\n"
            + "        color = max(texture(first, coord), texture(last, coord)) * alpha;\n"
            + "    }\n"
            + "}\n";
    }
}
