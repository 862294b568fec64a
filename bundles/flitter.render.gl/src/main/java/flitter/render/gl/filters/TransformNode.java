package flitter.render.gl.filters;

import java.util.Map;

import flitter.model.Node;
import flitter.model.Vector;
import flitter.render.gl.GlContext;
import flitter.render.gl.WindowFrame;

/**
 * {@code !transform}: composites its children, then scales ({@code scale=}), rotates clockwise in turns
 * ({@code rotate=}), translates in pixels with y up ({@code translate=}) and keystones ({@code keystone=})
 * the result about the centre of the image; the rightmost attribute applies first.
 */
final class TransformNode extends FilterNode {
    private Vector inverse = Vector.of(1, 0, 0, 0, 1, 0, 0, 0, 1);

    TransformNode(GlContext gl) {
        super(gl, Map.of());
    }

    @Override
    protected Vector defaultAttribute(String name, int children) {
        return name.equals("transform") ? inverse : null;
    }

    @Override
    protected void render(Node node, WindowFrame frame) {
        Affine matrix = Affine.IDENTITY;
        for (Map.Entry<String, Vector> attribute : node.attributes().entrySet()) {
            Affine step = step(attribute.getKey(), attribute.getValue());
            if (step != null) {
                matrix = matrix.times(step);
            }
        }
        Affine invert = matrix.inverse();
        inverse = invert == null ? Vector.of(0, 0, 0, 0, 0, 0, 0, 0, 1) : invert.columns();
        super.render(node, frame);
    }

    /** One attribute's transform, or null when the attribute is not a transform or not a valid one. */
    private Affine step(String name, Vector value) {
        switch (name) {
            case "scale": {
                double[] s = value.numbers(2);
                return s == null ? null : new Affine(s[0], 0, 0, 0, s[1], 0, 0, 0, 1);
            }
            case "translate": {
                double[] t = value.numbers(2);
                return t == null ? null : new Affine(1, 0, t[0], 0, 1, t[1], 0, 0, 1);
            }
            case "rotate": {
                double[] turns = value.numbers(1);
                if (turns == null || turns.length != 1) {
                    return null;
                }
                double c = Math.cos(2 * Math.PI * turns[0]);
                double s = Math.sin(2 * Math.PI * turns[0]);
                return new Affine(c, s, 0, -s, c, 0, 0, 0, 1);
            }
            case "keystone": {
                double[] k = value.numbers(2);
                return k == null ? null : new Affine(1, 0, 0, 0, 1, 0, k[0] / width(), k[1] / height(), 1);
            }
            default:
                return null;
        }
    }

    @Override
    protected String fragmentSource(Node node, WindowFrame frame, int children) {
        return prologue(node, frame, children)
            + "uniform mat3 transform;\n"
            + "void main() {\n"
            + "    vec3 source = transform * vec3((coord - 0.5) * size, 1.0);\n"
            + "    color = merge(source.xy / (source.z * size) + 0.5) * alpha;\n"
            + "}\n";
    }

    /** A 3x3 matrix acting on (x, y, 1) pixel positions about the centre, given row by row. */
    private record Affine(double a, double b, double c, double d, double e, double f, double g, double h, double i) {
        static final Affine IDENTITY = new Affine(1, 0, 0, 0, 1, 0, 0, 0, 1);

        Affine times(Affine o) {
            return new Affine(
                a * o.a + b * o.d + c * o.g, a * o.b + b * o.e + c * o.h, a * o.c + b * o.f + c * o.i,
                d * o.a + e * o.d + f * o.g, d * o.b + e * o.e + f * o.h, d * o.c + e * o.f + f * o.i,
                g * o.a + h * o.d + i * o.g, g * o.b + h * o.e + i * o.h, g * o.c + h * o.f + i * o.i);
        }

        /** The inverse, or null when the matrix is singular (a zero scale). */
        Affine inverse() {
            double ei = e * i - f * h;
            double fg = f * g - d * i;
            double dh = d * h - e * g;
            double det = a * ei + b * fg + c * dh;
            if (det == 0 || !Double.isFinite(det)) {
                return null;
            }
            return new Affine(
                ei / det, (c * h - b * i) / det, (b * f - c * e) / det,
                fg / det, (a * i - c * g) / det, (c * d - a * f) / det,
                dh / det, (b * g - a * h) / det, (a * e - b * d) / det);
        }

        /** Column-major, as a GLSL {@code mat3} uniform takes it. */
        Vector columns() {
            return Vector.of(a, d, g, b, e, h, c, f, i);
        }
    }
}
