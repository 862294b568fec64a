package flitter.language.builtins;

/**
 * The easing built-ins: {@code cubic linear quad}, mapping x in [0,1] to y in [0,1], with 0 below
 * and 1 above that range.
 */
public final class EasingLibrary implements Library {
    @Override
    public void register(Registry registry) {
        registry.add(Builtin.elementwise("cubic", "xs", EasingLibrary::cubic));
        registry.add(Builtin.elementwise("linear", "xs", EasingLibrary::linear));
        registry.add(Builtin.elementwise("quad", "xs", EasingLibrary::quad));
    }

    private static double linear(double x) {
        if (x < 0) {
            return 0;
        }
        if (x > 1) {
            return 1;
        }
        return x;
    }

    private static double quad(double x) {
        if (x < 0 || x > 1) {
            return linear(x);
        }
        if (x < 0.5) {
            double h = x * 2;
            return h * h / 2;
        }
        double h = (1 - x) * 2;
        return 1 - h * h / 2;
    }

    private static double cubic(double x) {
        if (x < 0 || x > 1) {
            return linear(x);
        }
        if (x < 0.5) {
            double h = x * 2;
            return h * h * h / 2;
        }
        double h = (1 - x) * 2;
        return 1 - h * h * h / 2;
    }
}
