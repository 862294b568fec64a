package flitter.render.gl;

/** The standard shader sources: the full-frame vertex shader and the compositing fragment shader. */
final class Shaders {
    private Shaders() {
    }

    static String defaultVertex(String header) {
        return header + "\n"
            + "in vec2 position;\n"
            + "out vec2 coord;\n"
            + "void main() {\n"
            + "    gl_Position = vec4(position, 0.0, 1.0);\n"
            + "    coord = position * 0.5 + 0.5;\n"
            + "}\n";
    }

    /**
     * Composites {@code children} textures, first at the bottom, with the named blend on premultiplied
     * colours, then multiplies by {@code alpha}. No children: transparent.
     */
    static String composite(String header, int children, String composite) {
        return header + "\n"
            + "in vec2 coord;\n"
            + "out vec4 color;\n"
            + "uniform float alpha;\n"
            + merge(children, composite)
            + "void main() {\n"
            + "    color = merge(coord) * alpha;\n"
            + "}\n";
    }

    /**
     * Declares {@code texture0…} and defines {@code vec4 merge(vec2 point)}: the children at {@code point},
     * first at the bottom, blended with the named composite; transparent when there are none.
     */
    static String merge(int children, String composite) {
        StringBuilder source = new StringBuilder();
        for (int i = 0; i < children; i++) {
            source.append("uniform sampler2D texture").append(i).append(";\n");
        }
        source.append("vec4 blend(vec4 s, vec4 d) {\n").append("    return ").append(blend(composite)).append(";\n}\n");
        source.append("vec4 merge(vec2 point) {\n");
        if (children == 0) {
            source.append("    return vec4(0.0);\n");
        } else {
            source.append("    vec4 result = texture(texture0, point);\n");
            for (int i = 1; i < children; i++) {
                source.append("    result = blend(texture(texture").append(i).append(", point), result);\n");
            }
            source.append("    return result;\n");
        }
        return source.append("}\n").toString();
    }

    /** The blend of a source {@code s} over what is already there, {@code d}; both premultiplied. */
    private static String blend(String composite) {
        switch (composite) {
            case "dest_over":
                return "s * (1.0 - d.a) + d";
            case "lighten":
                return "max(s, d)";
            case "darken":
                return "min(s, d)";
            case "add":
                return "vec4(s.rgb + d.rgb, min(s.a + d.a, 1.0))";
            case "difference":
                return "vec4(abs(d.rgb - s.rgb), max(s.a, d.a))";
            case "multiply":
                return "s * d";
            default:
                return "s + d * (1.0 - s.a)";
        }
    }
}
