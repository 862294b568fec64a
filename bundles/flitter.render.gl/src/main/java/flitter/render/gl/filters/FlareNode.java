package flitter.render.gl.filters;

import java.util.Map;

import flitter.model.Node;
import flitter.model.Vector;
import flitter.render.gl.GlContext;
import flitter.render.gl.WindowFrame;

/**
 * {@code !flare}: lens artefacts from the parts of the composited children brighter than
 * {@code threshold=} (luminance, default 1), added to them. Pass 0 composites; down-sampled
 * ({@code downsample=}, default 2), pass 1 gathers up to six {@code ghosts=} (mirrored, distorted and
 * spectrally split by {@code aberration=}) and a ring-shaped halo ({@code halo_radius=},
 * {@code halo_attenuation=}), passes 2 and 3 soften them with a small blur and pass 3 adds the
 * starburst ({@code upright_length=}, {@code diagonal_length=}); pass 4 adds the light to the original.
 * Lengths and radii are multiples of the shorter side; {@code attenuation=} is in powers of two.
 */
final class FlareNode extends FilterNode {
    private static final Map<String, Vector> DEFAULTS = Map.ofEntries(
        Map.entry("threshold", Vector.of(1)), Map.entry("attenuation", Vector.of(2)),
        Map.entry("upright_length", Vector.of(0.25)), Map.entry("diagonal_length", Vector.of(0.125)),
        Map.entry("halo_radius", Vector.of(0.0625)), Map.entry("halo_attenuation", Vector.of(0)),
        Map.entry("ghosts", Vector.of(6)), Map.entry("aberration", Vector.of(0.5)),
        Map.entry("downsample_passes", Vector.of(1, 2, 3)));

    /**
     * The ghosts in the order {@code ghosts=} adds them: radial distortion power, scale (negative: mirrored
     * through the centre), extra attenuation (powers of two) and share of {@code aberration}.
     */
    private static final double[][] GHOSTS = {
        {1.0, -1.25, 0, 1}, {1.5, -0.25, 0, 1}, {0.5, 0.25, 1, 1}, {0.75, -3.0, 2, 0.5}, {0.25, 2.0, 3, 0.5},
        {1.0, -0.75, 1, 1},
    };

    FlareNode(GlContext gl) {
        super(gl, DEFAULTS, 5);
    }

    @Override
    protected String fragmentSource(Node node, WindowFrame frame, int children) {
        Vector count = node.attribute("ghosts");
        int ghosts = count == null || count.numbers(1) == null ? 6 : (int) Math.max(0, Math.min(6, count.asDouble()));
        StringBuilder gather = new StringBuilder();
        for (int i = 0; i < ghosts; i++) {
            double[] g = GHOSTS[i];
            gather.append("        light += ghost(last, ").append(g[0]).append(", ").append(g[1]).append(", attenuation + ")
                .append(g[2]).append(", aberration * ").append(g[3]).append(");\n");
        }
        return prologue(node, frame, children)
            + "uniform float threshold;\n"
            + "uniform float attenuation;\n"
            + "uniform float upright_length;\n"
            + "uniform float diagonal_length;\n"
            + "uniform float halo_radius;\n"
            + "uniform float halo_attenuation;\n"
            + "uniform float aberration;\n"
            + "const float TAU = 6.283185307179586;\n"
            + Glsl.BLUR + Glsl.LUMINANCE
            // The colour of a sample, weighted by how far its luminance is over the threshold.
            + "vec3 bright(sampler2D image, vec2 point) {\n"
            + "    vec3 c = texture(image, point).rgb;\n"
            + "    return c * smoothstep(0.0, 1.0, luminance(c) - threshold);\n"
            + "}\n"
            // This pixel shows the image at a radially distorted and scaled point, split into six bands.
            + "vec3 ghost(sampler2D image, float distortion, float scale, float fade, float split) {\n"
            + "    vec2 p = (coord - 0.5) * size;\n"
            + "    float r = length(p);\n"
            + "    float edge = length(size) / 2.0;\n"
            + "    float source = (1.0 - pow(1.0 - r / edge, distortion)) * edge / scale;\n"
            + "    vec2 q = r > 0.0 ? p * (source / r) : vec2(0.0);\n"
            + "    float falloff = 1.0 - pow(clamp(source / edge, 0.0, 1.0), 2.0);\n"
            + "    vec3 light = vec3(0.0);\n"
            + "    if (split > 0.0) {\n"
            + "        const vec3 bands[6] = vec3[6](vec3(0.1, 0.0, 0.3), vec3(0.0, 0.0, 0.5), vec3(0.0, 0.25, 0.2),\n"
            + "                                      vec3(0.0, 0.5, 0.0), vec3(0.4, 0.25, 0.0), vec3(0.5, 0.0, 0.0));\n"
            + "        for (int band = 0; band < 6; band++) {\n"
            + "            float stretch = 1.0 + (float(band) / 5.0 - 0.5) * 0.25 * split;\n"
            + "            light += bright(image, q * stretch / size + 0.5) * bands[band];\n"
            + "        }\n"
            + "    } else {\n"
            + "        light = bright(image, q / size + 0.5);\n"
            + "    }\n"
            + "    return light * exp2(-fade) * falloff;\n"
            + "}\n"
            // The mean of the bright samples around a circle.
            + "vec3 halo(sampler2D image, float fade) {\n"
            + "    float r = halo_radius * min(size.x, size.y) / 2.0;\n"
            + "    float n = TAU * r;\n"
            + "    vec3 light = vec3(0.0);\n"
            + "    for (float i = 0.0; i < n; i += 1.0) {\n"
            + "        float angle = TAU * i / n;\n"
            + "        light += bright(image, coord + r * vec2(cos(angle), sin(angle)) / size);\n"
            + "    }\n"
            + "    return n > 0.0 ? light / n * exp2(-fade) : vec3(0.0);\n"
            + "}\n"
            // Light streaking along four directions, brightest nearest the source.
            + "vec3 streaks(sampler2D image, float n, vec2 a, vec2 b) {\n"
            + "    vec3 light = vec3(0.0);\n"
            + "    for (float i = 0.0; i < n; i += 1.0) {\n"
            + "        vec3 c = max(max(texture(image, coord + i * a / size).rgb, texture(image, coord - i * a / size).rgb),\n"
            + "                     max(texture(image, coord + i * b / size).rgb, texture(image, coord - i * b / size).rgb));\n"
            + "        light += c * smoothstep(0.0, 1.0, luminance(c) - threshold) * pow(1.0 - i / n, 2.0);\n"
            + "    }\n"
            + "    return n > 0.0 ? light / n : vec3(0.0);\n"
            + "}\n"
            + "void main() {\n"
            + "    int r = int(min(size.x, size.y) * 0.05);\n"
            + "    if (pass == 0) {\n"
            + "        color = merge(coord);\n"
            + "    } else if (pass == 1) {\n"
            + "        vec3 light = halo(last, attenuation - 0.5 + halo_attenuation);\n"
            + gather
            + "        color = vec4(light, 1.0);\n"
            + "    } else if (pass == 2) {\n"
            + "        color = blur(last, coord, r, float(r) * 0.3, vec2(1.0 / size.x, 0.0));\n"
            + "    } else if (pass == 3) {\n"
            + "        float half_side = min(size.x, size.y) / 2.0;\n"
            + "        vec3 upright = streaks(first, upright_length * half_side, vec2(1.0, 0.0), vec2(0.0, 1.0));\n"
            + "        vec3 diagonal = streaks(first, diagonal_length * half_side * sqrt(0.5), vec2(1.0, 1.0), vec2(1.0, -1.0));\n"
            + "        color = blur(last, coord, r, float(r) * 0.3, vec2(0.0, 1.0 / size.y));\n"
            + "        color.rgb += max(upright, diagonal) * exp2(-attenuation);\n"
            + "    } else {\n"
            + "        vec4 original = texture(first, coord);\n"
            + "        vec4 light = texture(last, coord);\n"
            + "        color = vec4(original.rgb + light.rgb, min(original.a + light.a, 1.0)) * alpha;\n"
            + "    }\n"
            + "}\n";
    }
}
