package flitter.render.gl.filters;

import java.util.Map;

import flitter.model.Node;
import flitter.model.Vector;
import flitter.render.gl.GlContext;
import flitter.render.gl.WindowFrame;

/**
 * {@code !noise}: OpenSimplex 2S 3D noise, sliced by {@code shape=} ({@code :plane}, the default, using the
 * noise's "improved XY" orientation; {@code :cylinder}, wrapping left to right; {@code :sphere}, in
 * equirectangular coordinates). The point of a pixel (in pixels) is offset by {@code origin=} and
 * {@code z=} and by the composited children's RGB times {@code tscale=}, then multiplied by {@code scale=}.
 * {@code components=} channels (R, G, B, A; default 1) each get noise of their own, summed over
 * {@code octaves=}, each finer and weaker by {@code roughness=} (default 0.5), normalised, then times
 * {@code multiplier=} (0.5) plus {@code offset=} (0.5); other channels are {@code default=} (1).
 * {@code seed=} chooses the noise: the same seed always gives the same image.
 */
final class NoiseNode extends FilterNode {
    private static final Map<String, Vector> DEFAULTS = Map.ofEntries(
        Map.entry("components", Vector.of(1)), Map.entry("octaves", Vector.of(1)), Map.entry("roughness", Vector.of(0.5)),
        Map.entry("origin", Vector.of(0)), Map.entry("z", Vector.of(0)), Map.entry("scale", Vector.of(1)),
        Map.entry("tscale", Vector.of(1)), Map.entry("multiplier", Vector.of(0.5)), Map.entry("offset", Vector.of(0.5)),
        Map.entry("defaults", Vector.of(1)));
    private static final long MERSENNE_61 = (1L << 61) - 1;

    private Vector seed;
    private Vector seedHash;
    private Vector defaults;

    NoiseNode(GlContext gl) {
        super(gl, DEFAULTS);
    }

    @Override
    protected void render(Node node, WindowFrame frame) {
        Vector value = node.attribute("seed");
        if (value == null) {
            value = Vector.NULL;
        }
        if (!value.equals(seed)) {
            seed = value;
            seedHash = Vector.of(pythonHash(value.hash(false)) / (double) (1L << 48));
        }
        // "default" is a GLSL keyword: the uniform is "defaults".
        defaults = node.attribute("default");
        super.render(node, frame);
    }

    /** What the original's seed becomes: Python's {@code hash()} of the signed 64-bit vector hash. */
    static double pythonHash(long hash) {
        long magnitude = hash == Long.MIN_VALUE ? 4 : Math.abs(hash) % MERSENNE_61;
        long result = hash < 0 ? -magnitude : magnitude;
        return result == -1 ? -2 : result;
    }

    @Override
    protected Vector defaultAttribute(String name, int children) {
        if (name.equals("seed_hash")) {
            return seedHash;
        }
        if (name.equals("defaults") && defaults != null) {
            return defaults;
        }
        return super.defaultAttribute(name, children);
    }

    @Override
    protected String fragmentSource(Node node, WindowFrame frame, int children) {
        String shape = symbol(node, "shape");
        String point;
        if (shape == null || shape.equals("plane")) {
            point = "vec3(coord * size, 0.0)";
            shape = "plane";
        } else if (shape.equals("cylinder")) {
            point = "vec3(size.x / TAU * vec2(cos(TAU * coord.x), sin(TAU * coord.x)), coord.y * size.y)";
        } else if (shape.equals("sphere")) {
            point = "size.x / TAU * vec3(cos(PI * (coord.y - 0.5)) * vec2(cos(TAU * coord.x), sin(TAU * coord.x)), "
                + "sin(PI * (coord.y - 0.5)))";
        } else {
            frame.error(path() + ": unknown shape '" + shape + "'; using :plane");
            point = "vec3(coord * size, 0.0)";
            shape = "plane";
        }
        String orientation = shape.equals("plane") ? "IMPROVE_XY * p" : "dot(p, vec3(2.0 / 3.0)) - p";
        return prologue(node, frame, children)
            + "uniform float seed_hash;\n"
            + "uniform int components;\n"
            + "uniform int octaves;\n"
            + "uniform float roughness;\n"
            + "uniform vec2 origin;\n"
            + "uniform float z;\n"
            + "uniform vec3 scale;\n"
            + "uniform vec3 tscale;\n"
            + "uniform float multiplier;\n"
            + "uniform float offset;\n"
            + "uniform vec4 defaults;\n"
            + "const float PI = 3.141592653589793;\n"
            + "const float TAU = 6.283185307179586;\n"
            + Noise.SOURCE
            + "float noise(float seed, vec3 p) {\n"
            + "    p = " + orientation + ";\n"
            + "    return lattice_noise(seed, p) + lattice_noise(seed, p + 144.5);\n"
            + "}\n"
            + "void main() {\n"
            + "    vec3 point = (" + point + " + vec3(origin, z) + merge(coord).rgb * tscale) * scale;\n"
            + "    float seeds[4];\n"
            + "    seeds[0] = seed_hash;\n"
            + "    for (int j = 1; j < 4; j++) {\n"
            + "        seeds[j] = permute(seeds[j - 1] + 1.0);\n"
            + "    }\n"
            + "    int n = clamp(components, 1, 4);\n"
            + "    vec4 total = vec4(0.0);\n"
            + "    float weight = 0.0;\n"
            + "    float k = 1.0;\n"
            + "    for (int i = 0; i < octaves; i++) {\n"
            + "        for (int j = 0; j < n; j++) {\n"
            + "            total[j] += noise(seeds[j], point / k) * k;\n"
            + "        }\n"
            + "        weight += k;\n"
            + "        k *= roughness;\n"
            + "    }\n"
            + "    vec4 result = defaults;\n"
            + "    for (int j = 0; j < n; j++) {\n"
            + "        result[j] = total[j] / weight * multiplier + offset;\n"
            + "    }\n"
            + "    color = result * alpha;\n"
            + "}\n";
    }
}
