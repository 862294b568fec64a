package flitter.language.builtins;

/**
 * The C library's transcendental functions, as close to glibc's (x86-64, glibc 2.36) as Java can get
 * them.
 *
 * <p>glibc's {@code asin}, {@code acos}, {@code atan2}, {@code log2} and {@code pow} are nearly
 * correctly rounded (a wrong last bit in well under 1% of arguments), whereas Java's (fdlibm) differ
 * from them in the last bit for 6% ({@code asin}, {@code acos}) to 18% ({@code atan2}) of arguments.
 * So these are computed here correctly rounded instead: the fdlibm result is refined by one Newton step
 * evaluated in double-double arithmetic (or, for {@code log2} and the small whole powers, the result
 * is computed in double-double outright). In sampling against glibc this leaves last-bit differences
 * only where glibc itself is not correctly rounded (about 0.05-0.6% of arguments).
 *
 * <p>{@code sin}, {@code cos}, {@code tan} and {@code exp} come from {@link Math}, which agrees with
 * glibc on all but 0.1-0.4% of arguments (a last-bit difference; correct rounding would not do much
 * better, as glibc's own results are not always correctly rounded).
 */
final class MathsExact {
    private MathsExact() {
    }

    static double sin(double x) {
        return Math.sin(x);
    }

    static double cos(double x) {
        return Math.cos(x);
    }

    static double tan(double x) {
        return Math.tan(x);
    }

    static double exp(double x) {
        return Math.exp(x);
    }

    // --- double-double arithmetic: an unevaluated sum hi + lo with |lo| <= ulp(hi)/2 ---------------

    private static final class DD {
        final double hi;
        final double lo;

        DD(double hi, double lo) {
            this.hi = hi;
            this.lo = lo;
        }
    }

    /** hi + lo normalized, given |a| >= |b| (or a == 0). */
    private static DD quickTwoSum(double a, double b) {
        double s = a + b;
        return new DD(s, b - (s - a));
    }

    private static DD twoSum(double a, double b) {
        double s = a + b;
        double bb = s - a;
        return new DD(s, (a - (s - bb)) + (b - bb));
    }

    private static DD add(DD x, DD y) {
        DD s = twoSum(x.hi, y.hi);
        DD t = twoSum(x.lo, y.lo);
        DD u = quickTwoSum(s.hi, s.lo + t.hi);
        return quickTwoSum(u.hi, u.lo + t.lo);
    }

    private static DD add(DD x, double y) {
        DD s = twoSum(x.hi, y);
        return quickTwoSum(s.hi, s.lo + x.lo);
    }

    private static DD neg(DD x) {
        return new DD(-x.hi, -x.lo);
    }

    private static DD mul(DD x, DD y) {
        double p = x.hi * y.hi;
        double e = Math.fma(x.hi, y.hi, -p);
        return quickTwoSum(p, e + (x.hi * y.lo + x.lo * y.hi));
    }

    private static DD mul(DD x, double y) {
        double p = x.hi * y;
        double e = Math.fma(x.hi, y, -p);
        return quickTwoSum(p, e + x.lo * y);
    }

    private static DD div(DD x, DD y) {
        double q1 = x.hi / y.hi;
        DD r = add(x, neg(mul(y, q1)));
        double q2 = r.hi / y.hi;
        r = add(r, neg(mul(y, q2)));
        double q3 = r.hi / y.hi;
        return add(quickTwoSum(q1, q2), q3);
    }

    private static final DD ONE = new DD(1, 0);
    /** π/2 = 0x1.921fb54442d18p+0 + 0x1.1a62633145c07p-54 (to 2^-107). */
    private static final DD HALF_PI = new DD(0x1.921fb54442d18p+0, 0x1.1a62633145c07p-54);
    /** 1/ln(2) = 0x1.71547652b82fep+0 + 0x1.777d0ffda0d24p-56. */
    private static final DD INV_LN2 = new DD(0x1.71547652b82fep+0, 0x1.777d0ffda0d24p-56);

    // Power series, evaluated in double-double for the leading terms and in double for the tail
    // (whose terms are small enough that double precision keeps the sum to about 2^-80 relative).

    /** Sine series coefficients (-1)^k / (2k+1)!, for |r| <= π/4. */
    private static final DD[] SIN_HEAD = new DD[5];
    private static final double[] SIN_TAIL = new double[10];
    /** Cosine series coefficients (-1)^k / (2k)!. */
    private static final DD[] COS_HEAD = new DD[6];
    private static final double[] COS_TAIL = new double[10];
    /** 1 / (2k+1), the series of atanh(s)/s, for |s| < 0.172. */
    private static final DD[] ATANH_HEAD = new DD[5];
    private static final double[] ATANH_TAIL = new double[12];

    static {
        DD factorial = ONE;
        DD[] inverseFactorials = new DD[2 * (COS_HEAD.length + COS_TAIL.length)];
        for (int n = 0; n < inverseFactorials.length; n++) {
            if (n > 0) {
                factorial = mul(factorial, n);
            }
            DD term = div(ONE, factorial);
            inverseFactorials[n] = (n / 2) % 2 == 1 ? neg(term) : term;
        }
        for (int k = 0; k < SIN_HEAD.length + SIN_TAIL.length; k++) {
            split(k, inverseFactorials[2 * k + 1], SIN_HEAD, SIN_TAIL);
        }
        for (int k = 0; k < COS_HEAD.length + COS_TAIL.length; k++) {
            split(k, inverseFactorials[2 * k], COS_HEAD, COS_TAIL);
        }
        for (int k = 0; k < ATANH_HEAD.length + ATANH_TAIL.length; k++) {
            split(k, div(ONE, new DD(2 * k + 1, 0)), ATANH_HEAD, ATANH_TAIL);
        }
    }

    private static void split(int k, DD coeff, DD[] head, double[] tail) {
        if (k < head.length) {
            head[k] = coeff;
        } else {
            tail[k - head.length] = coeff.hi;
        }
    }

    // The hot paths below work on hi/lo pairs in local variables rather than DD objects.

    /**
     * The series sum of head[k] x^k then tail[k] x^(k + head.length) for x = xh + xl, into
     * out[at] (hi) and out[at + 1] (lo).
     */
    private static void series(DD[] head, double[] tail, double xh, double xl, double[] out, int at) {
        double t = tail[tail.length - 1];
        for (int i = tail.length - 2; i >= 0; i--) {
            t = t * xh + tail[i];
        }
        double sh = t;
        double sl = 0;
        for (int i = head.length - 1; i >= 0; i--) {
            // (sh, sl) = (sh, sl) * (xh, xl) + head[i]
            double p = sh * xh;
            double e = Math.fma(sh, xh, -p) + (sh * xl + sl * xh);
            double c = head[i].hi;
            double u = p + c;
            double v = u - p;
            e += (p - (u - v)) + (c - v) + head[i].lo;
            sh = u + e;
            sl = e - (sh - u);
        }
        out[at] = sh;
        out[at + 1] = sl;
    }

    /**
     * The sine (or, given {@code cosine}, the cosine) of a double |t| <= π in double-double: {hi, lo}.
     */
    private static double[] sinOrCos(double t, boolean cosine) {
        double k = Math.rint(t / HALF_PI.hi);
        // k is -2..2, so k * HALF_PI.hi and k * HALF_PI.lo are exact; r = t - k π/2 in double-double.
        double a = -k * HALF_PI.hi;
        double rh = t + a;
        double bb = rh - t;
        double rl = (t - (rh - bb)) + (a - bb) - k * HALF_PI.lo;
        double h = rh + rl;
        rl = rl - (h - rh);
        rh = h;
        double r2h = rh * rh;
        double r2l = Math.fma(rh, rh, -r2h) + 2 * rh * rl;
        double[] out = new double[2];
        // sin(t) is ±sin(r) or ±cos(r) by quadrant; cos(t) = sin(t + π/2) is one quadrant on.
        int quadrant = ((int) k + (cosine ? 1 : 0)) & 3;
        if ((quadrant & 1) == 0) {
            series(SIN_HEAD, SIN_TAIL, r2h, r2l, out, 0);
            // sin r = r * series
            double sh = out[0] * rh;
            double sl = Math.fma(out[0], rh, -sh) + (out[0] * rl + out[1] * rh);
            out[0] = sh + sl;
            out[1] = sl - (out[0] - sh);
        } else {
            series(COS_HEAD, COS_TAIL, r2h, r2l, out, 0);
        }
        if (quadrant >= 2) {
            out[0] = -out[0];
            out[1] = -out[1];
        }
        return out;
    }

    /** Correctly rounded {@code asin(x)}. */
    static double asin(double x) {
        double t = StrictMath.asin(x);
        if (!(Math.abs(x) < 1) || x == 0) {
            return t;
        }
        double[] sin = sinOrCos(t, false);
        // Newton: t + (x - sin t) / cos t; x - sin t is small, its leading difference exact.
        double residual = (x - sin[0]) - sin[1];
        return t + residual / Math.cos(t);
    }

    /** Correctly rounded {@code acos(x)}. */
    static double acos(double x) {
        double t = StrictMath.acos(x);
        if (!(Math.abs(x) < 1)) {
            return t;
        }
        double[] cos = sinOrCos(t, true);
        double residual = (cos[0] - x) + cos[1];
        return t + residual / Math.sin(t);
    }

    /** Correctly rounded {@code atan2(y, x)}. */
    static double atan2(double y, double x) {
        double t = StrictMath.atan2(y, x);
        if (!(Double.isFinite(x) && Double.isFinite(y)) || x == 0 || y == 0) {
            return t;
        }
        int e = Math.max(Math.getExponent(x), Math.getExponent(y));
        double xs = Math.scalb(x, -e);
        double ys = Math.scalb(y, -e);
        if (Math.abs(xs) < 0x1p-500) {
            // |y/x| > 2^500: ±π/2 less a negligible x/y, which rounds to ±π/2 (fdlibm can be an ulp
            // off here when x < 0).
            return Math.copySign(HALF_PI.hi, y);
        }
        if (Math.abs(ys) < 0x1p-500) {
            // |y/x| < 2^-500: y/x correctly rounded, or ±π (fdlibm gets both right).
            return t;
        }
        double[] sin = sinOrCos(t, false);
        double[] cos = sinOrCos(t, true);
        // Newton on y cos t - x sin t = 0.
        double p1 = ys * cos[0];
        double e1 = Math.fma(ys, cos[0], -p1);
        double p2 = xs * sin[0];
        double e2 = Math.fma(xs, sin[0], -p2);
        double residual = (p1 - p2) + ((e1 - e2) + (ys * cos[1] - xs * sin[1]));
        double slope = xs * cos[0] + ys * sin[0];
        return t + residual / slope;
    }

    private static final double SQRT2 = 1.4142135623730951;

    /** Correctly rounded {@code log2(x)}: the exponent plus log(mantissa)/ln(2), in double-double. */
    static double log2(double x) {
        if (!(x > 0) || Double.isInfinite(x)) {
            return Math.log(x);
        }
        int e = Math.getExponent(x);
        if (e < Double.MIN_EXPONENT) {
            e = Math.getExponent(x * 0x1p54) - 54;
        }
        double m = Math.scalb(x, -e);
        if (m > SQRT2) {
            m *= 0.5;
            e++;
        }
        if (m == 1) {
            return e;
        }
        // log(m) = 2 atanh(s), s = (m-1)/(m+1), |s| < 0.172; m - 1 is exact, m + 1 = dh + dl exactly.
        double f = m - 1;
        double dh = m + 1;
        double dl = m - (dh - 1);
        double sh = f / dh;
        double sl = (Math.fma(-sh, dh, f) - sh * dl) / dh;
        double s2h = sh * sh;
        double s2l = Math.fma(sh, sh, -s2h) + 2 * sh * sl;
        double[] out = new double[2];
        series(ATANH_HEAD, ATANH_TAIL, s2h, s2l, out, 0);
        // log = 2 s series
        double lh = 2 * out[0] * sh;
        double ll = 2 * (Math.fma(out[0], sh, -out[0] * sh) + (out[0] * sl + out[1] * sh));
        // log2 = e + log / ln 2
        double ph = lh * INV_LN2.hi;
        double pl = Math.fma(lh, INV_LN2.hi, -ph) + (lh * INV_LN2.lo + ll * INV_LN2.hi);
        double u = e + ph;
        double v = u - e;
        double err = (e - (u - v)) + (ph - v) + pl;
        return u + err;
    }

    /**
     * Correctly rounded {@code pow(x, y)} for y = 2, 3 and 4 (the whole powers the colour functions
     * use), from exact double-double products; {@link Math#pow} otherwise.
     */
    static double pow(double x, double y) {
        double a = Math.abs(x);
        if ((y == 2 || y == 3 || y == 4) && a >= 0x1p-240 && a <= 0x1p240) {
            double h = x * x;
            double l = Math.fma(x, x, -h);
            if (y == 2) {
                return h;
            }
            if (y == 3) {
                double p = h * x;
                return p + (Math.fma(h, x, -p) + l * x);
            }
            double p = h * h;
            return p + (Math.fma(h, h, -p) + 2 * h * l + l * l);
        }
        return Math.pow(x, y);
    }
}
