package flitter.render.gl.filters;

/**
 * OpenSimplex 2S noise in 3D (after K. Spencer's OpenSimplex2 description): the sum over two cubic
 * lattices offset by half a cell (the body-centred cubic lattice) of (0.75 - d²)⁴ times the dot product
 * of the offset d with a pseudo-random gradient from a set of 48, hashed from the lattice point with
 * the polynomial permutation modulo 289. Only the eight corners of the cell can be within reach of the
 * kernel, so each lattice sums over them.
 */
final class Noise {
    private Noise() {
    }

    static final String SOURCE = ""
        + "const mat3 IMPROVE_XY = mat3(0.788675134594813, -0.211324865405187, -0.577350269189626,\n"
        + "                             -0.211324865405187, 0.788675134594813, -0.577350269189626,\n"
        + "                             0.577350269189626, 0.577350269189626, 0.577350269189626);\n"
        + "float permute(float t) {\n"
        + "    t = mod(t, 289.0);\n"
        + "    return t * (34.0 * t + 133.0);\n"
        + "}\n"
        // The 48 gradients: a sign per axis from bits 0-2, an axis dropped by h / 16, and bit 3 choosing
        // between the cube-diagonal and the rhombic family.
        + "vec3 gradient(float h) {\n"
        + "    vec3 signs = mod(floor(h / vec3(1.0, 2.0, 4.0)), 2.0) * 2.0 - 1.0;\n"
        + "    vec3 edge = signs;\n"
        + "    edge[int(h / 16.0)] = 0.0;\n"
        + "    bool rhombic = mod(floor(h / 8.0), 2.0) == 1.0;\n"
        + "    vec3 g = 1.22474487139 * edge + (rhombic ? edge + cross(signs, edge) : signs);\n"
        + "    return g * (rhombic ? 3.5946317686139184 * (1.0 - 0.042942436724648037) : 3.5946317686139184);\n"
        + "}\n"
        + "float lattice_noise(float seed, vec3 p) {\n"
        + "    vec3 cell = floor(p);\n"
        + "    float total = 0.0;\n"
        + "    for (int corner = 0; corner < 8; corner++) {\n"
        + "        vec3 v = cell + vec3(corner & 1, (corner >> 1) & 1, corner >> 2);\n"
        + "        vec3 d = p - v;\n"
        + "        float falloff = max(0.75 - dot(d, d), 0.0);\n"
        + "        if (falloff > 0.0) {\n"
        + "            float h = mod(permute(permute(permute(seed + v.x) + v.y) + v.z), 48.0);\n"
        + "            falloff *= falloff;\n"
        + "            total += falloff * falloff * dot(d, gradient(h));\n"
        + "        }\n"
        + "    }\n"
        + "    return total;\n"
        + "}\n";
}
