package flitter.language.builtins;

import flitter.model.Vector;

/**
 * Rotations: {@code quaternion}, {@code qmul}, {@code qbetween}, {@code slerp}, {@code point_towards}
 * and the matrix {@code inverse}. Quaternions are {@code w;x;y;z}, matrices column-major, angles in
 * turns, with the original's formulas and order of operations.
 */
final class QuaternionLibrary implements Library {
    @Override
    public void register(Registry registry) {
        registry.add(Builtin.of("quaternion", (c, a) -> quaternion(a[0], a[1]), "axis", "angle"));
        registry.add(Builtin.of("qmul", (c, a) -> qmul(a[0], a[1]), "a", "b"));
        registry.add(Builtin.of("qbetween", (c, a) -> qbetween(a[0], a[1]), "a", "b"));
        registry.add(Builtin.of("slerp", (c, a) -> slerp(a[0], a[1], a[2]), "t", "a", "b"));
        registry.add(Builtin.of("point_towards", (c, a) -> pointTowards(a[0], a[1]), "direction", "up"));
        registry.add(Builtin.of("inverse", (c, a) -> inverse(a[0]), "matrix"));
    }

    private static double[] numbers(Vector v, int length) {
        double[] numbers = v.numbers();
        return numbers != null && numbers.length == length ? numbers : null;
    }

    static Vector quaternion(Vector axisVector, Vector angleVector) {
        double[] axis = numbers(axisVector, 3);
        double[] angle = numbers(angleVector, 1);
        if (axis == null || angle == null) {
            return Vector.NULL;
        }
        double x = axis[0];
        double y = axis[1];
        double z = axis[2];
        double half = angle[0] / 2;
        double k = MathsLibm.sint(half) / Math.sqrt(x * x + y * y + z * z);
        return Vector.of(MathsLibm.cost(half), k * x, k * y, k * z);
    }

    private static double[] multiply(double[] a, double[] b) {
        double aw = a[0];
        double ax = a[1];
        double ay = a[2];
        double az = a[3];
        double bw = b[0];
        double bx = b[1];
        double by = b[2];
        double bz = b[3];
        return new double[] {
            aw * bw - ax * bx - ay * by - az * bz,
            aw * bx + ax * bw + ay * bz - az * by,
            aw * by + ay * bw + az * bx - ax * bz,
            aw * bz + az * bw + ax * by - ay * bx};
    }

    /** Rotates the 3-vector {@code v} by the quaternion {@code a}. */
    private static double[] conjugate(double[] a, double[] v) {
        double x = v[0];
        double y = v[1];
        double z = v[2];
        double aw = a[0];
        double ax = a[1];
        double ay = a[2];
        double az = a[3];
        double bw = -ax * x - ay * y - az * z;
        double bx = aw * x + ay * z - az * y;
        double by = aw * y + az * x - ax * z;
        double bz = aw * z + ax * y - ay * x;
        double s = 1 / (ax * ax + ay * ay + az * az + aw * aw);
        aw *= s;
        ax *= -s;
        ay *= -s;
        az *= -s;
        return new double[] {
            bw * ax + bx * aw + by * az - bz * ay,
            bw * ay + by * aw + bz * ax - bx * az,
            bw * az + bz * aw + bx * ay - by * ax};
    }

    static Vector qmul(Vector av, Vector bv) {
        double[] a = numbers(av, 4);
        double[] b = bv.numbers();
        if (a == null || b == null || (b.length != 3 && b.length != 4)) {
            return Vector.NULL;
        }
        return Vector.of(b.length == 4 ? multiply(a, b) : conjugate(a, b));
    }

    static Vector qbetween(Vector av, Vector bv) {
        double[] a = numbers(av, 3);
        double[] b = numbers(bv, 3);
        if (a == null || b == null) {
            return Vector.NULL;
        }
        double ax = a[0];
        double ay = a[1];
        double az = a[2];
        double s = 1 / Math.sqrt(ax * ax + ay * ay + az * az);
        ax *= s;
        ay *= s;
        az *= s;
        double bx = b[0];
        double by = b[1];
        double bz = b[2];
        s = 1 / Math.sqrt(bx * bx + by * by + bz * bz);
        bx *= s;
        by *= s;
        bz *= s;
        double cth = ax * bx + ay * by + az * bz;
        s = Math.sqrt((1 + cth) * 2);
        double x;
        double y;
        double z;
        if (s != 0) {
            x = ay * bz - az * by;
            y = az * bx - ax * bz;
            z = ax * by - ay * bx;
            double k = 1 / s;
            return Vector.of(s / 2, x * k, y * k, z * k);
        }
        if (ax != 0 || ay != 0) {
            x = -ay;
            y = ax;
            z = 0;
        } else {
            x = 0;
            y = -az;
            z = ay;
        }
        s = 1 / Math.sqrt(x * x + y * y + z * z);
        return Vector.of(0, x * s, y * s, z * s);
    }

    private static double[] inverseQuaternion(double[] q) {
        double aw = q[0];
        double ax = q[1];
        double ay = q[2];
        double az = q[3];
        double s = 1 / (ax * ax + ay * ay + az * az + aw * aw);
        return new double[] {aw * s, -ax * s, -ay * s, -az * s};
    }

    private static double[] exponent(double[] q, double t) {
        double th = Math.acos(q[0]);
        double sth = Math.sin(th);
        th *= t;
        sth = sth != 0 ? Math.sin(th) / sth : 0;
        return new double[] {Math.cos(th), q[1] * sth, q[2] * sth, q[3] * sth};
    }

    static Vector slerp(Vector tv, Vector av, Vector bv) {
        double[] t = numbers(tv, 1);
        double[] a = numbers(av, 4);
        double[] b = numbers(bv, 4);
        if (t == null || a == null || b == null) {
            return Vector.NULL;
        }
        return Vector.of(multiply(exponent(multiply(b, inverseQuaternion(a)), t[0]), a));
    }

    /** The original's 4x4 matrix product {@code a @ b}. */
    private static double[] multiply44(double[] a, double[] b) {
        double[] out = new double[16];
        for (int i = 0; i < 16; i += 4) {
            for (int j = 0; j < 4; j++) {
                out[i + j] = a[j] * b[i] + a[j + 4] * b[i + 1] + a[j + 8] * b[i + 2] + a[j + 12] * b[i + 3];
            }
        }
        return out;
    }

    static Vector pointTowards(Vector direction, Vector up) {
        Vector origin = Vector.of(0, 0, 0);
        Vector z = VectorLibrary.normalize(origin.sub(direction));
        Vector y = VectorLibrary.normalize(up.sub(z.mul(VectorLibrary.dot(up, z))));
        Vector x = VectorLibrary.cross(y, z);
        if (x.length() != 3 || y.length() != 3 || z.length() != 3) {
            return Vector.NULL;
        }
        double[] look = new double[16];
        for (int i = 0; i < 3; i++) {
            look[i * 4] = x.number(i);
            look[i * 4 + 1] = y.number(i);
            look[i * 4 + 2] = z.number(i);
        }
        look[15] = 1;
        double[] translation = new double[16];
        translation[0] = translation[5] = translation[10] = translation[15] = 1;
        double[] origin3 = origin.neg().numbers();
        translation[12] = origin3[0];
        translation[13] = origin3[1];
        translation[14] = origin3[2];
        return Vector.of(inverse44(multiply44(look, translation)));
    }

    static Vector inverse(Vector matrix) {
        double[] m = matrix.numbers();
        if (m != null && m.length == 9) {
            return Vector.of(inverse33(m));
        }
        if (m != null && m.length == 16) {
            return Vector.of(inverse44(m));
        }
        return Vector.NULL;
    }

    /** The inverse of a column-major 3x3 matrix, computed as the original's Matrix33.inverse() does. */
    static double[] inverse33(double[] m) {
        double det = m[0] * (m[4] * m[8] - m[7] * m[5]) + m[3] * (m[7] * m[2] - m[1] * m[8])
            + m[6] * (m[1] * m[5] - m[4] * m[2]);
        double k = 1 / det;
        return new double[] {
            (m[4] * m[8] - m[5] * m[7]) * k,
            (m[2] * m[7] - m[1] * m[8]) * k,
            (m[1] * m[5] - m[2] * m[4]) * k,
            (m[5] * m[6] - m[3] * m[8]) * k,
            (m[0] * m[8] - m[2] * m[6]) * k,
            (m[2] * m[3] - m[0] * m[5]) * k,
            (m[3] * m[7] - m[4] * m[6]) * k,
            (m[1] * m[6] - m[0] * m[7]) * k,
            (m[0] * m[4] - m[1] * m[3]) * k};
    }

    private static double[] inverse44(double[] m) {
        double s0 = m[0] * m[5] - m[4] * m[1];
        double s1 = m[0] * m[6] - m[4] * m[2];
        double s2 = m[0] * m[7] - m[4] * m[3];
        double s3 = m[1] * m[6] - m[5] * m[2];
        double s4 = m[1] * m[7] - m[5] * m[3];
        double s5 = m[2] * m[7] - m[6] * m[3];
        double c5 = m[10] * m[15] - m[14] * m[11];
        double c4 = m[9] * m[15] - m[13] * m[11];
        double c3 = m[9] * m[14] - m[13] * m[10];
        double c2 = m[8] * m[15] - m[12] * m[11];
        double c1 = m[8] * m[14] - m[12] * m[10];
        double c0 = m[8] * m[13] - m[12] * m[9];
        double k = 1 / (s0 * c5 - s1 * c4 + s2 * c3 + s3 * c2 - s4 * c1 + s5 * c0);
        return new double[] {
            (m[5] * c5 - m[6] * c4 + m[7] * c3) * k,
            (-m[1] * c5 + m[2] * c4 - m[3] * c3) * k,
            (m[13] * s5 - m[14] * s4 + m[15] * s3) * k,
            (-m[9] * s5 + m[10] * s4 - m[11] * s3) * k,
            (-m[4] * c5 + m[6] * c2 - m[7] * c1) * k,
            (m[0] * c5 - m[2] * c2 + m[3] * c1) * k,
            (-m[12] * s5 + m[14] * s2 - m[15] * s1) * k,
            (m[8] * s5 - m[10] * s2 + m[11] * s1) * k,
            (m[4] * c4 - m[5] * c2 + m[7] * c0) * k,
            (-m[0] * c4 + m[1] * c2 - m[3] * c0) * k,
            (m[12] * s4 - m[13] * s2 + m[15] * s0) * k,
            (-m[8] * s4 + m[9] * s2 - m[11] * s0) * k,
            (-m[4] * c3 + m[5] * c1 - m[6] * c0) * k,
            (m[0] * c3 - m[1] * c1 + m[2] * c0) * k,
            (-m[12] * s3 + m[13] * s1 - m[14] * s0) * k,
            (m[8] * s3 - m[9] * s1 + m[10] * s0) * k};
    }
}
