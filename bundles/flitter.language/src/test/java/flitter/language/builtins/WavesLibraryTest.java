package flitter.language.builtins;

import static flitter.language.builtins.RecordingContext.expect;
import static flitter.language.builtins.RecordingContext.expectError;
import static flitter.language.builtins.RecordingContext.expectExactly;

import org.junit.jupiter.api.Test;

/** The waveform built-ins against the original implementation (see {@link MathsLibraryTest}). */
class WavesLibraryTest {
    @Test
    void bounce() {
        expect("bounce(0;0.25;0.5;0.75;1.3;-0.25)", "0;0.707106781;1;0.707106781;0.809016994;0.707106781");
        expect("bounce(null)", "null");
        expectExactly("bounce(0.1)", 0.3090169943749474);
    }

    @Test
    void impulse() {
        expect("impulse(0;0.1;0.25;0.5;0.75;1;-0.5)", "0;0.784;1;0.296296296;0.037037037;0;0.296296296");
        expect("impulse(0;0.1;0.25;0.5;0.75, 0.5)", "0;0.488;0.875;1;0.125");
        expect("impulse(0.2;0.6, 0.5;0.1)", "0.784;0.0877914952");
        expect("impulse(0.5, null)", "null");
        expect("impulse(null)", "null");
        expect("impulse(0.5, 0)", "0.125");
        expect("impulse(0.5, 1)", "0.875");
        expect("impulse(nan)", "nan");
        expect("impulse(0.5, cs=0.5)", "1");
        expectExactly("impulse(0.2;0.6, 0.5;0.1)", 0.784, 0.0877914951989026);
        expectError("impulse(nan, 1)", "Error calling impulse: float division");
        expectError("impulse(0.5;nan, 0.25;1)", "Error calling impulse: float division");
        expectError("impulse(-1e-20, 1)", "Error calling impulse: float division");
        expectError("impulse(1, 2, 3)", "Error calling impulse: impulse() takes at most 2 positional arguments (3 given)");
        expectError("impulse(0.5, c=0.5)", "Error calling impulse: impulse() got an unexpected keyword argument 'c'");
    }

    @Test
    void sawtooth() {
        expect("sawtooth(0;0.3;1.7;-0.3)", "0;0.3;0.7;0.7");
        expect("sawtooth(\"a\")", "null");
    }

    @Test
    void sharkfin() {
        expect("sharkfin(0;0.25;0.5;0.75;0.9;-0.1)", "0;0.707106781;1;0.292893219;0.0489434837;0.0489434837");
        expectExactly("sharkfin(0.9)", 0.04894348370484647);
    }

    @Test
    void sine() {
        expect("sine(0;0.25;0.5;0.75;0.1)", "0;0.5;1;0.5;0.0954915028");
        expectExactly("sine(0.1)", 0.09549150281252627);
    }

    @Test
    void square() {
        expect("square(0;0.25;0.5;0.75;1;-0.25)", "0;0;1;1;0;1");
        expect("square(nan)", "1");
    }

    @Test
    void triangle() {
        expect("triangle(0;0.25;0.5;0.75;1.1;-0.3)", "0;0.5;1;0.5;0.2;0.6");
        expect("triangle(null)", "null");
        expect("triangle(xs=0.25)", "0.5");
        expectError("triangle()", "Error calling triangle: triangle() takes exactly 1 positional argument (0 given)");
    }
}
