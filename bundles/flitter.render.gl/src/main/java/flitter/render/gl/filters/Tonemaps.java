package flitter.render.gl.filters;

/**
 * The tone-mapping curves of {@code !adjust}, each as GLSL defining {@code vec3 tonemap(vec3 rgb)}.
 * ACES is Stephen Hill's fit of the RRT and ODT (as in MJP's BakingLab); AgX is the minimal polynomial
 * fit published by the iolite engine, with its "punchy" look.
 */
final class Tonemaps {
    private Tonemaps() {
    }

    private static final String AGX = ""
        + "vec3 agx_encode(vec3 rgb) {\n"
        + "    const mat3 inset = mat3(0.842479062253094, 0.0423282422610123, 0.0423756549057051,\n"
        + "                            0.0784335999999992, 0.878468636469772, 0.0784336,\n"
        + "                            0.0792237451477643, 0.0791661274605434, 0.879142973793104);\n"
        + "    const float lowest = -12.47393;\n"
        + "    const float highest = 4.026069;\n"
        + "    vec3 x = (clamp(log2(inset * rgb), lowest, highest) - lowest) / (highest - lowest);\n"
        + "    vec3 x2 = x * x;\n"
        + "    vec3 x4 = x2 * x2;\n"
        + "    return 15.5 * x4 * x2 - 40.14 * x4 * x + 31.96 * x4 - 6.868 * x2 * x + 0.4298 * x2 + 0.1191 * x - 0.00232;\n"
        + "}\n"
        + "vec3 agx_decode(vec3 rgb) {\n"
        + "    const mat3 outset = mat3(1.19687900512017, -0.0528968517574562, -0.0529716355144438,\n"
        + "                             -0.0980208811401368, 1.15190312990417, -0.0980434501171241,\n"
        + "                             -0.0990297440797205, -0.0989611768448433, 1.15107367264116);\n"
        + "    return outset * rgb;\n"
        + "}\n";

    /** The curve named (null: none, the identity). */
    static String source(String name) {
        if (name == null) {
            return "vec3 tonemap(vec3 rgb) {\n    return rgb;\n}\n";
        }
        switch (name) {
            case "reinhard":
                return "vec3 tonemap(vec3 rgb) {\n"
                    + "    vec3 mapped = rgb / (1.0 + rgb);\n"
                    + "    return whitepoint > 1.0 ? mapped * (1.0 + rgb / (whitepoint * whitepoint)) : mapped;\n"
                    + "}\n";
            case "aces":
                return "vec3 tonemap(vec3 rgb) {\n"
                    + "    const mat3 into = mat3(0.59719, 0.07600, 0.02840, 0.35458, 0.90834, 0.13383, 0.04823, 0.01566, 0.83777);\n"
                    + "    const mat3 back = mat3(1.60475, -0.10208, -0.00327, -0.53108, 1.10813, -0.07276, -0.07367, -0.00605, 1.07602);\n"
                    + "    vec3 v = into * rgb;\n"
                    + "    v = (v * (v + 0.0245786) - 0.000090537) / (v * (0.983729 * v + 0.4329510) + 0.238081);\n"
                    + "    return back * v;\n"
                    + "}\n";
            case "agx":
                return AGX + "vec3 tonemap(vec3 rgb) {\n    return agx_decode(agx_encode(rgb));\n}\n";
            default:
                return AGX + "vec3 tonemap(vec3 rgb) {\n"
                    + "    vec3 v = agx_encode(rgb);\n"
                    + "    float luma = dot(v, vec3(0.2126, 0.7152, 0.0722));\n"
                    + "    v = luma + 1.4 * (pow(v, vec3(1.35)) - luma);\n"
                    + "    return agx_decode(v);\n"
                    + "}\n";
        }
    }
}
