package flitter.language.builtins;

import static flitter.language.builtins.RecordingContext.expect;
import static flitter.language.builtins.RecordingContext.expectError;

import org.junit.jupiter.api.Test;

/** The easing built-ins against the original implementation (see {@link MathsLibraryTest}). */
class EasingLibraryTest {
    @Test
    void cubic() {
        expect("cubic(-1;0;0.25;0.5;0.75;1;2)", "0;0;0.0625;0.5;0.9375;1;1");
        expect("cubic(xs=0.25)", "0.0625");
        expect("cubic(null)", "null");
        expectError("cubic(1, 2)", "Error calling cubic: cubic() takes exactly 1 positional argument (2 given)");
    }

    @Test
    void linear() {
        expect("linear(-1;0;0.25;0.5;1;2)", "0;0;0.25;0.5;1;1");
        expect("linear(nan)", "nan");
        expect("linear(\"a\")", "null");
    }

    @Test
    void quad() {
        expect("quad(-1;0;0.25;0.5;0.75;1;2)", "0;0;0.125;0.5;0.875;1;1");
        expect("quad(1;\"a\")", "null");
    }
}
