package flitter.language.builtins;

import flitter.model.Vector;

/**
 * The waveform built-ins: {@code bounce impulse sawtooth sharkfin sine square triangle}, each a wave in
 * [0,1] repeating once per unit of x.
 */
public final class WavesLibrary implements Library {
    @Override
    public void register(Registry registry) {
        registry.add(Builtin.elementwise("bounce", "xs", x -> MathsExact.sin(MathsLibm.PI * (x - Math.floor(x)))));
        registry.add(new Builtin("impulse", Parameters.of("xs", "cs").withDefaults(Parameters.NONE),
            (context, args) -> impulse(args[0], args[1])));
        registry.add(Builtin.elementwise("sawtooth", "xs", x -> x - Math.floor(x)));
        registry.add(Builtin.elementwise("sharkfin", "xs", WavesLibrary::sharkfin));
        registry.add(Builtin.elementwise("sine", "xs", x -> (1 - MathsLibm.cost(x)) / 2));
        registry.add(Builtin.elementwise("square", "xs", x -> {
            double f = x - Math.floor(x);
            return f < 0.5 ? 0 : 1;
        }));
        registry.add(Builtin.elementwise("triangle", "xs", x -> 1 - Math.abs((x - Math.floor(x)) * 2 - 1)));
    }

    private static double sharkfin(double x) {
        x -= Math.floor(x);
        return x < 0.5 ? MathsExact.sin(MathsLibm.PI * x) : 1 - MathsExact.sin(MathsLibm.PI * (x - 0.5));
    }

    /**
     * {@code impulse(xs, cs)}: a cubic rise to 1 at {@code c} (default 0.25, else cycling through
     * {@code cs}) and a cubic fall after it. As in the original, a division by a zero divisor fails.
     */
    private static Vector impulse(Vector xs, Vector cs) throws BuiltinException {
        double[] x = xs.numbers();
        double[] c = cs == null ? null : cs.numbers();
        if (x == null || (cs != null && c == null)) {
            return Vector.NULL;
        }
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double f = x[i] - Math.floor(x[i]);
            double k = c == null ? 0.25 : c[i % c.length];
            double y;
            if (f < k) {
                if (k == 0) {
                    throw new BuiltinException("float division");
                }
                y = 1 - f / k;
                double yy = y * y;
                y = 1 - yy * y;
            } else {
                double d = 1 - k;
                if (d == 0) {
                    throw new BuiltinException("float division");
                }
                y = 1 - (f - k) / d;
                double yy = y * y;
                y = yy * y;
            }
            out[i] = y;
        }
        return Vector.of(out);
    }
}
