package flitter.language.builtins;

import flitter.model.Vector;

/**
 * The colour built-ins: {@code colortemp hsl hsv oklab oklch}, each giving linear sRGB.
 */
public final class ColorLibrary implements Library {
    @Override
    public void register(Registry registry) {
        registry.add(new Builtin("colortemp", Parameters.of("t", "normalize").withDefaults(Vector.FALSE),
            (context, args) -> colortemp(args[0], args[1])));
        registry.add(Builtin.of("hsl", (context, args) -> hsl(args[0]), "color"));
        registry.add(Builtin.of("hsv", (context, args) -> hsv(args[0]), "color"));
        registry.add(Builtin.of("oklab", (context, args) -> oklab(args[0]), "lab"));
        registry.add(Builtin.of("oklch", (context, args) -> oklch(args[0]), "lch"));
    }

    // Python's min(a, b) and max(a, b) as Cython compiles them for C doubles: the first argument
    // wins unless the second is strictly beyond it (so a NaN second argument loses).

    private static double min(double a, double b) {
        return b < a ? b : a;
    }

    private static double max(double a, double b) {
        return b > a ? b : a;
    }

    private static double hueToRgb(double m1, double m2, double h) {
        h = MathsLibm.pyMod(h, 6);
        if (h < 1) {
            return m1 + (m2 - m1) * h;
        }
        if (h < 3) {
            return m2;
        }
        if (h < 4) {
            return m1 + (m2 - m1) * (4 - h);
        }
        return m1;
    }

    private static Vector hslToRgb(double h, double s, double l) {
        double m2 = l <= 0.5 ? l * (s + 1) : l + s - l * s;
        double m1 = l * 2 - m2;
        h *= 6;
        return Vector.of(hueToRgb(m1, m2, h + 2), hueToRgb(m1, m2, h), hueToRgb(m1, m2, h - 2));
    }

    /** {@code hsl(h;s;l)}: s and l are clamped to [0,1]; h is in turns. */
    private static Vector hsl(Vector color) {
        double[] c = color.numbers();
        if (c == null || c.length != 3) {
            return Vector.NULL;
        }
        double saturation = min(max(0, c[1]), 1);
        double lightness = min(max(0, c[2]), 1);
        return hslToRgb(c[0], saturation, lightness);
    }

    /** {@code hsv(h[;s[;v]])}: s and v default to 1 and are clamped to [0,1]. */
    private static Vector hsv(Vector color) {
        double[] c = color.numbers();
        if (c == null || c.length > 3) {
            return Vector.NULL;
        }
        double hue = c[0];
        double saturation = c.length > 1 ? c[1] : 1;
        double value = c.length == 3 ? c[2] : 1;
        saturation = min(max(0, saturation), 1);
        value = min(max(0, value), 1);
        double lightness = value * (1 - saturation / 2);
        double s = lightness == 0 || lightness == 1 ? 0 : (value - lightness) / min(lightness, 1 - lightness);
        return hslToRgb(hue, s, lightness);
    }

    /**
     * {@code colortemp(t, normalize=false)}: the colour of a black body at each temperature {@code t}
     * (kelvin, clamped to [1667,25000] for the chromaticity), by the Kim et al. cubic spline
     * approximation of the Planckian locus; brightness grows as (t/6503.5)⁴ unless normalized.
     */
    private static Vector colortemp(Vector t, Vector normalize) {
        double[] ts = t.numbers();
        if (ts == null) {
            return Vector.NULL;
        }
        boolean norm = normalize.asBool();
        int n = ts.length;
        double[] rgb = new double[3 * n];
        for (int i = 0; i < n; i++) {
            double T = min(max(1667, ts[i]), 25000);
            double T2 = T * T;
            double x;
            if (T < 4000) {
                x = -0.2661239e9 / (T * T2) - 0.2343589e6 / T2 + 0.8776956e3 / T + 0.179910;
            } else {
                x = -3.0258469e9 / (T * T2) + 2.1070379e6 / T2 + 0.2226347e3 / T + 0.240390;
            }
            double x2 = x * x;
            double y;
            if (T < 2222) {
                y = -1.1063814 * x * x2 - 1.34811020 * x2 + 2.18555832 * x - 0.20219683;
            } else if (T < 4000) {
                y = -0.9549476 * x * x2 - 1.37418593 * x2 + 2.09137015 * x - 0.16748867;
            } else {
                y = 3.0817580 * x * x2 - 5.87338670 * x2 + 3.75112997 * x - 0.37001483;
            }
            double Y = norm ? 1 : MathsExact.pow(max(0, ts[i]) / 6503.5, 4);
            double X = Y * x / y;
            double Z = Y * (1 - x - y) / y;
            rgb[3 * i] = max(0, 3.2406255 * X - 1.537208 * Y - 0.4986286 * Z);
            rgb[3 * i + 1] = max(0, -0.9689307 * X + 1.8757561 * Y + 0.0415175 * Z);
            rgb[3 * i + 2] = max(0, 0.0557101 * X - 0.2040211 * Y + 1.0569959 * Z);
        }
        return Vector.of(rgb);
    }

    // --- OKLab -------------------------------------------------------------------------------------
    // 3x3 matrices in column-major order, inverted exactly as the original's Matrix33.inverse() does.

    private static final double[] OKLAB_M1_INV = QuaternionLibrary.inverse33(new double[] {0.8189330101, 0.0329845436, 0.0482003018,
        0.3618667424, 0.9293118715, 0.2643662691, -0.1288597137, 0.0361456387, 0.6338517070});
    private static final double[] OKLAB_M2_INV = QuaternionLibrary.inverse33(new double[] {0.2104542553, 1.9779984951, 0.0259040371,
        0.7936177850, -2.4285922050, 0.7827717662, -0.0040720468, 0.4505937099, -0.8086757660});
    private static final double[] XYZ_TO_SRGB = {3.2406, -0.9689, 0.0557, -1.5372, 1.8758, -0.2040, -0.4986, 0.0415,
        1.0570};

    private static double[] multiply(double[] a, double b0, double b1, double b2) {
        return new double[] {
            a[0] * b0 + a[3] * b1 + a[6] * b2,
            a[1] * b0 + a[4] * b1 + a[7] * b2,
            a[2] * b0 + a[5] * b1 + a[8] * b2};
    }

    /** OKLab L;a;b to linear sRGB, by way of LMS (cubed) and CIE XYZ, as the original does it. */
    private static Vector labToRgb(double l, double a, double b) {
        double[] lms = multiply(OKLAB_M2_INV, l, a, b);
        double[] xyz = multiply(OKLAB_M1_INV, MathsExact.pow(lms[0], 3), MathsExact.pow(lms[1], 3),
            MathsExact.pow(lms[2], 3));
        double[] rgb = multiply(XYZ_TO_SRGB, xyz[0], xyz[1], xyz[2]);
        return Vector.of(rgb);
    }

    private static Vector oklab(Vector lab) {
        double[] c = lab.numbers();
        if (c == null || c.length != 3) {
            return Vector.NULL;
        }
        return labToRgb(c[0], c[1], c[2]);
    }

    /** {@code oklch(L;C;h)}: OKLab in polar form, h in turns. */
    private static Vector oklch(Vector lch) {
        double[] c = lch.numbers();
        if (c == null || c.length != 3) {
            return Vector.NULL;
        }
        return labToRgb(c[0], c[1] * MathsLibm.cost(c[2]), c[1] * MathsLibm.sint(c[2]));
    }
}
