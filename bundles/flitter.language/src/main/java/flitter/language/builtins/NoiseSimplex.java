package flitter.language.builtins;

/**
 * OpenSimplex (the original 2014 "OpenSimplex" lattice, not OpenSimplex2) gradient noise in 2, 3 and
 * 4 dimensions over a 256-entry permutation table, as the original's {@code noise()} computes it.
 *
 * <p>Every floating-point operation is done in the same order and with the same grouping as the
 * original so that results agree to the last bit: e.g. a vertex offset is {@code (d - 1) - 2 * SQUISH}
 * and a later adjustment {@code ((d - 2 * SQUISH) - 2)} is not folded into one subtraction. A vertex
 * whose attenuation is not positive contributes nothing; adding {@code 0.0} instead is harmless because
 * the running sum starts at {@code +0.0} and so can never be {@code -0.0}.
 */
final class NoiseSimplex {
    private static final double STRETCH2 = -0.211324865405187;
    private static final double SQUISH2 = 0.366025403784439;
    private static final double NORM2 = 47;

    private static final double STRETCH3 = -1.0 / 6;
    private static final double SQUISH3 = 1.0 / 3;
    private static final double NORM3 = 103;

    private static final double STRETCH4 = -0.138196601125011;
    private static final double SQUISH4 = 0.309016994374947;
    private static final double NORM4 = 30;

    /** 8 gradient vectors (x, y), picked by the hashed lattice point modulo 8. */
    private static final double[] GRADIENTS2 = {5, 2, 2, 5, -5, 2, -2, 5, 5, -2, 2, -5, -5, -2, -2, -5};

    /** 24 gradient vectors (x, y, z): three per octant, each with one component ±11 and two ±4. */
    private static final double[] GRADIENTS3 = {
        -11, 4, 4, -4, 11, 4, -4, 4, 11,
        11, 4, 4, 4, 11, 4, 4, 4, 11,
        -11, -4, 4, -4, -11, 4, -4, -4, 11,
        11, -4, 4, 4, -11, 4, 4, -4, 11,
        -11, 4, -4, -4, 11, -4, -4, 4, -11,
        11, 4, -4, 4, 11, -4, 4, 4, -11,
        -11, -4, -4, -4, -11, -4, -4, -4, -11,
        11, -4, -4, 4, -11, -4, 4, -4, -11,
    };

    /** 64 gradient vectors (x, y, z, w), built below: one component ±3 and the others ±1. */
    private static final double[] GRADIENTS4 = gradients4();

    private NoiseSimplex() {
    }

    /**
     * For each of the 16 sign patterns (bit k set: component k negative, x first), the four vectors
     * with the magnitude 3 on x, y, z and w in turn.
     */
    private static double[] gradients4() {
        double[] g = new double[256];
        int at = 0;
        for (int signs = 0; signs < 16; signs++) {
            for (int big = 0; big < 4; big++) {
                for (int k = 0; k < 4; k++) {
                    double magnitude = k == big ? 3 : 1;
                    g[at++] = (signs & (1 << k)) != 0 ? -magnitude : magnitude;
                }
            }
        }
        return g;
    }

    private static int hash2(int[] perm, long xsv, long ysv) {
        return perm[(perm[(int) (xsv & 0xff)] + (int) (ysv & 0xff)) & 0xff];
    }

    private static int hash3(int[] perm, long xsv, long ysv, long zsv) {
        return perm[(hash2(perm, xsv, ysv) + (int) (zsv & 0xff)) & 0xff];
    }

    private static int hash4(int[] perm, long xsv, long ysv, long zsv, long wsv) {
        return perm[(hash3(perm, xsv, ysv, zsv) + (int) (wsv & 0xff)) & 0xff];
    }

    /** The contribution of lattice vertex (xsv, ysv) at offset (dx, dy). */
    private static double vertex2(int[] perm, long xsv, long ysv, double dx, double dy) {
        double attn = 2 - dx * dx - dy * dy;
        if (!(attn > 0)) {
            return 0;
        }
        int g = hash2(perm, xsv, ysv) % 8 * 2;
        attn *= attn;
        return attn * attn * (GRADIENTS2[g] * dx + GRADIENTS2[g + 1] * dy);
    }

    private static double vertex3(int[] perm, long xsv, long ysv, long zsv, double dx, double dy, double dz) {
        double attn = 2 - dx * dx - dy * dy - dz * dz;
        if (!(attn > 0)) {
            return 0;
        }
        int g = hash3(perm, xsv, ysv, zsv) % 24 * 3;
        attn *= attn;
        return attn * attn * (GRADIENTS3[g] * dx + GRADIENTS3[g + 1] * dy + GRADIENTS3[g + 2] * dz);
    }

    private static double vertex4(int[] perm, long xsv, long ysv, long zsv, long wsv, double dx, double dy, double dz,
        double dw) {
        double attn = 2 - dx * dx - dy * dy - dz * dz - dw * dw;
        if (!(attn > 0)) {
            return 0;
        }
        int g = hash4(perm, xsv, ysv, zsv, wsv) & 0xfc;
        attn *= attn;
        return attn * attn
            * (GRADIENTS4[g] * dx + GRADIENTS4[g + 1] * dy + GRADIENTS4[g + 2] * dz + GRADIENTS4[g + 3] * dw);
    }

    // ------------------------------------------------------------------------------------------------

    static double noise2(int[] perm, double x, double y) {
        double stretch = (x + y) * STRETCH2;
        double xs = x + stretch;
        double ys = y + stretch;
        long xsb = RandomMath.floorToLong(xs);
        long ysb = RandomMath.floorToLong(ys);
        double squish = (double) (xsb + ysb) * SQUISH2;
        double dx0 = x - (xsb + squish);
        double dy0 = y - (ysb + squish);
        double xins = xs - xsb;
        double yins = ys - ysb;
        double inSum = xins + yins;

        double value = 0.0;
        value += vertex2(perm, xsb + 1, ysb, dx0 - 1 - SQUISH2, dy0 - SQUISH2);
        value += vertex2(perm, xsb, ysb + 1, dx0 - SQUISH2, dy0 - 1 - SQUISH2);

        long xe;
        long ye;
        double dxe;
        double dye;
        if (inSum <= 1) {
            double zins = 1 - inSum;
            if (zins > xins || zins > yins) {
                if (xins > yins) {
                    xe = xsb + 1;
                    ye = ysb - 1;
                    dxe = dx0 - 1;
                    dye = dy0 + 1;
                } else {
                    xe = xsb - 1;
                    ye = ysb + 1;
                    dxe = dx0 + 1;
                    dye = dy0 - 1;
                }
            } else {
                xe = xsb + 1;
                ye = ysb + 1;
                dxe = dx0 - 1 - 2 * SQUISH2;
                dye = dy0 - 1 - 2 * SQUISH2;
            }
        } else {
            double zins = 2 - inSum;
            if (zins < xins || zins < yins) {
                if (xins > yins) {
                    xe = xsb + 2;
                    ye = ysb;
                    dxe = dx0 - 2 - 2 * SQUISH2;
                    dye = dy0 - 2 * SQUISH2;
                } else {
                    xe = xsb;
                    ye = ysb + 2;
                    dxe = dx0 - 2 * SQUISH2;
                    dye = dy0 - 2 - 2 * SQUISH2;
                }
            } else {
                xe = xsb;
                ye = ysb;
                dxe = dx0;
                dye = dy0;
            }
            xsb += 1;
            ysb += 1;
            dx0 = dx0 - 1 - 2 * SQUISH2;
            dy0 = dy0 - 1 - 2 * SQUISH2;
        }
        value += vertex2(perm, xsb, ysb, dx0, dy0);
        value += vertex2(perm, xe, ye, dxe, dye);
        return value / NORM2;
    }

    // ------------------------------------------------------------------------------------------------

    static double noise3(int[] perm, double x, double y, double z) {
        double stretch = (x + y + z) * STRETCH3;
        double xs = x + stretch;
        double ys = y + stretch;
        double zs = z + stretch;
        long xsb = RandomMath.floorToLong(xs);
        long ysb = RandomMath.floorToLong(ys);
        long zsb = RandomMath.floorToLong(zs);
        double squish = (double) (xsb + ysb + zsb) * SQUISH3;
        double dx0 = x - (xsb + squish);
        double dy0 = y - (ysb + squish);
        double dz0 = z - (zsb + squish);
        double xins = xs - xsb;
        double yins = ys - ysb;
        double zins = zs - zsb;
        double inSum = xins + yins + zins;

        double value = 0.0;
        long xe0;
        long xe1;
        long ye0;
        long ye1;
        long ze0;
        long ze1;
        double dxe0;
        double dxe1;
        double dye0;
        double dye1;
        double dze0;
        double dze1;

        if (inSum <= 1) {
            // Inside the tetrahedron at (0,0,0).
            int aPoint = 0x01;
            double aScore = xins;
            int bPoint = 0x02;
            double bScore = yins;
            if (aScore >= bScore && zins > bScore) {
                bScore = zins;
                bPoint = 0x04;
            } else if (aScore < bScore && zins > aScore) {
                aScore = zins;
                aPoint = 0x04;
            }
            double wins = 1 - inSum;
            if (wins > aScore || wins > bScore) {
                int c = bScore > aScore ? bPoint : aPoint;
                if ((c & 0x01) == 0) {
                    xe0 = xsb - 1;
                    xe1 = xsb;
                    dxe0 = dx0 + 1;
                    dxe1 = dx0;
                } else {
                    xe0 = xe1 = xsb + 1;
                    dxe0 = dxe1 = dx0 - 1;
                }
                if ((c & 0x02) == 0) {
                    ye0 = ye1 = ysb;
                    dye0 = dye1 = dy0;
                    if ((c & 0x01) == 0) {
                        ye1 -= 1;
                        dye1 += 1;
                    } else {
                        ye0 -= 1;
                        dye0 += 1;
                    }
                } else {
                    ye0 = ye1 = ysb + 1;
                    dye0 = dye1 = dy0 - 1;
                }
                if ((c & 0x04) == 0) {
                    ze0 = zsb;
                    ze1 = zsb - 1;
                    dze0 = dz0;
                    dze1 = dz0 + 1;
                } else {
                    ze0 = ze1 = zsb + 1;
                    dze0 = dze1 = dz0 - 1;
                }
            } else {
                int c = aPoint | bPoint;
                if ((c & 0x01) == 0) {
                    xe0 = xsb;
                    xe1 = xsb - 1;
                    dxe0 = dx0 - 2 * SQUISH3;
                    dxe1 = dx0 + 1 - SQUISH3;
                } else {
                    xe0 = xe1 = xsb + 1;
                    dxe0 = dx0 - 1 - 2 * SQUISH3;
                    dxe1 = dx0 - 1 - SQUISH3;
                }
                if ((c & 0x02) == 0) {
                    ye0 = ysb;
                    ye1 = ysb - 1;
                    dye0 = dy0 - 2 * SQUISH3;
                    dye1 = dy0 + 1 - SQUISH3;
                } else {
                    ye0 = ye1 = ysb + 1;
                    dye0 = dy0 - 1 - 2 * SQUISH3;
                    dye1 = dy0 - 1 - SQUISH3;
                }
                if ((c & 0x04) == 0) {
                    ze0 = zsb;
                    ze1 = zsb - 1;
                    dze0 = dz0 - 2 * SQUISH3;
                    dze1 = dz0 + 1 - SQUISH3;
                } else {
                    ze0 = ze1 = zsb + 1;
                    dze0 = dz0 - 1 - 2 * SQUISH3;
                    dze1 = dz0 - 1 - SQUISH3;
                }
            }
            value += vertex3(perm, xsb, ysb, zsb, dx0, dy0, dz0);
            double dx1 = dx0 - 1 - SQUISH3;
            double dy1 = dy0 - SQUISH3;
            double dz1 = dz0 - SQUISH3;
            value += vertex3(perm, xsb + 1, ysb, zsb, dx1, dy1, dz1);
            double dx2 = dx0 - SQUISH3;
            double dy2 = dy0 - 1 - SQUISH3;
            value += vertex3(perm, xsb, ysb + 1, zsb, dx2, dy2, dz1);
            double dz3 = dz0 - 1 - SQUISH3;
            value += vertex3(perm, xsb, ysb, zsb + 1, dx2, dy1, dz3);
        } else if (inSum >= 2) {
            // Inside the tetrahedron at (1,1,1).
            int aPoint = 0x06;
            double aScore = xins;
            int bPoint = 0x05;
            double bScore = yins;
            if (aScore <= bScore && zins < bScore) {
                bScore = zins;
                bPoint = 0x03;
            } else if (aScore > bScore && zins < aScore) {
                aScore = zins;
                aPoint = 0x03;
            }
            double wins = 3 - inSum;
            if (wins < aScore || wins < bScore) {
                int c = bScore < aScore ? bPoint : aPoint;
                if ((c & 0x01) != 0) {
                    xe0 = xsb + 2;
                    xe1 = xsb + 1;
                    dxe0 = dx0 - 2 - 3 * SQUISH3;
                    dxe1 = dx0 - 1 - 3 * SQUISH3;
                } else {
                    xe0 = xe1 = xsb;
                    dxe0 = dxe1 = dx0 - 3 * SQUISH3;
                }
                if ((c & 0x02) != 0) {
                    ye0 = ye1 = ysb + 1;
                    dye0 = dye1 = dy0 - 1 - 3 * SQUISH3;
                    if ((c & 0x01) != 0) {
                        ye1 += 1;
                        dye1 -= 1;
                    } else {
                        ye0 += 1;
                        dye0 -= 1;
                    }
                } else {
                    ye0 = ye1 = ysb;
                    dye0 = dye1 = dy0 - 3 * SQUISH3;
                }
                if ((c & 0x04) != 0) {
                    ze0 = zsb + 1;
                    ze1 = zsb + 2;
                    dze0 = dz0 - 1 - 3 * SQUISH3;
                    dze1 = dz0 - 2 - 3 * SQUISH3;
                } else {
                    ze0 = ze1 = zsb;
                    dze0 = dze1 = dz0 - 3 * SQUISH3;
                }
            } else {
                int c = aPoint & bPoint;
                if ((c & 0x01) != 0) {
                    xe0 = xsb + 1;
                    xe1 = xsb + 2;
                    dxe0 = dx0 - 1 - SQUISH3;
                    dxe1 = dx0 - 2 - 2 * SQUISH3;
                } else {
                    xe0 = xe1 = xsb;
                    dxe0 = dx0 - SQUISH3;
                    dxe1 = dx0 - 2 * SQUISH3;
                }
                if ((c & 0x02) != 0) {
                    ye0 = ysb + 1;
                    ye1 = ysb + 2;
                    dye0 = dy0 - 1 - SQUISH3;
                    dye1 = dy0 - 2 - 2 * SQUISH3;
                } else {
                    ye0 = ye1 = ysb;
                    dye0 = dy0 - SQUISH3;
                    dye1 = dy0 - 2 * SQUISH3;
                }
                if ((c & 0x04) != 0) {
                    ze0 = zsb + 1;
                    ze1 = zsb + 2;
                    dze0 = dz0 - 1 - SQUISH3;
                    dze1 = dz0 - 2 - 2 * SQUISH3;
                } else {
                    ze0 = ze1 = zsb;
                    dze0 = dz0 - SQUISH3;
                    dze1 = dz0 - 2 * SQUISH3;
                }
            }
            double dx3 = dx0 - 1 - 2 * SQUISH3;
            double dy3 = dy0 - 1 - 2 * SQUISH3;
            double dz3 = dz0 - 2 * SQUISH3;
            value += vertex3(perm, xsb + 1, ysb + 1, zsb, dx3, dy3, dz3);
            double dy2 = dy0 - 2 * SQUISH3;
            double dz2 = dz0 - 1 - 2 * SQUISH3;
            value += vertex3(perm, xsb + 1, ysb, zsb + 1, dx3, dy2, dz2);
            double dx1 = dx0 - 2 * SQUISH3;
            value += vertex3(perm, xsb, ysb + 1, zsb + 1, dx1, dy3, dz2);
            dx0 = dx0 - 1 - 3 * SQUISH3;
            dy0 = dy0 - 1 - 3 * SQUISH3;
            dz0 = dz0 - 1 - 3 * SQUISH3;
            value += vertex3(perm, xsb + 1, ysb + 1, zsb + 1, dx0, dy0, dz0);
        } else {
            // Inside the octahedron between the two tetrahedra.
            double aScore;
            int aPoint;
            boolean aFurther;
            double bScore;
            int bPoint;
            boolean bFurther;
            double p1 = xins + yins;
            if (p1 > 1) {
                aScore = p1 - 1;
                aPoint = 0x03;
                aFurther = true;
            } else {
                aScore = 1 - p1;
                aPoint = 0x04;
                aFurther = false;
            }
            double p2 = xins + zins;
            if (p2 > 1) {
                bScore = p2 - 1;
                bPoint = 0x05;
                bFurther = true;
            } else {
                bScore = 1 - p2;
                bPoint = 0x02;
                bFurther = false;
            }
            double p3 = yins + zins;
            if (p3 > 1) {
                double score = p3 - 1;
                if (aScore <= bScore && aScore < score) {
                    aPoint = 0x06;
                    aFurther = true;
                } else if (aScore > bScore && bScore < score) {
                    bPoint = 0x06;
                    bFurther = true;
                }
            } else {
                double score = 1 - p3;
                if (aScore <= bScore && aScore < score) {
                    aPoint = 0x01;
                    aFurther = false;
                } else if (aScore > bScore && bScore < score) {
                    bPoint = 0x01;
                    bFurther = false;
                }
            }
            if (aFurther == bFurther) {
                if (aFurther) {
                    dxe0 = dx0 - 1 - 3 * SQUISH3;
                    dye0 = dy0 - 1 - 3 * SQUISH3;
                    dze0 = dz0 - 1 - 3 * SQUISH3;
                    xe0 = xsb + 1;
                    ye0 = ysb + 1;
                    ze0 = zsb + 1;
                    int c = aPoint & bPoint;
                    if ((c & 0x01) != 0) {
                        dxe1 = dx0 - 2 - 2 * SQUISH3;
                        dye1 = dy0 - 2 * SQUISH3;
                        dze1 = dz0 - 2 * SQUISH3;
                        xe1 = xsb + 2;
                        ye1 = ysb;
                        ze1 = zsb;
                    } else if ((c & 0x02) != 0) {
                        dxe1 = dx0 - 2 * SQUISH3;
                        dye1 = dy0 - 2 - 2 * SQUISH3;
                        dze1 = dz0 - 2 * SQUISH3;
                        xe1 = xsb;
                        ye1 = ysb + 2;
                        ze1 = zsb;
                    } else {
                        dxe1 = dx0 - 2 * SQUISH3;
                        dye1 = dy0 - 2 * SQUISH3;
                        dze1 = dz0 - 2 - 2 * SQUISH3;
                        xe1 = xsb;
                        ye1 = ysb;
                        ze1 = zsb + 2;
                    }
                } else {
                    dxe0 = dx0;
                    dye0 = dy0;
                    dze0 = dz0;
                    xe0 = xsb;
                    ye0 = ysb;
                    ze0 = zsb;
                    int c = aPoint | bPoint;
                    if ((c & 0x01) == 0) {
                        dxe1 = dx0 + 1 - SQUISH3;
                        dye1 = dy0 - 1 - SQUISH3;
                        dze1 = dz0 - 1 - SQUISH3;
                        xe1 = xsb - 1;
                        ye1 = ysb + 1;
                        ze1 = zsb + 1;
                    } else if ((c & 0x02) == 0) {
                        dxe1 = dx0 - 1 - SQUISH3;
                        dye1 = dy0 + 1 - SQUISH3;
                        dze1 = dz0 - 1 - SQUISH3;
                        xe1 = xsb + 1;
                        ye1 = ysb - 1;
                        ze1 = zsb + 1;
                    } else {
                        dxe1 = dx0 - 1 - SQUISH3;
                        dye1 = dy0 - 1 - SQUISH3;
                        dze1 = dz0 + 1 - SQUISH3;
                        xe1 = xsb + 1;
                        ye1 = ysb + 1;
                        ze1 = zsb - 1;
                    }
                }
            } else {
                int c1 = aFurther ? aPoint : bPoint;
                int c2 = aFurther ? bPoint : aPoint;
                if ((c1 & 0x01) == 0) {
                    dxe0 = dx0 + 1 - SQUISH3;
                    dye0 = dy0 - 1 - SQUISH3;
                    dze0 = dz0 - 1 - SQUISH3;
                    xe0 = xsb - 1;
                    ye0 = ysb + 1;
                    ze0 = zsb + 1;
                } else if ((c1 & 0x02) == 0) {
                    dxe0 = dx0 - 1 - SQUISH3;
                    dye0 = dy0 + 1 - SQUISH3;
                    dze0 = dz0 - 1 - SQUISH3;
                    xe0 = xsb + 1;
                    ye0 = ysb - 1;
                    ze0 = zsb + 1;
                } else {
                    dxe0 = dx0 - 1 - SQUISH3;
                    dye0 = dy0 - 1 - SQUISH3;
                    dze0 = dz0 + 1 - SQUISH3;
                    xe0 = xsb + 1;
                    ye0 = ysb + 1;
                    ze0 = zsb - 1;
                }
                dxe1 = dx0 - 2 * SQUISH3;
                dye1 = dy0 - 2 * SQUISH3;
                dze1 = dz0 - 2 * SQUISH3;
                xe1 = xsb;
                ye1 = ysb;
                ze1 = zsb;
                if ((c2 & 0x01) != 0) {
                    dxe1 -= 2;
                    xe1 += 2;
                } else if ((c2 & 0x02) != 0) {
                    dye1 -= 2;
                    ye1 += 2;
                } else {
                    dze1 -= 2;
                    ze1 += 2;
                }
            }
            double dx1 = dx0 - 1 - SQUISH3;
            double dy1 = dy0 - SQUISH3;
            double dz1 = dz0 - SQUISH3;
            value += vertex3(perm, xsb + 1, ysb, zsb, dx1, dy1, dz1);
            double dx2 = dx0 - SQUISH3;
            double dy2 = dy0 - 1 - SQUISH3;
            value += vertex3(perm, xsb, ysb + 1, zsb, dx2, dy2, dz1);
            double dz3 = dz0 - 1 - SQUISH3;
            value += vertex3(perm, xsb, ysb, zsb + 1, dx2, dy1, dz3);
            double dx4 = dx0 - 1 - 2 * SQUISH3;
            double dy4 = dy0 - 1 - 2 * SQUISH3;
            double dz4 = dz0 - 2 * SQUISH3;
            value += vertex3(perm, xsb + 1, ysb + 1, zsb, dx4, dy4, dz4);
            double dy5 = dy0 - 2 * SQUISH3;
            double dz5 = dz0 - 1 - 2 * SQUISH3;
            value += vertex3(perm, xsb + 1, ysb, zsb + 1, dx4, dy5, dz5);
            double dx6 = dx0 - 2 * SQUISH3;
            value += vertex3(perm, xsb, ysb + 1, zsb + 1, dx6, dy4, dz5);
        }
        value += vertex3(perm, xe0, ye0, ze0, dxe0, dye0, dze0);
        value += vertex3(perm, xe1, ye1, ze1, dxe1, dye1, dze1);
        return value / NORM3;
    }

    // ------------------------------------------------------------------------------------------------

    static double noise4(int[] perm, double x, double y, double z, double w) {
        final double s = SQUISH4;
        double stretch = (x + y + z + w) * STRETCH4;
        double xs = x + stretch;
        double ys = y + stretch;
        double zs = z + stretch;
        double ws = w + stretch;
        long xsb = RandomMath.floorToLong(xs);
        long ysb = RandomMath.floorToLong(ys);
        long zsb = RandomMath.floorToLong(zs);
        long wsb = RandomMath.floorToLong(ws);
        double squish = (double) (xsb + ysb + zsb + wsb) * s;
        double dx0 = x - (xsb + squish);
        double dy0 = y - (ysb + squish);
        double dz0 = z - (zsb + squish);
        double dw0 = w - (wsb + squish);
        double xins = xs - xsb;
        double yins = ys - ysb;
        double zins = zs - zsb;
        double wins = ws - wsb;
        double inSum = xins + yins + zins + wins;

        double value = 0.0;
        long xe0;
        long xe1;
        long xe2;
        long ye0;
        long ye1;
        long ye2;
        long ze0;
        long ze1;
        long ze2;
        long we0;
        long we1;
        long we2;
        double dxe0;
        double dxe1;
        double dxe2;
        double dye0;
        double dye1;
        double dye2;
        double dze0;
        double dze1;
        double dze2;
        double dwe0;
        double dwe1;
        double dwe2;

        if (inSum <= 1) {
            // Inside the pentachoron at (0,0,0,0).
            int aPo = 0x01;
            double aScore = xins;
            int bPo = 0x02;
            double bScore = yins;
            if (aScore >= bScore && zins > bScore) {
                bScore = zins;
                bPo = 0x04;
            } else if (aScore < bScore && zins > aScore) {
                aScore = zins;
                aPo = 0x04;
            }
            if (aScore >= bScore && wins > bScore) {
                bScore = wins;
                bPo = 0x08;
            } else if (aScore < bScore && wins > aScore) {
                aScore = wins;
                aPo = 0x08;
            }
            double uins = 1 - inSum;
            if (uins > aScore || uins > bScore) {
                int c = bScore > aScore ? bPo : aPo;
                if ((c & 0x01) == 0) {
                    xe0 = xsb - 1;
                    xe1 = xe2 = xsb;
                    dxe0 = dx0 + 1;
                    dxe1 = dxe2 = dx0;
                } else {
                    xe0 = xe1 = xe2 = xsb + 1;
                    dxe0 = dxe1 = dxe2 = dx0 - 1;
                }
                if ((c & 0x02) == 0) {
                    ye0 = ye1 = ye2 = ysb;
                    dye0 = dye1 = dye2 = dy0;
                    if ((c & 0x01) == 0x01) {
                        ye0 -= 1;
                        dye0 += 1;
                    } else {
                        ye1 -= 1;
                        dye1 += 1;
                    }
                } else {
                    ye0 = ye1 = ye2 = ysb + 1;
                    dye0 = dye1 = dye2 = dy0 - 1;
                }
                if ((c & 0x04) == 0) {
                    ze0 = ze1 = ze2 = zsb;
                    dze0 = dze1 = dze2 = dz0;
                    if ((c & 0x03) != 0) {
                        if ((c & 0x03) == 0x03) {
                            ze0 -= 1;
                            dze0 += 1;
                        } else {
                            ze1 -= 1;
                            dze1 += 1;
                        }
                    } else {
                        ze2 -= 1;
                        dze2 += 1;
                    }
                } else {
                    ze0 = ze1 = ze2 = zsb + 1;
                    dze0 = dze1 = dze2 = dz0 - 1;
                }
                if ((c & 0x08) == 0) {
                    we0 = we1 = wsb;
                    we2 = wsb - 1;
                    dwe0 = dwe1 = dw0;
                    dwe2 = dw0 + 1;
                } else {
                    we0 = we1 = we2 = wsb + 1;
                    dwe0 = dwe1 = dwe2 = dw0 - 1;
                }
            } else {
                int c = aPo | bPo;
                if ((c & 0x01) == 0) {
                    xe0 = xe2 = xsb;
                    xe1 = xsb - 1;
                    dxe0 = dx0 - 2 * s;
                    dxe1 = dx0 + 1 - s;
                    dxe2 = dx0 - s;
                } else {
                    xe0 = xe1 = xe2 = xsb + 1;
                    dxe0 = dx0 - 1 - 2 * s;
                    dxe1 = dxe2 = dx0 - 1 - s;
                }
                if ((c & 0x02) == 0) {
                    ye0 = ye1 = ye2 = ysb;
                    dye0 = dy0 - 2 * s;
                    dye1 = dye2 = dy0 - s;
                    if ((c & 0x01) == 0x01) {
                        ye1 -= 1;
                        dye1 += 1;
                    } else {
                        ye2 -= 1;
                        dye2 += 1;
                    }
                } else {
                    ye0 = ye1 = ye2 = ysb + 1;
                    dye0 = dy0 - 1 - 2 * s;
                    dye1 = dye2 = dy0 - 1 - s;
                }
                if ((c & 0x04) == 0) {
                    ze0 = ze1 = ze2 = zsb;
                    dze0 = dz0 - 2 * s;
                    dze1 = dze2 = dz0 - s;
                    if ((c & 0x03) == 0x03) {
                        ze1 -= 1;
                        dze1 += 1;
                    } else {
                        ze2 -= 1;
                        dze2 += 1;
                    }
                } else {
                    ze0 = ze1 = ze2 = zsb + 1;
                    dze0 = dz0 - 1 - 2 * s;
                    dze1 = dze2 = dz0 - 1 - s;
                }
                if ((c & 0x08) == 0) {
                    we0 = we1 = wsb;
                    we2 = wsb - 1;
                    dwe0 = dw0 - 2 * s;
                    dwe1 = dw0 - s;
                    dwe2 = dw0 + 1 - s;
                } else {
                    we0 = we1 = we2 = wsb + 1;
                    dwe0 = dw0 - 1 - 2 * s;
                    dwe1 = dwe2 = dw0 - 1 - s;
                }
            }
            value += vertex4(perm, xsb, ysb, zsb, wsb, dx0, dy0, dz0, dw0);
            double dx1 = dx0 - 1 - s;
            double dy1 = dy0 - s;
            double dz1 = dz0 - s;
            double dw1 = dw0 - s;
            value += vertex4(perm, xsb + 1, ysb, zsb, wsb, dx1, dy1, dz1, dw1);
            double dx2 = dx0 - s;
            double dy2 = dy0 - 1 - s;
            value += vertex4(perm, xsb, ysb + 1, zsb, wsb, dx2, dy2, dz1, dw1);
            double dz3 = dz0 - 1 - s;
            value += vertex4(perm, xsb, ysb, zsb + 1, wsb, dx2, dy1, dz3, dw1);
            double dw4 = dw0 - 1 - s;
            value += vertex4(perm, xsb, ysb, zsb, wsb + 1, dx2, dy1, dz1, dw4);
        } else if (inSum >= 3) {
            // Inside the pentachoron at (1,1,1,1).
            int aPo = 0x0e;
            double aScore = xins;
            int bPo = 0x0d;
            double bScore = yins;
            if (aScore <= bScore && zins < bScore) {
                bScore = zins;
                bPo = 0x0b;
            } else if (aScore > bScore && zins < aScore) {
                aScore = zins;
                aPo = 0x0b;
            }
            if (aScore <= bScore && wins < bScore) {
                bScore = wins;
                bPo = 0x07;
            } else if (aScore > bScore && wins < aScore) {
                aScore = wins;
                aPo = 0x07;
            }
            double uins = 4 - inSum;
            if (uins < aScore || uins < bScore) {
                int c = bScore < aScore ? bPo : aPo;
                if ((c & 0x01) != 0) {
                    xe0 = xsb + 2;
                    xe1 = xe2 = xsb + 1;
                    dxe0 = dx0 - 2 - 4 * s;
                    dxe1 = dxe2 = dx0 - 1 - 4 * s;
                } else {
                    xe0 = xe1 = xe2 = xsb;
                    dxe0 = dxe1 = dxe2 = dx0 - 4 * s;
                }
                if ((c & 0x02) != 0) {
                    ye0 = ye1 = ye2 = ysb + 1;
                    dye0 = dye1 = dye2 = dy0 - 1 - 4 * s;
                    if ((c & 0x01) != 0) {
                        ye1 += 1;
                        dye1 -= 1;
                    } else {
                        ye0 += 1;
                        dye0 -= 1;
                    }
                } else {
                    ye0 = ye1 = ye2 = ysb;
                    dye0 = dye1 = dye2 = dy0 - 4 * s;
                }
                if ((c & 0x04) != 0) {
                    ze0 = ze1 = ze2 = zsb + 1;
                    dze0 = dze1 = dze2 = dz0 - 1 - 4 * s;
                    if ((c & 0x03) != 0x03) {
                        if ((c & 0x03) == 0) {
                            ze0 += 1;
                            dze0 -= 1;
                        } else {
                            ze1 += 1;
                            dze1 -= 1;
                        }
                    } else {
                        ze2 += 1;
                        dze2 -= 1;
                    }
                } else {
                    ze0 = ze1 = ze2 = zsb;
                    dze0 = dze1 = dze2 = dz0 - 4 * s;
                }
                if ((c & 0x08) != 0) {
                    we0 = we1 = wsb + 1;
                    we2 = wsb + 2;
                    dwe0 = dwe1 = dw0 - 1 - 4 * s;
                    dwe2 = dw0 - 2 - 4 * s;
                } else {
                    we0 = we1 = we2 = wsb;
                    dwe0 = dwe1 = dwe2 = dw0 - 4 * s;
                }
            } else {
                int c = aPo & bPo;
                if ((c & 0x01) != 0) {
                    xe0 = xe2 = xsb + 1;
                    xe1 = xsb + 2;
                    dxe0 = dx0 - 1 - 2 * s;
                    dxe1 = dx0 - 2 - 3 * s;
                    dxe2 = dx0 - 1 - 3 * s;
                } else {
                    xe0 = xe1 = xe2 = xsb;
                    dxe0 = dx0 - 2 * s;
                    dxe1 = dxe2 = dx0 - 3 * s;
                }
                if ((c & 0x02) != 0) {
                    ye0 = ye1 = ye2 = ysb + 1;
                    dye0 = dy0 - 1 - 2 * s;
                    dye1 = dye2 = dy0 - 1 - 3 * s;
                    if ((c & 0x01) != 0) {
                        ye2 += 1;
                        dye2 -= 1;
                    } else {
                        ye1 += 1;
                        dye1 -= 1;
                    }
                } else {
                    ye0 = ye1 = ye2 = ysb;
                    dye0 = dy0 - 2 * s;
                    dye1 = dye2 = dy0 - 3 * s;
                }
                if ((c & 0x04) != 0) {
                    ze0 = ze1 = ze2 = zsb + 1;
                    dze0 = dz0 - 1 - 2 * s;
                    dze1 = dze2 = dz0 - 1 - 3 * s;
                    if ((c & 0x03) != 0) {
                        ze2 += 1;
                        dze2 -= 1;
                    } else {
                        ze1 += 1;
                        dze1 -= 1;
                    }
                } else {
                    ze0 = ze1 = ze2 = zsb;
                    dze0 = dz0 - 2 * s;
                    dze1 = dze2 = dz0 - 3 * s;
                }
                if ((c & 0x08) != 0) {
                    we0 = we1 = wsb + 1;
                    we2 = wsb + 2;
                    dwe0 = dw0 - 1 - 2 * s;
                    dwe1 = dw0 - 1 - 3 * s;
                    dwe2 = dw0 - 2 - 3 * s;
                } else {
                    we0 = we1 = we2 = wsb;
                    dwe0 = dw0 - 2 * s;
                    dwe1 = dwe2 = dw0 - 3 * s;
                }
            }
            double dx4 = dx0 - 1 - 3 * s;
            double dy4 = dy0 - 1 - 3 * s;
            double dz4 = dz0 - 1 - 3 * s;
            double dw4 = dw0 - 3 * s;
            value += vertex4(perm, xsb + 1, ysb + 1, zsb + 1, wsb, dx4, dy4, dz4, dw4);
            double dz3 = dz0 - 3 * s;
            double dw3 = dw0 - 1 - 3 * s;
            value += vertex4(perm, xsb + 1, ysb + 1, zsb, wsb + 1, dx4, dy4, dz3, dw3);
            double dy2 = dy0 - 3 * s;
            value += vertex4(perm, xsb + 1, ysb, zsb + 1, wsb + 1, dx4, dy2, dz4, dw3);
            double dx1 = dx0 - 3 * s;
            value += vertex4(perm, xsb, ysb + 1, zsb + 1, wsb + 1, dx1, dy4, dz4, dw3);
            dx0 = dx0 - 1 - 4 * s;
            dy0 = dy0 - 1 - 4 * s;
            dz0 = dz0 - 1 - 4 * s;
            dw0 = dw0 - 1 - 4 * s;
            value += vertex4(perm, xsb + 1, ysb + 1, zsb + 1, wsb + 1, dx0, dy0, dz0, dw0);
        } else if (inSum <= 2) {
            // Inside the first dispentachoron (rectified 4-simplex).
            boolean aBigger = true;
            boolean bBigger = true;
            double aScore;
            int aPo;
            double bScore;
            int bPo;
            if (xins + yins > zins + wins) {
                aScore = xins + yins;
                aPo = 0x03;
            } else {
                aScore = zins + wins;
                aPo = 0x0c;
            }
            if (xins + zins > yins + wins) {
                bScore = xins + zins;
                bPo = 0x05;
            } else {
                bScore = yins + wins;
                bPo = 0x0a;
            }
            if (xins + wins > yins + zins) {
                double score = xins + wins;
                if (aScore >= bScore && score > bScore) {
                    bScore = score;
                    bPo = 0x09;
                } else if (aScore < bScore && score > aScore) {
                    aScore = score;
                    aPo = 0x09;
                }
            } else {
                double score = yins + zins;
                if (aScore >= bScore && score > bScore) {
                    bScore = score;
                    bPo = 0x06;
                } else if (aScore < bScore && score > aScore) {
                    aScore = score;
                    aPo = 0x06;
                }
            }
            double p1 = 2 - inSum + xins;
            if (aScore >= bScore && p1 > bScore) {
                bScore = p1;
                bPo = 0x01;
                bBigger = false;
            } else if (aScore < bScore && p1 > aScore) {
                aScore = p1;
                aPo = 0x01;
                aBigger = false;
            }
            double p2 = 2 - inSum + yins;
            if (aScore >= bScore && p2 > bScore) {
                bScore = p2;
                bPo = 0x02;
                bBigger = false;
            } else if (aScore < bScore && p2 > aScore) {
                aScore = p2;
                aPo = 0x02;
                aBigger = false;
            }
            double p3 = 2 - inSum + zins;
            if (aScore >= bScore && p3 > bScore) {
                bScore = p3;
                bPo = 0x04;
                bBigger = false;
            } else if (aScore < bScore && p3 > aScore) {
                aScore = p3;
                aPo = 0x04;
                aBigger = false;
            }
            double p4 = 2 - inSum + wins;
            if (aScore >= bScore && p4 > bScore) {
                bPo = 0x08;
                bBigger = false;
            } else if (aScore < bScore && p4 > aScore) {
                aPo = 0x08;
                aBigger = false;
            }
            if (aBigger == bBigger) {
                if (aBigger) {
                    int c1 = aPo | bPo;
                    int c2 = aPo & bPo;
                    if ((c1 & 0x01) == 0) {
                        xe0 = xsb;
                        xe1 = xsb - 1;
                        dxe0 = dx0 - 3 * s;
                        dxe1 = dx0 + 1 - 2 * s;
                    } else {
                        xe0 = xe1 = xsb + 1;
                        dxe0 = dx0 - 1 - 3 * s;
                        dxe1 = dx0 - 1 - 2 * s;
                    }
                    if ((c1 & 0x02) == 0) {
                        ye0 = ysb;
                        ye1 = ysb - 1;
                        dye0 = dy0 - 3 * s;
                        dye1 = dy0 + 1 - 2 * s;
                    } else {
                        ye0 = ye1 = ysb + 1;
                        dye0 = dy0 - 1 - 3 * s;
                        dye1 = dy0 - 1 - 2 * s;
                    }
                    if ((c1 & 0x04) == 0) {
                        ze0 = zsb;
                        ze1 = zsb - 1;
                        dze0 = dz0 - 3 * s;
                        dze1 = dz0 + 1 - 2 * s;
                    } else {
                        ze0 = ze1 = zsb + 1;
                        dze0 = dz0 - 1 - 3 * s;
                        dze1 = dz0 - 1 - 2 * s;
                    }
                    if ((c1 & 0x08) == 0) {
                        we0 = wsb;
                        we1 = wsb - 1;
                        dwe0 = dw0 - 3 * s;
                        dwe1 = dw0 + 1 - 2 * s;
                    } else {
                        we0 = we1 = wsb + 1;
                        dwe0 = dw0 - 1 - 3 * s;
                        dwe1 = dw0 - 1 - 2 * s;
                    }
                    xe2 = xsb;
                    ye2 = ysb;
                    ze2 = zsb;
                    we2 = wsb;
                    dxe2 = dx0 - 2 * s;
                    dye2 = dy0 - 2 * s;
                    dze2 = dz0 - 2 * s;
                    dwe2 = dw0 - 2 * s;
                    if ((c2 & 0x01) != 0) {
                        xe2 += 2;
                        dxe2 -= 2;
                    } else if ((c2 & 0x02) != 0) {
                        ye2 += 2;
                        dye2 -= 2;
                    } else if ((c2 & 0x04) != 0) {
                        ze2 += 2;
                        dze2 -= 2;
                    } else {
                        we2 += 2;
                        dwe2 -= 2;
                    }
                } else {
                    xe2 = xsb;
                    ye2 = ysb;
                    ze2 = zsb;
                    we2 = wsb;
                    dxe2 = dx0;
                    dye2 = dy0;
                    dze2 = dz0;
                    dwe2 = dw0;
                    int c = aPo | bPo;
                    if ((c & 0x01) == 0) {
                        xe0 = xsb - 1;
                        xe1 = xsb;
                        dxe0 = dx0 + 1 - s;
                        dxe1 = dx0 - s;
                    } else {
                        xe0 = xe1 = xsb + 1;
                        dxe0 = dxe1 = dx0 - 1 - s;
                    }
                    if ((c & 0x02) == 0) {
                        ye0 = ye1 = ysb;
                        dye0 = dye1 = dy0 - s;
                        if ((c & 0x01) == 0x01) {
                            ye0 -= 1;
                            dye0 += 1;
                        } else {
                            ye1 -= 1;
                            dye1 += 1;
                        }
                    } else {
                        ye0 = ye1 = ysb + 1;
                        dye0 = dye1 = dy0 - 1 - s;
                    }
                    if ((c & 0x04) == 0) {
                        ze0 = ze1 = zsb;
                        dze0 = dze1 = dz0 - s;
                        if ((c & 0x03) == 0x03) {
                            ze0 -= 1;
                            dze0 += 1;
                        } else {
                            ze1 -= 1;
                            dze1 += 1;
                        }
                    } else {
                        ze0 = ze1 = zsb + 1;
                        dze0 = dze1 = dz0 - 1 - s;
                    }
                    if ((c & 0x08) == 0) {
                        we0 = wsb;
                        we1 = wsb - 1;
                        dwe0 = dw0 - s;
                        dwe1 = dw0 + 1 - s;
                    } else {
                        we0 = we1 = wsb + 1;
                        dwe0 = dwe1 = dw0 - 1 - s;
                    }
                }
            } else {
                int c1 = aBigger ? aPo : bPo;
                int c2 = aBigger ? bPo : aPo;
                if ((c1 & 0x01) == 0) {
                    xe0 = xsb - 1;
                    xe1 = xsb;
                    dxe0 = dx0 + 1 - s;
                    dxe1 = dx0 - s;
                } else {
                    xe0 = xe1 = xsb + 1;
                    dxe0 = dxe1 = dx0 - 1 - s;
                }
                if ((c1 & 0x02) == 0) {
                    ye0 = ye1 = ysb;
                    dye0 = dye1 = dy0 - s;
                    if ((c1 & 0x01) == 0x01) {
                        ye0 -= 1;
                        dye0 += 1;
                    } else {
                        ye1 -= 1;
                        dye1 += 1;
                    }
                } else {
                    ye0 = ye1 = ysb + 1;
                    dye0 = dye1 = dy0 - 1 - s;
                }
                if ((c1 & 0x04) == 0) {
                    ze0 = ze1 = zsb;
                    dze0 = dze1 = dz0 - s;
                    if ((c1 & 0x03) == 0x03) {
                        ze0 -= 1;
                        dze0 += 1;
                    } else {
                        ze1 -= 1;
                        dze1 += 1;
                    }
                } else {
                    ze0 = ze1 = zsb + 1;
                    dze0 = dze1 = dz0 - 1 - s;
                }
                if ((c1 & 0x08) == 0) {
                    we0 = wsb;
                    we1 = wsb - 1;
                    dwe0 = dw0 - s;
                    dwe1 = dw0 + 1 - s;
                } else {
                    we0 = we1 = wsb + 1;
                    dwe0 = dwe1 = dw0 - 1 - s;
                }
                xe2 = xsb;
                ye2 = ysb;
                ze2 = zsb;
                we2 = wsb;
                dxe2 = dx0 - 2 * s;
                dye2 = dy0 - 2 * s;
                dze2 = dz0 - 2 * s;
                dwe2 = dw0 - 2 * s;
                if ((c2 & 0x01) != 0) {
                    xe2 += 2;
                    dxe2 -= 2;
                } else if ((c2 & 0x02) != 0) {
                    ye2 += 2;
                    dye2 -= 2;
                } else if ((c2 & 0x04) != 0) {
                    ze2 += 2;
                    dze2 -= 2;
                } else {
                    we2 += 2;
                    dwe2 -= 2;
                }
            }
            double dx1 = dx0 - 1 - s;
            double dy1 = dy0 - s;
            double dz1 = dz0 - s;
            double dw1 = dw0 - s;
            value += vertex4(perm, xsb + 1, ysb, zsb, wsb, dx1, dy1, dz1, dw1);
            double dx2 = dx0 - s;
            double dy2 = dy0 - 1 - s;
            value += vertex4(perm, xsb, ysb + 1, zsb, wsb, dx2, dy2, dz1, dw1);
            double dz3 = dz0 - 1 - s;
            value += vertex4(perm, xsb, ysb, zsb + 1, wsb, dx2, dy1, dz3, dw1);
            double dw4 = dw0 - 1 - s;
            value += vertex4(perm, xsb, ysb, zsb, wsb + 1, dx2, dy1, dz1, dw4);
            value = addMiddleVertices(value, perm, xsb, ysb, zsb, wsb, dx0, dy0, dz0, dw0);
        } else {
            // Inside the second dispentachoron.
            boolean aBigger = true;
            boolean bBigger = true;
            double aScore;
            int aPo;
            double bScore;
            int bPo;
            if (xins + yins < zins + wins) {
                aScore = xins + yins;
                aPo = 0x0c;
            } else {
                aScore = zins + wins;
                aPo = 0x03;
            }
            if (xins + zins < yins + wins) {
                bScore = xins + zins;
                bPo = 0x0a;
            } else {
                bScore = yins + wins;
                bPo = 0x05;
            }
            if (xins + wins < yins + zins) {
                double score = xins + wins;
                if (aScore <= bScore && score < bScore) {
                    bScore = score;
                    bPo = 0x06;
                } else if (aScore > bScore && score < aScore) {
                    aScore = score;
                    aPo = 0x06;
                }
            } else {
                double score = yins + zins;
                if (aScore <= bScore && score < bScore) {
                    bScore = score;
                    bPo = 0x09;
                } else if (aScore > bScore && score < aScore) {
                    aScore = score;
                    aPo = 0x09;
                }
            }
            double p1 = 3 - inSum + xins;
            if (aScore <= bScore && p1 < bScore) {
                bScore = p1;
                bPo = 0x0e;
                bBigger = false;
            } else if (aScore > bScore && p1 < aScore) {
                aScore = p1;
                aPo = 0x0e;
                aBigger = false;
            }
            double p2 = 3 - inSum + yins;
            if (aScore <= bScore && p2 < bScore) {
                bScore = p2;
                bPo = 0x0d;
                bBigger = false;
            } else if (aScore > bScore && p2 < aScore) {
                aScore = p2;
                aPo = 0x0d;
                aBigger = false;
            }
            double p3 = 3 - inSum + zins;
            if (aScore <= bScore && p3 < bScore) {
                bScore = p3;
                bPo = 0x0b;
                bBigger = false;
            } else if (aScore > bScore && p3 < aScore) {
                aScore = p3;
                aPo = 0x0b;
                aBigger = false;
            }
            double p4 = 3 - inSum + wins;
            if (aScore <= bScore && p4 < bScore) {
                bPo = 0x07;
                bBigger = false;
            } else if (aScore > bScore && p4 < aScore) {
                aPo = 0x07;
                aBigger = false;
            }
            if (aBigger == bBigger) {
                if (aBigger) {
                    int c1 = aPo & bPo;
                    int c2 = aPo | bPo;
                    xe0 = xe1 = xsb;
                    ye0 = ye1 = ysb;
                    ze0 = ze1 = zsb;
                    we0 = we1 = wsb;
                    dxe0 = dx0 - s;
                    dye0 = dy0 - s;
                    dze0 = dz0 - s;
                    dwe0 = dw0 - s;
                    dxe1 = dx0 - 2 * s;
                    dye1 = dy0 - 2 * s;
                    dze1 = dz0 - 2 * s;
                    dwe1 = dw0 - 2 * s;
                    if ((c1 & 0x01) != 0) {
                        xe0 += 1;
                        dxe0 -= 1;
                        xe1 += 2;
                        dxe1 -= 2;
                    } else if ((c1 & 0x02) != 0) {
                        ye0 += 1;
                        dye0 -= 1;
                        ye1 += 2;
                        dye1 -= 2;
                    } else if ((c1 & 0x04) != 0) {
                        ze0 += 1;
                        dze0 -= 1;
                        ze1 += 2;
                        dze1 -= 2;
                    } else {
                        we0 += 1;
                        dwe0 -= 1;
                        we1 += 2;
                        dwe1 -= 2;
                    }
                    xe2 = xsb + 1;
                    ye2 = ysb + 1;
                    ze2 = zsb + 1;
                    we2 = wsb + 1;
                    dxe2 = dx0 - 1 - 2 * s;
                    dye2 = dy0 - 1 - 2 * s;
                    dze2 = dz0 - 1 - 2 * s;
                    dwe2 = dw0 - 1 - 2 * s;
                    if ((c2 & 0x01) == 0) {
                        xe2 -= 2;
                        dxe2 += 2;
                    } else if ((c2 & 0x02) == 0) {
                        ye2 -= 2;
                        dye2 += 2;
                    } else if ((c2 & 0x04) == 0) {
                        ze2 -= 2;
                        dze2 += 2;
                    } else {
                        we2 -= 2;
                        dwe2 += 2;
                    }
                } else {
                    xe2 = xsb + 1;
                    ye2 = ysb + 1;
                    ze2 = zsb + 1;
                    we2 = wsb + 1;
                    dxe2 = dx0 - 1 - 4 * s;
                    dye2 = dy0 - 1 - 4 * s;
                    dze2 = dz0 - 1 - 4 * s;
                    dwe2 = dw0 - 1 - 4 * s;
                    int c = aPo & bPo;
                    if ((c & 0x01) != 0) {
                        xe0 = xsb + 2;
                        xe1 = xsb + 1;
                        dxe0 = dx0 - 2 - 3 * s;
                        dxe1 = dx0 - 1 - 3 * s;
                    } else {
                        xe0 = xe1 = xsb;
                        dxe0 = dxe1 = dx0 - 3 * s;
                    }
                    if ((c & 0x02) != 0) {
                        ye0 = ye1 = ysb + 1;
                        dye0 = dye1 = dy0 - 1 - 3 * s;
                        if ((c & 0x01) == 0) {
                            ye0 += 1;
                            dye0 -= 1;
                        } else {
                            ye1 += 1;
                            dye1 -= 1;
                        }
                    } else {
                        ye0 = ye1 = ysb;
                        dye0 = dye1 = dy0 - 3 * s;
                    }
                    if ((c & 0x04) != 0) {
                        ze0 = ze1 = zsb + 1;
                        dze0 = dze1 = dz0 - 1 - 3 * s;
                        if ((c & 0x03) == 0) {
                            ze0 += 1;
                            dze0 -= 1;
                        } else {
                            ze1 += 1;
                            dze1 -= 1;
                        }
                    } else {
                        ze0 = ze1 = zsb;
                        dze0 = dze1 = dz0 - 3 * s;
                    }
                    if ((c & 0x08) != 0) {
                        we0 = wsb + 1;
                        we1 = wsb + 2;
                        dwe0 = dw0 - 1 - 3 * s;
                        dwe1 = dw0 - 2 - 3 * s;
                    } else {
                        we0 = we1 = wsb;
                        dwe0 = dwe1 = dw0 - 3 * s;
                    }
                }
            } else {
                int c1 = aBigger ? aPo : bPo;
                int c2 = aBigger ? bPo : aPo;
                if ((c1 & 0x01) != 0) {
                    xe0 = xsb + 2;
                    xe1 = xsb + 1;
                    dxe0 = dx0 - 2 - 3 * s;
                    dxe1 = dx0 - 1 - 3 * s;
                } else {
                    xe0 = xe1 = xsb;
                    dxe0 = dxe1 = dx0 - 3 * s;
                }
                if ((c1 & 0x02) != 0) {
                    ye0 = ye1 = ysb + 1;
                    dye0 = dye1 = dy0 - 1 - 3 * s;
                    if ((c1 & 0x01) == 0) {
                        ye0 += 1;
                        dye0 -= 1;
                    } else {
                        ye1 += 1;
                        dye1 -= 1;
                    }
                } else {
                    ye0 = ye1 = ysb;
                    dye0 = dye1 = dy0 - 3 * s;
                }
                if ((c1 & 0x04) != 0) {
                    ze0 = ze1 = zsb + 1;
                    dze0 = dze1 = dz0 - 1 - 3 * s;
                    if ((c1 & 0x03) == 0) {
                        ze0 += 1;
                        dze0 -= 1;
                    } else {
                        ze1 += 1;
                        dze1 -= 1;
                    }
                } else {
                    ze0 = ze1 = zsb;
                    dze0 = dze1 = dz0 - 3 * s;
                }
                if ((c1 & 0x08) != 0) {
                    we0 = wsb + 1;
                    we1 = wsb + 2;
                    dwe0 = dw0 - 1 - 3 * s;
                    dwe1 = dw0 - 2 - 3 * s;
                } else {
                    we0 = we1 = wsb;
                    dwe0 = dwe1 = dw0 - 3 * s;
                }
                xe2 = xsb + 1;
                ye2 = ysb + 1;
                ze2 = zsb + 1;
                we2 = wsb + 1;
                dxe2 = dx0 - 1 - 2 * s;
                dye2 = dy0 - 1 - 2 * s;
                dze2 = dz0 - 1 - 2 * s;
                dwe2 = dw0 - 1 - 2 * s;
                if ((c2 & 0x01) == 0) {
                    xe2 -= 2;
                    dxe2 += 2;
                } else if ((c2 & 0x02) == 0) {
                    ye2 -= 2;
                    dye2 += 2;
                } else if ((c2 & 0x04) == 0) {
                    ze2 -= 2;
                    dze2 += 2;
                } else {
                    we2 -= 2;
                    dwe2 += 2;
                }
            }
            double dx4 = dx0 - 1 - 3 * s;
            double dy4 = dy0 - 1 - 3 * s;
            double dz4 = dz0 - 1 - 3 * s;
            double dw4 = dw0 - 3 * s;
            value += vertex4(perm, xsb + 1, ysb + 1, zsb + 1, wsb, dx4, dy4, dz4, dw4);
            double dz3 = dz0 - 3 * s;
            double dw3 = dw0 - 1 - 3 * s;
            value += vertex4(perm, xsb + 1, ysb + 1, zsb, wsb + 1, dx4, dy4, dz3, dw3);
            double dy2 = dy0 - 3 * s;
            value += vertex4(perm, xsb + 1, ysb, zsb + 1, wsb + 1, dx4, dy2, dz4, dw3);
            double dx1 = dx0 - 3 * s;
            value += vertex4(perm, xsb, ysb + 1, zsb + 1, wsb + 1, dx1, dy4, dz4, dw3);
            value = addMiddleVertices(value, perm, xsb, ysb, zsb, wsb, dx0, dy0, dz0, dw0);
        }
        value += vertex4(perm, xe0, ye0, ze0, we0, dxe0, dye0, dze0, dwe0);
        value += vertex4(perm, xe1, ye1, ze1, we1, dxe1, dye1, dze1, dwe1);
        value += vertex4(perm, xe2, ye2, ze2, we2, dxe2, dye2, dze2, dwe2);
        return value / NORM4;
    }

    /**
     * Adds, one after another, the contributions of the six vertices with two coordinates 1 and two 0,
     * which both dispentachora share.
     */
    private static double addMiddleVertices(double value, int[] perm, long xsb, long ysb, long zsb, long wsb,
        double dx0, double dy0, double dz0, double dw0) {
        final double s = SQUISH4;
        value += vertex4(perm, xsb + 1, ysb + 1, zsb, wsb, dx0 - 1 - 2 * s, dy0 - 1 - 2 * s, dz0 - 2 * s, dw0 - 2 * s);
        value += vertex4(perm, xsb + 1, ysb, zsb + 1, wsb, dx0 - 1 - 2 * s, dy0 - 2 * s, dz0 - 1 - 2 * s, dw0 - 2 * s);
        value += vertex4(perm, xsb + 1, ysb, zsb, wsb + 1, dx0 - 1 - 2 * s, dy0 - 2 * s, dz0 - 2 * s, dw0 - 1 - 2 * s);
        value += vertex4(perm, xsb, ysb + 1, zsb + 1, wsb, dx0 - 2 * s, dy0 - 1 - 2 * s, dz0 - 1 - 2 * s, dw0 - 2 * s);
        value += vertex4(perm, xsb, ysb + 1, zsb, wsb + 1, dx0 - 2 * s, dy0 - 1 - 2 * s, dz0 - 2 * s, dw0 - 1 - 2 * s);
        value += vertex4(perm, xsb, ysb, zsb + 1, wsb + 1, dx0 - 2 * s, dy0 - 2 * s, dz0 - 1 - 2 * s, dw0 - 1 - 2 * s);
        return value;
    }
}
