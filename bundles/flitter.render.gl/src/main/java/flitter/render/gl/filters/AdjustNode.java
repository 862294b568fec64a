package flitter.render.gl.filters;

import java.util.Map;
import java.util.Set;

import flitter.model.Node;
import flitter.model.Vector;
import flitter.render.gl.GlContext;
import flitter.render.gl.WindowFrame;

/**
 * {@code !adjust}: colour and luminance adjustments of the composited children, in this order on the
 * un-premultiplied colour: {@code color_matrix=} (3x3, column-major), {@code hue=} (turns of the HSV
 * hue) and {@code saturation=} (a multiplier), {@code exposure=} (stops), {@code brightness=} (added) and
 * {@code contrast=} (around 0.5), {@code shadows=} and {@code highlights=} (stops, for luminance below
 * 0.25 and above 0.5), no negative values, {@code gamma=} (a power), and the {@code tonemap=}
 * ({@code :reinhard} with {@code whitepoint=}, {@code :aces}, {@code :agx}, {@code :agx_punchy}).
 */
final class AdjustNode extends FilterNode {
    private static final Map<String, Vector> DEFAULTS = Map.of(
        "color_matrix", Vector.of(1, 0, 0, 0, 1, 0, 0, 0, 1), "hue", Vector.of(0), "saturation", Vector.of(1),
        "exposure", Vector.of(0), "brightness", Vector.of(0), "contrast", Vector.of(1), "shadows", Vector.of(0),
        "highlights", Vector.of(0), "gamma", Vector.of(1), "whitepoint", Vector.of(0));
    private static final Set<String> TONEMAPS = Set.of("reinhard", "aces", "agx", "agx_punchy");

    AdjustNode(GlContext gl) {
        super(gl, DEFAULTS);
    }

    @Override
    protected String fragmentSource(Node node, WindowFrame frame, int children) {
        String tonemap = symbol(node, "tonemap");
        if (tonemap != null && !TONEMAPS.contains(tonemap)) {
            frame.error(path() + ": unknown tonemap '" + tonemap + "'; not tone-mapping");
            tonemap = null;
        }
        return prologue(node, frame, children)
            + "uniform mat3 color_matrix;\n"
            + "uniform float hue;\n"
            + "uniform float saturation;\n"
            + "uniform float exposure;\n"
            + "uniform float brightness;\n"
            + "uniform float contrast;\n"
            + "uniform float shadows;\n"
            + "uniform float highlights;\n"
            + "uniform float gamma;\n"
            + "uniform float whitepoint;\n"
            + Glsl.TONE + Glsl.STRAIGHT + Glsl.HSV + Tonemaps.source(tonemap)
            + "void main() {\n"
            + "    vec4 c = merge(coord);\n"
            + "    vec3 hsv = hsv_of(color_matrix * straight(c));\n"
            + "    vec3 rgb = rgb_of(vec3(hsv.x + hue, hsv.y * saturation, hsv.z));\n"
            + "    rgb = max(tone(rgb, exposure, contrast, brightness, shadows, highlights), 0.0);\n"
            + "    rgb = tonemap(pow(rgb, vec3(gamma)));\n"
            + "    color = vec4(rgb * c.a, c.a) * alpha;\n"
            + "}\n";
    }
}
