package flitter.language.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import flitter.model.Symbols;
import flitter.model.Vector;

/**
 * {@code uniform}, {@code normal}, {@code beta} and {@code shuffle}. Every expected number was
 * produced by the original implementation (flitter 1.0.0b28 built locally, its own
 * {@code uniform(...).slice(...)} / {@code shuffle(...)} on the same seeds, printed with
 * {@code repr} so all 17 significant digits are kept) and spot-checked against whole programs run by
 * the original, e.g. {@code !r e=normal(:x)[..4] f=shuffle(uniform(:x), ..10)}.
 */
class RandomLibraryTest {
    /** The indices every stream is sampled at: small, negative, 2^40, out of int64 range, NaN, near 2^63. */
    private static final double[] INDICES = {0, 1, 2, 3, 1000, -1, -2, 0x1p40, 1e30, Double.NaN, 0x1p63 - 0x1p10};

    private static final Vector SYMBOL_X = Vector.symbol("x");
    private static final Vector ONE = Vector.of(1);
    private static final Vector MINUS_3_2 = Vector.of(-3.2);
    private static final Vector HELLO = Vector.of("hello");
    private static final Vector ONE_TWO_THREE = Vector.of(1, 2, 3);
    private static final Vector MIXED = Vector.ofObjects(Symbols.number("a"), "b", 2.5);
    private static final Vector BIG = Vector.of(1e15);

    private static final double[] UNIFORM_SYMBOL_X = {0.5012199625101028, 0.8455173988858942, 0.1393270459400855, 0.6391457824015249, 0.5967216519570994, 0.7565468999279326, 0.9612655082880028, 0.8770225504951928, 0.5012199625101028, 0.5012199625101028, 0.6733009156786871};
    private static final double[] UNIFORM_ONE = {0.3236437711805903, 0.5057062674373606, 0.17853683594231115, 0.38401833171741456, 0.23702860003087078, 0.9828360224742672, 0.9481937442119824, 0.40367837156537323, 0.3236437711805903, 0.3236437711805903, 0.23795436324365898};
    private static final double[] UNIFORM_MINUS_3_2 = {0.6114666470450033, 0.30382635117376966, 0.5909889962523454, 0.1426884201685283, 0.4528928259327888, 0.018219016934461527, 0.1776529219354453, 0.8829533029897164, 0.6114666470450033, 0.6114666470450033, 0.4778260110303231};
    private static final double[] UNIFORM_HELLO = {0.29319015674697113, 0.7386034567001069, 0.8217225711888992, 0.4431237654787393, 0.4797003945985576, 0.7451877183032305, 0.35177308333379753, 0.4228454338111407, 0.46532257758493495, 0.46532257758493495, 0.06061136544285164};
    private static final double[] UNIFORM_ONE_TWO_THREE = {0.004935147268713727, 0.6559533115046052, 0.15137391615146725, 0.6165827252249533, 0.8360483891320059, 0.6921233476716275, 0.3109652929961907, 0.7319019464892198, 0.004935147268713727, 0.004935147268713727, 0.7647515126802911};
    private static final double[] UNIFORM_MIXED = {0.14145997489371467, 0.4933374344860032, 0.8011710249426728, 0.955472121705535, 0.658427938707635, 0.5843224604292558, 0.22647357727004722, 0.5885843997823659, 0.14145997489371467, 0.14145997489371467, 0.4028504011390329};
    private static final double[] UNIFORM_NULL = {0.11377270426292592, 0.12216453115897499, 0.16838215125240424, 0.0731532577968758, 0.6629592015424511, 0.7912193911403489, 0.6589479523680754, 0.6656351309032212, 0.8809257473942802, 0.8809257473942802, 0.37679675492515446};
    private static final double[] UNIFORM_BIG = {0.5954513223147109, 0.7868917866982243, 0.4281165897330389, 0.364172535424666, 0.7217485657173662, 0.0718379411774187, 0.7302972588075942, 0.19390716964941784, 0.5954513223147109, 0.5954513223147109, 0.3738249800189385};
    private static final double[] NORMAL_SYMBOL_X = {0.6637949166984212, -0.9699467837015469, -1.273741927423914, -1.5229721022637117, -0.19035186688293615, -0.28084805844190797, 0.011559313783324636, 0.47470304885514, 0.6637949166984212, 0.6637949166984212, -0.7599840209459813};
    private static final double[] NORMAL_ONE = {-1.5011077911134676, -0.05384309512351037, -1.3848472029966286, 1.2361710621158093, -1.634984700421859, -0.03510846698974737, 0.32428420821655696, -0.524433782126406, -1.5011077911134676, -1.5011077911134676, -1.2397586567427676};
    private static final double[] NORMAL_MINUS_3_2 = {-0.3290902870710895, 0.9356758623303185, 0.6403192152996015, 0.8011910282458024, -0.4060167556313225, 0.2123406468820941, 1.8468238864507571, 0.4167302861036494, -0.3290902870710895, -0.3290902870710895, -0.2593042367105451};
    private static final double[] NORMAL_HELLO = {-0.11207464870499005, -1.562468251131101, -0.5870705920084923, 0.2192099702533616, 0.505632742680155, -1.4448626777893037, -0.0437008477172681, 1.2111212730625343, -1.0730477441022306, -1.0730477441022306, 1.7864266705479264};
    private static final double[] NORMAL_ONE_TWO_THREE = {-1.8157939037281858, -2.7065915888619316, -1.4447604398407363, -1.2994890325766144, -0.044363988260523866, -1.4284933354574818, -0.5436494576290862, -0.7759339731748276, -1.8157939037281858, -1.8157939037281858, 0.620481329054624};
    private static final double[] NORMAL_MIXED = {-1.9760127305054915, 0.0827684637307476, 0.6399637380489543, -0.18386977680102462, -0.7905065391711964, -0.8709805116693903, -1.487160698549024, 0.34334796399184025, -1.9760127305054915, -1.9760127305054915, 0.9630522340829807};
    private static final double[] NORMAL_NULL = {1.5003277345391304, 1.4477990106631513, 1.6916951416535473, 0.8373803757334928, 0.8872973129421097, -0.8828962078687618, 0.2339139601596142, 0.10962150605945717, -0.4739854127439577, -0.4739854127439577, 1.3722753597477049};
    private static final double[] NORMAL_BIG = {0.23392458168480024, -0.9910350963656613, -0.8563212466122778, 0.9815464083556905, 0.5758111730000424, 0.3458398858902195, 0.713443775699791, -1.268576316117729, 0.23392458168480024, 0.23392458168480024, -1.3953769453679754};
    private static final double[] BETA_SYMBOL_X = {0.5012199625101028, 0.8930817937002967, 0.4813441859454821, 0.49591241988222035, 0.7913648170733798, 0.6848292869490202, 0.37471457534706615, 0.3174102837141092, 0.5012199625101028, 0.5012199625101028, 0.06712926034110266};
    private static final double[] BETA_ONE = {0.3236437711805903, 0.6619503345041775, 0.7444997308764126, 0.3901119440924076, 0.1854633368591839, 0.933954740358, 0.5290685136819245, 0.29233703889611923, 0.3236437711805903, 0.3236437711805903, 0.1867889829640853};
    private static final double[] BETA_MINUS_3_2 = {0.5909889962523454, 0.27007032336093656, 0.8359733734848805, 0.2968163725489427, 0.9013392547362831, 0.9625236328928158, 0.6243908941358751, 0.49459567705118385, 0.5909889962523454, 0.5909889962523454, 0.21111249016406416};
    private static final double[] BETA_HELLO = {0.7386034567001069, 0.5788765087361577, 0.1596588534344128, 0.06479130921116123, 0.3264431662628039, 0.35177308333379753, 0.4541765245143904, 0.6232773709734095, 0.7386034567001069, 0.7386034567001069, 0.7838894427124988};
    private static final double[] BETA_ONE_TWO_THREE = {0.15137391615146725, 0.7812328662100346, 0.7248870254851726, 0.5116962797324783, 0.19277728880643014, 0.3109652929961907, 0.8033152838213232, 0.34516871141281597, 0.15137391615146725, 0.15137391615146725, 0.47886960003769685};
    private static final double[] BETA_MIXED = {0.4933374344860032, 0.49989141902708734, 0.2941743739499738, 0.6116715002605466, 0.4453970665030046, 0.4669836848262176, 0.7973182491169, 0.4703452440123345, 0.4933374344860032, 0.4933374344860032, 0.6558289637455361};
    private static final double[] BETA_NULL = {0.12216453115897499, 0.3779147890248554, 0.7853626544310546, 0.1645438320891973, 0.9316598193082868, 0.34540092961541263, 0.2236165328545113, 0.460781218013994, 0.12216453115897499, 0.12216453115897499, 0.9132687808376153};
    private static final double[] BETA_BIG = {0.5954513223147109, 0.7890215686233644, 0.28116069283871054, 0.5117181802294761, 0.3092444423295039, 0.7302972588075942, 0.5078726745115187, 0.7365096337431539, 0.5954513223147109, 0.5954513223147109, 0.7106266558893859};

    private final RecordingContext context = new RecordingContext();

    private static void assertStream(double[] expected, Vector source) {
        assertNotNull(source.generator());
        Vector actual = source.slice(Vector.of(INDICES.clone()));
        assertEquals(expected.length, actual.length());
        for (int i = 0; i < expected.length; i++) {
            // uniform and beta are bit-exact (the original's 64-bit integer arithmetic and uint64 -> double
            // conversion); normal also goes through sin/cos/log, whose last bit may differ (see below).
            double tolerance = source.generator() instanceof RandomNormal ? 4 * Math.ulp(expected[i]) : 0.0;
            assertEquals(expected[i], actual.number(i), tolerance, "index " + INDICES[i]);
        }
    }

    private void assertStreams(String name, Vector seed, double[] expected) {
        assertStream(expected, context.call(name, seed));
        assertStream(expected, context.call(name, Map.of("value", seed)));
        context.assertNoErrors();
    }

    @Test
    void uniformStreams() {
        assertStreams("uniform", SYMBOL_X, UNIFORM_SYMBOL_X);
        assertStreams("uniform", ONE, UNIFORM_ONE);
        assertStreams("uniform", MINUS_3_2, UNIFORM_MINUS_3_2);
        assertStreams("uniform", HELLO, UNIFORM_HELLO);
        assertStreams("uniform", ONE_TWO_THREE, UNIFORM_ONE_TWO_THREE);
        assertStreams("uniform", MIXED, UNIFORM_MIXED);
        assertStreams("uniform", Vector.NULL, UNIFORM_NULL);
        assertStreams("uniform", BIG, UNIFORM_BIG);
    }

    @Test
    void normalStreams() {
        assertStreams("normal", SYMBOL_X, NORMAL_SYMBOL_X);
        assertStreams("normal", ONE, NORMAL_ONE);
        assertStreams("normal", MINUS_3_2, NORMAL_MINUS_3_2);
        assertStreams("normal", HELLO, NORMAL_HELLO);
        assertStreams("normal", ONE_TWO_THREE, NORMAL_ONE_TWO_THREE);
        assertStreams("normal", MIXED, NORMAL_MIXED);
        assertStreams("normal", Vector.NULL, NORMAL_NULL);
        assertStreams("normal", BIG, NORMAL_BIG);
    }

    @Test
    void normalIsWithinALastBitOfTheOriginalWhereTheCLibraryRoundsDifferently() {
        // Items of normal(:x) where StrictMath's sin/cos/log round differently from the C library the
        // original uses: we do not carry that library's tables, so these agree to within 4 ulp.
        double[] indices = {28, 85, 86, 87, 112, 116, 130, 134, 1650, 1651, 1696, 1697, 6768};
        double[] expected = {0.16530640014819298, 0.8713609289562354, 0.24127363775925026, -0.22543833051906984,
            1.2772361383851678, 0.8055883100625624, -1.8222457806696208, -0.001843463943470642, -0.4296280452667715,
            -0.06383572712608997, -0.6932030404852719, 1.67548574296881, 0.04768714376498497};
        Vector actual = context.call("normal", SYMBOL_X).slice(Vector.of(indices));
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual.number(i), 4 * Math.ulp(expected[i]), "index " + indices[i]);
        }
    }

    @Test
    void betaStreams() {
        assertStreams("beta", SYMBOL_X, BETA_SYMBOL_X);
        assertStreams("beta", ONE, BETA_ONE);
        assertStreams("beta", MINUS_3_2, BETA_MINUS_3_2);
        assertStreams("beta", HELLO, BETA_HELLO);
        assertStreams("beta", ONE_TWO_THREE, BETA_ONE_TWO_THREE);
        assertStreams("beta", MIXED, BETA_MIXED);
        assertStreams("beta", Vector.NULL, BETA_NULL);
        assertStreams("beta", BIG, BETA_BIG);
    }

    @Test
    void seedsAreFlooredAndSourcesSeedAsEmpty() {
        // uniform(1.7) is uniform(1); a source as a seed counts as null, like no seed at all.
        assertStream(UNIFORM_ONE, context.call("uniform", Vector.of(1.7)));
        assertStream(NORMAL_ONE, context.call("normal", Vector.of(1.7)));
        assertStream(UNIFORM_NULL, context.call("uniform"));
        assertStream(UNIFORM_NULL, context.call("uniform", context.call("uniform", SYMBOL_X)));
        assertStream(BETA_NULL, context.call("beta", context.call("normal", ONE)));
        context.assertNoErrors();
    }

    @Test
    void singleItems() {
        // The IndexLiteral path of the original: item(i) for an int64 i.
        Vector source = context.call("uniform", SYMBOL_X);
        assertEquals(UNIFORM_SYMBOL_X[1], source.item(1).asDouble(), 0.0);
        assertEquals(UNIFORM_SYMBOL_X[5], source.item(-1).asDouble(), 0.0);
        assertEquals(UNIFORM_SYMBOL_X[1], source.slice(Vector.of(1.5)).asDouble(), 0.0);
        assertEquals(UNIFORM_SYMBOL_X[6], source.slice(Vector.of(-1.5)).asDouble(), 0.0);
        assertEquals(BETA_HELLO[4], context.call("beta", HELLO).item(1000).asDouble(), 0.0);
    }

    @Test
    void sourcesAreEmptyTrueAndEqualByKindAndSeed() {
        Vector u = context.call("uniform", SYMBOL_X);
        assertEquals(0, u.length());
        assertTrue(u.asBool());
        assertEquals(u, context.call("uniform", SYMBOL_X));
        assertEquals(context.call("uniform", ONE), context.call("uniform", Vector.of(1.9)));
        assertNotEquals(u, context.call("normal", SYMBOL_X));
        assertNotEquals(u, context.call("beta", SYMBOL_X));
        assertNotEquals(u, context.call("uniform", ONE));
        assertNotEquals(u, Vector.NULL);
        assertSame(Vector.NULL, context.call("uniform", SYMBOL_X).slice(Vector.of("a")));
    }

    @Test
    void sourceArgumentErrors() {
        assertSame(Vector.NULL, context.call("uniform", ONE, ONE));
        assertSame(Vector.NULL, context.call("beta", ONE, ONE, ONE));
        assertSame(Vector.NULL, context.call("normal", Map.of("foo", ONE)));
        assertSame(Vector.NULL, context.call("uniform", Map.of("value", ONE), ONE));
        assertEquals(List.of(
            "Error calling uniform: __init__() takes at most 1 positional argument (2 given)",
            "Error calling beta: __init__() takes at most 1 positional argument (3 given)",
            "Error calling normal: __init__() got an unexpected keyword argument 'foo'",
            "Error calling uniform: __init__() got multiple values for keyword argument 'value'"), context.errors);
    }

    private static Vector range(int n) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = i;
        }
        return Vector.of(values);
    }

    @Test
    void shuffleNumbers() {
        assertEquals(RecordingContext.numbers(5, 8, 3, 7, 9, 0, 4, 2, 1, 6),
            context.call("shuffle", context.call("uniform", SYMBOL_X), range(10)));
        assertEquals(RecordingContext.numbers(11, 13, 1, 7, 10, 15, 6, 5, 14, 4, 18, 2, 8, 9, 16, 12, 17, 19, 3, 0),
            context.call("shuffle", context.call("beta", Vector.of(7)), range(20)));
        assertEquals(RecordingContext.numbers(42), context.call("shuffle", context.call("uniform", SYMBOL_X),
            Vector.of(42)));
        // Named arguments, as Python allows.
        assertEquals(RecordingContext.numbers(5, 8, 3, 7, 9, 0, 4, 2, 1, 6), context.call("shuffle",
            Map.of("source", context.call("uniform", SYMBOL_X), "xs", range(10))));
        context.assertNoErrors();
    }

    @Test
    void shuffleDoesNotChangeItsArgument() {
        Vector xs = range(10);
        context.call("shuffle", context.call("uniform", SYMBOL_X), xs);
        assertEquals(range(10), xs);
    }

    @Test
    void shuffleMixedAndStrings() {
        assertEquals(Vector.ofObjects("b", 2.0, 3.0, "a", 1.0), context.call("shuffle",
            context.call("uniform", Vector.of("s")), Vector.ofObjects(1.0, "a", 2.0, "b", 3.0)));
        assertEquals(Vector.ofObjects("r", "s", "p", "q"), context.call("shuffle", context.call("uniform", SYMBOL_X),
            Vector.ofObjects("p", "q", "r", "s")));
        context.assertNoErrors();
    }

    @Test
    void shuffleOfNothingIsNull() {
        Vector source = context.call("uniform", SYMBOL_X);
        assertSame(Vector.NULL, context.call("shuffle", source, Vector.NULL));
        assertSame(Vector.NULL, context.call("shuffle", source, source));
        context.assertNoErrors();
    }

    @Test
    void shuffleErrors() {
        assertSame(Vector.NULL, context.call("shuffle", Vector.symbol("s"), range(10)));
        assertSame(Vector.NULL, context.call("shuffle", context.call("uniform", SYMBOL_X)));
        assertSame(Vector.NULL, context.call("shuffle", context.call("uniform", SYMBOL_X), ONE, ONE));
        assertSame(Vector.NULL, context.call("shuffle", Map.of("xs", range(3))));
        assertSame(Vector.NULL, context.call("shuffle", Map.of("foo", ONE), context.call("uniform", SYMBOL_X), ONE));
        assertEquals(List.of(
            "Error calling shuffle: Argument 'source' has incorrect type (expected uniform, got Vector)",
            "Error calling shuffle: shuffle() takes exactly 2 positional arguments (1 given)",
            "Error calling shuffle: shuffle() takes exactly 2 positional arguments (3 given)",
            "Error calling shuffle: shuffle() takes exactly 2 positional arguments (0 given)",
            "Error calling shuffle: shuffle() got an unexpected keyword argument 'foo'"), context.errors);
    }

    @Test
    void shuffleWithANormalSourceFailsInsteadOfCorruptingMemory() {
        // The original indexes outside the vector (and crashes) when a normal item is outside [0, 1).
        // normal(1) starts with -1.50110779, so the first swap index would be negative.
        Vector result = context.call("shuffle", context.call("normal", ONE), range(3));
        assertSame(Vector.NULL, result);
        assertFalse(context.errors.isEmpty());
    }
}
