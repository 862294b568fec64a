package flitter.language.builtins;

import java.util.LinkedHashMap;
import java.util.Map;

import flitter.model.Context;
import flitter.model.Vector;

/**
 * {@code noise(seed, x, ...)} and {@code octnoise(seed, octaves, roughness, x, ...)}: OpenSimplex noise
 * in 1 to 4 dimensions (1D is 2D with y = 0), evaluated over the outer product of the coordinate
 * vectors (x outermost), in roughly [-1, 1]. The lattice permutation comes from shuffling 0..255 with
 * the uniform stream keyed by the seed hash (octave {@code i} XORs {@code i} into it).
 */
final class NoiseLibrary implements Library {
    /** How many permutation tables are kept, oldest dropped first (as the original). */
    private static final int MAX_PERMUTATIONS = 1000;
    private static final Map<Long, int[]> PERMUTATIONS = new LinkedHashMap<>();

    @Override
    public void register(Registry registry) {
        registry.add(new Builtin("noise", Parameters.of("seed").withRest(), NoiseLibrary::noise));
        registry.add(new Builtin("octnoise", Parameters.of("seed", "octaves", "roughness").withRest(),
            NoiseLibrary::octaveNoise));
    }

    /** The lattice permutation for a seed hash and octave. */
    static int[] permutation(long seedHash, long octave) {
        long key = seedHash ^ octave;
        synchronized (PERMUTATIONS) {
            int[] perm = PERMUTATIONS.get(key);
            if (perm != null) {
                return perm;
            }
        }
        int[] perm = RandomLibrary.permutation(new RandomUniform(key), 256);
        synchronized (PERMUTATIONS) {
            if (!PERMUTATIONS.containsKey(key)) {
                if (PERMUTATIONS.size() >= MAX_PERMUTATIONS) {
                    Long oldest = PERMUTATIONS.keySet().iterator().next();
                    PERMUTATIONS.remove(oldest);
                }
                PERMUTATIONS.put(key, perm);
            }
        }
        return perm;
    }

    /**
     * Noise over the outer product of the coordinate lists; {@code null} unless there are 1 to 4
     * lists, all numeric.
     */
    static double[] evaluate(int[] perm, double[][] coords) {
        for (double[] c : coords) {
            if (c == null) {
                return null;
            }
        }
        switch (coords.length) {
            case 1: {
                double[] xs = coords[0];
                double[] out = new double[xs.length];
                for (int i = 0; i < xs.length; i++) {
                    out[i] = NoiseSimplex.noise2(perm, xs[i], 0);
                }
                return out;
            }
            case 2: {
                double[] xs = coords[0];
                double[] ys = coords[1];
                double[] out = new double[size(xs.length, ys.length)];
                int k = 0;
                for (double x : xs) {
                    for (double y : ys) {
                        out[k++] = NoiseSimplex.noise2(perm, x, y);
                    }
                }
                return out;
            }
            case 3: {
                double[] xs = coords[0];
                double[] ys = coords[1];
                double[] zs = coords[2];
                double[] out = new double[size(xs.length, ys.length, zs.length)];
                int k = 0;
                for (double x : xs) {
                    for (double y : ys) {
                        for (double z : zs) {
                            out[k++] = NoiseSimplex.noise3(perm, x, y, z);
                        }
                    }
                }
                return out;
            }
            case 4: {
                double[] xs = coords[0];
                double[] ys = coords[1];
                double[] zs = coords[2];
                double[] ws = coords[3];
                double[] out = new double[size(xs.length, ys.length, zs.length, ws.length)];
                int k = 0;
                for (double x : xs) {
                    for (double y : ys) {
                        for (double z : zs) {
                            for (double w : ws) {
                                out[k++] = NoiseSimplex.noise4(perm, x, y, z, w);
                            }
                        }
                    }
                }
                return out;
            }
            default:
                return null;
        }
    }

    private static int size(int... lengths) {
        long n = 1;
        for (int length : lengths) {
            n *= length;
            if (n > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("too many noise values: " + n);
            }
        }
        return (int) n;
    }

    private static double[][] coordinates(Vector[] args, int from) {
        double[][] coords = new double[args.length - from][];
        for (int i = from; i < args.length; i++) {
            coords[i - from] = args[i].numbers();
        }
        return coords;
    }

    private static Vector result(double[] values) {
        return values == null || values.length == 0 ? Vector.NULL : Vector.of(values);
    }

    /** {@code noise(seed, x, ...)}. */
    private static Vector noise(Context context, Vector[] args) {
        int[] perm = permutation(RandomLibrary.seedHash(args[0]), 0);
        return result(evaluate(perm, coordinates(args, 1)));
    }

    /**
     * {@code octnoise(seed, octaves, roughness, x, ...)}: octaves of doubling frequency, octave {@code i}
     * weighted by {@code roughness^i}.
     */
    private static Vector octaveNoise(Context context, Vector[] bound) {
        Vector octaves = bound[1];
        Vector roughness = bound[2];
        if (!octaves.isNumeric() || octaves.length() != 1 || !roughness.isNumeric() || roughness.length() != 1) {
            return Vector.NULL;
        }
        long seedHash = RandomLibrary.seedHash(bound[0]);
        long n = RandomMath.truncateToLong(octaves.asDouble());
        double[][] coords = coordinates(bound, 3);
        if (n == 1) {
            return result(evaluate(permutation(seedHash, 0), coords));
        }
        for (int i = 0; i < coords.length; i++) {
            if (coords[i] == null) {
                return Vector.NULL;
            }
            coords[i] = coords[i].clone();
        }
        double k = roughness.asDouble();
        double weightSum = 0;
        double weight = 1;
        double[] total = null;
        for (long i = 0; i < n; i++) {
            double[] single = evaluate(permutation(seedHash, i), coords);
            if (i == 0) {
                total = single;
            } else if (single != null) {
                for (int j = 0; j < single.length; j++) {
                    total[j] += single[j] * weight;
                }
            }
            for (double[] c : coords) {
                for (int j = 0; j < c.length; j++) {
                    c[j] *= 2;
                }
            }
            weightSum += weight;
            weight *= k;
        }
        if (total == null) {
            return Vector.NULL;
        }
        for (int j = 0; j < total.length; j++) {
            total[j] /= weightSum;
        }
        return result(total);
    }
}
