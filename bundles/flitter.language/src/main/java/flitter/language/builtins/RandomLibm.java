package flitter.language.builtins;

/** Placeholder: sin, cos and log as the original's C library computes them. */
final class RandomLibm {
    private RandomLibm() {
    }

    static double sin(double x) {
        return Math.sin(x);
    }

    static double cos(double x) {
        return Math.cos(x);
    }

    static double log(double x) {
        return Math.log(x);
    }
}
