package flitter.render.gl.filters;

/** GLSL functions that more than one filter uses. */
final class Glsl {
    private Glsl() {
    }

    /**
     * {@code blur(image, point, radius, sigma, step)}: a normalised 1D Gaussian over {@code radius}
     * texels either side along {@code step}, with standard deviation {@code sigma} texels.
     */
    static final String BLUR = ""
        + "vec4 blur(sampler2D image, vec2 point, int radius, float sigma, vec2 step) {\n"
        + "    vec4 total = texture(image, point);\n"
        + "    float weights = 1.0;\n"
        + "    float spread = 2.0 * sigma * sigma;\n"
        + "    for (int i = 1; i <= radius; i++) {\n"
        + "        float w = exp(-float(i * i) / spread);\n"
        + "        vec2 offset = float(i) * step;\n"
        + "        total += w * (texture(image, point + offset) + texture(image, point - offset));\n"
        + "        weights += 2.0 * w;\n"
        + "    }\n"
        + "    return total / weights;\n"
        + "}\n";

    /** {@code luminance(rgb)}: linear Rec. 709 luminance. */
    static final String LUMINANCE = ""
        + "float luminance(vec3 rgb) {\n"
        + "    return dot(rgb, vec3(0.2126, 0.7152, 0.0722));\n"
        + "}\n";

    /**
     * {@code tone(rgb, exposure, contrast, brightness, shadows, highlights)} on straight (not
     * premultiplied) colour: exposure in stops, contrast around 0.5, brightness added, then shadows
     * (luminance below 0.25, fully at 0) and highlights (above 0.5, fully at 1) in stops.
     */
    static final String TONE = LUMINANCE
        + "vec3 tone(vec3 rgb, float exposure, float contrast, float brightness, float shadows, float highlights) {\n"
        + "    rgb = (rgb * exp2(exposure) - 0.5) * contrast + 0.5 + brightness;\n"
        + "    float l = luminance(rgb);\n"
        + "    float dark = clamp((0.25 - l) * 4.0, 0.0, 1.0);\n"
        + "    float light = clamp((l - 0.5) * 2.0, 0.0, 1.0);\n"
        + "    return rgb * exp2(shadows * dark + highlights * light);\n"
        + "}\n";

    /** {@code straight(c)}: un-premultiplied colour of {@code c} (black where transparent). */
    static final String STRAIGHT = ""
        + "vec3 straight(vec4 c) {\n"
        + "    return c.a > 0.0 ? c.rgb / c.a : vec3(0.0);\n"
        + "}\n";

    /** {@code hsv_of(rgb)} and {@code rgb_of(hsv)}: the HSV cylinder, hue in turns. */
    static final String HSV = ""
        + "vec3 hsv_of(vec3 c) {\n"
        + "    float hi = max(c.r, max(c.g, c.b));\n"
        + "    float d = hi - min(c.r, min(c.g, c.b));\n"
        + "    float h = 0.0;\n"
        + "    if (d > 0.0) {\n"
        + "        h = hi == c.r ? (c.g - c.b) / d : hi == c.g ? 2.0 + (c.b - c.r) / d : 4.0 + (c.r - c.g) / d;\n"
        + "        h = fract(h / 6.0);\n"
        + "    }\n"
        + "    return vec3(h, hi > 0.0 ? d / hi : 0.0, hi);\n"
        + "}\n"
        + "vec3 rgb_of(vec3 hsv) {\n"
        + "    vec3 sector = abs(fract(hsv.x + vec3(0.0, 2.0, 1.0) / 3.0) * 6.0 - 3.0);\n"
        + "    return hsv.z * mix(vec3(1.0), clamp(sector - 1.0, 0.0, 1.0), hsv.y);\n"
        + "}\n";
}
