package flitter.language.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import flitter.model.Vector;

/**
 * {@code noise} and {@code octnoise}. Every expected number was produced by the original
 * implementation (flitter 1.0.0b28 built locally: its {@code noise}/{@code octnoise} on the same
 * arguments, printed with {@code repr}) and spot-checked against whole programs run by the original,
 * e.g. {@code !r a=noise(:n, 0.5, 1.25)}. They are compared bit for bit.
 */
class NoiseLibraryTest {
    private final RecordingContext context = new RecordingContext();

    private static Vector v(double... values) {
        return RecordingContext.numbers(values);
    }

    private static void assertExactly(double[] expected, Vector actual) {
        assertEquals(expected.length, actual.length(), () -> "got " + actual);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual.number(i), 0.0, "item " + i);
        }
    }

    private void assertNoise(double[] expected, Vector... args) {
        assertExactly(expected, context.call("noise", args));
        context.assertNoErrors();
    }

    private void assertOctaves(double[] expected, Vector... args) {
        assertExactly(expected, context.call("octnoise", args));
        context.assertNoErrors();
    }

    @Test
    void twoDimensions() {
        assertNoise(new double[] {-0.29082264530366103}, Vector.symbol("n"), v(0.5), v(1.25));
        // Outer product, x outermost: (0.1,-1) (0.1,3.75) (0.1,10) (2.5,-1) ...
        assertNoise(new double[] {0.5957272919667524, 0.1764099961594258, 0.36906329897129353, -0.021637475370396706,
            -0.4939179942663156, 0.6275015087543039}, Vector.of("seed"), v(0.1, 2.5), v(-1, 3.75, 10));
        assertNoise(new double[] {-0.401186012810423, -0.2718587086157162}, v(-12.5), v(-1000.3, -0.001), v(-7.77));
    }

    @Test
    void oneDimensionIsTwoWithYZero() {
        assertNoise(new double[] {0.0, -0.6625884004135499, 0.24975695720756996, 0.10894409999438746, -0.1036698883700502,
            -0.19039652330118134}, Vector.symbol("x"), v(0, 0.5, 1.7, -3.2, 100.25, 1e6));
        assertExactly(new double[] {-0.6625884004135499}, context.call("noise", Vector.symbol("x"), v(0.5), v(0)));
    }

    @Test
    void threeDimensions() {
        assertNoise(new double[] {0.23301232677869668, -0.47916859427831676, -0.3015577098066244, -0.004873854652285029,
            -0.1107877699977229, -0.3154931831668062, -0.542024077669903, 0.12060601929090319}, v(7), v(0.3, -2.2),
            v(1.1, 4), v(-0.6, 8.8));
    }

    @Test
    void fourDimensions() {
        assertNoise(new double[] {-0.19505869329462489, 0.5630749540011543, 0.23736639499214288, -0.5275263609090965,
            0.2813791129532806, 0.45394658494946954, 0.20463468537422977, -0.32734284885424975, -0.09825012583675659,
            0.003571769447400388, 0.3156754223768698, 0.147104962727232, -0.31908724326846033, -0.0746326090531563,
            0.30672926944671336, 0.31085186280450194}, v(1, 2), v(0.1, 1.9), v(-0.7, 2.2), v(3.3, -1.4), v(0.25, 5.5));
    }

    @Test
    void largeAndNonFiniteCoordinates() {
        assertNoise(new double[] {-0.14834855476970468, -0.2693802109791941, 0.08552429523873836, 0.0,
            0.5414613446089855, -0.33141652532134525}, Vector.symbol("x"), v(1e9 + 0.37, 3.1e15, -4.5e12),
            v(0.5, -123456.789));
        // Beyond int64 the lattice index is INT64_MIN (x86-64) and nothing is in range: 0.
        assertNoise(new double[] {0, 0, 0, 0, 0, 0, 0}, Vector.symbol("x"),
            v(1e20, -1e20, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 9.3e18, -0x1p63), v(0.5));
    }

    @Test
    void seeds() {
        double[] expected = {0.4207496606088991, 0.47872150126114643};
        assertNoise(expected, Vector.NULL, v(0.3, 0.6));
        // A source as seed hashes like an empty vector.
        assertNoise(expected, context.call("uniform", Vector.symbol("x")), v(0.3, 0.6));
        // Seeds are floored like the random sources'.
        assertExactly(context.call("noise", v(7), v(0.3)).numbers(), context.call("noise", v(7.9), v(0.3)));
    }

    @Test
    void octaves() {
        assertOctaves(new double[] {-0.22998919699270776, -0.054775719456594256, 0.2592776873376769},
            Vector.symbol("x"), v(3), v(0.5), v(0.2, 1.5, -4.4));
        assertOctaves(new double[] {-0.23738294542198135, 0.11281585953694169, 0.4719502486735161, 0.6268049731801021},
            v(1), v(2), v(0.25), v(0.2, 1.5), v(3.1, -0.9));
        assertOctaves(new double[] {-0.023036530086678525, 0.11403058570999207, 0.17341687807783648,
            -0.1348939832327877}, Vector.of("o"), v(4), v(0.8), v(0.2, 1.5), v(0.7), v(-2.5, 6));
        assertOctaves(new double[] {-0.0863077745860323, -0.02913383883431703}, Vector.symbol("w"), v(5), v(0.5),
            v(0.2), v(1.5, -3), v(0.7), v(9.25));
        assertOctaves(new double[] {0.2016716502771078, -0.08241183560935599}, Vector.of("r"), v(3), v(2),
            v(0.2, 1.5), v(0.1));
    }

    @Test
    void octaveCountIsTruncatedAndOneOctaveIsPlainNoise() {
        double[] two = {-0.2720745211162731, -0.03900540847396237};
        assertOctaves(two, Vector.symbol("x"), v(2), v(0.5), v(0.2, 1.5));
        assertOctaves(two, Vector.symbol("x"), v(2.9), v(0.5), v(0.2, 1.5));
        double[] one = {-0.3224556994815746, -0.029900922840057582};
        assertOctaves(one, Vector.symbol("x"), v(1), v(0.5), v(0.2, 1.5));
        assertNoise(one, Vector.symbol("x"), v(0.2, 1.5));
        // Parameters may be named, but then (as in Python) no coordinates can follow: null.
        assertSame(Vector.NULL, context.call("octnoise", Map.of("octaves", v(2), "roughness", v(0.5)), Vector.symbol("x")));
        context.assertNoErrors();
    }

    @Test
    void nullResults() {
        Vector x = Vector.symbol("x");
        assertSame(Vector.NULL, context.call("noise", x));
        assertSame(Vector.NULL, context.call("noise", Map.of("seed", x)));
        assertSame(Vector.NULL, context.call("noise", x, v(0.5), Vector.of("a")));
        assertSame(Vector.NULL, context.call("noise", x, v(0.5), Vector.NULL));
        assertSame(Vector.NULL, context.call("noise", x, v(0.1), v(0.2), v(0.3), v(0.4), v(0.5)));
        assertSame(Vector.NULL, context.call("noise", x, context.call("uniform", x)));
        assertSame(Vector.NULL, context.call("octnoise", x, v(0), v(2), v(0.2)));
        assertSame(Vector.NULL, context.call("octnoise", x, v(-1), v(0.5), v(0.1)));
        assertSame(Vector.NULL, context.call("octnoise", x, v(2, 3), v(0.5), v(0.1)));
        assertSame(Vector.NULL, context.call("octnoise", x, v(2), Vector.of("a"), v(0.1)));
        assertSame(Vector.NULL, context.call("octnoise", x, v(Double.NaN), v(0.5), v(0.1)));
        assertSame(Vector.NULL, context.call("octnoise", x, v(1e30), v(0.5), v(0.1)));
        assertSame(Vector.NULL, context.call("octnoise", x, v(2), v(0.5), v(0.1), Vector.of("a")));
        assertSame(Vector.NULL, context.call("octnoise", x, v(1), v(0.5), v(0.1), Vector.of("a")));
        assertSame(Vector.NULL, context.call("octnoise", x, v(3), v(0.5)));
        context.assertNoErrors();
    }

    @Test
    void argumentErrors() {
        Vector x = Vector.symbol("x");
        assertSame(Vector.NULL, context.call("noise"));
        assertSame(Vector.NULL, context.call("noise", Map.of("seed", x), v(0.5)));
        assertSame(Vector.NULL, context.call("noise", Map.of("foo", v(1)), x, v(0.5)));
        assertSame(Vector.NULL, context.call("octnoise", x, v(2)));
        assertSame(Vector.NULL, context.call("octnoise", Map.of("roughness", v(0.5), "octaves", v(2))));
        assertEquals(List.of(
            "Error calling noise: noise() takes at least 1 positional argument (0 given)",
            "Error calling noise: noise() got multiple values for keyword argument 'seed'",
            "Error calling noise: noise() got an unexpected keyword argument 'foo'",
            "Error calling octnoise: octnoise() takes at least 3 positional arguments (2 given)",
            "Error calling octnoise: octnoise() takes at least 3 positional arguments (0 given)"), context.errors);
    }
}
