package flitter.language.builtins;

import static flitter.language.builtins.RecordingContext.expect;
import static flitter.language.builtins.RecordingContext.expectError;
import static flitter.language.builtins.RecordingContext.expectExactly;

import org.junit.jupiter.api.Test;

/** The colour built-ins against the original implementation (see {@link MathsLibraryTest}). */
class ColorLibraryTest {
    @Test
    void colortemp() {
        expect("colortemp(1000;1667;2000;3000;4000;5000;6500;10000;30000)",
            "0.00165702675;0.000291331272;0;0.0127959319;0.00224972536;0;0.0225595966;0.00578143349;0.000179236468;"
                + "0.0799975201;0.0382833687;0.0123438059;0.20240819;0.132211351;0.0763758407;0.423550685;0.335689777;"
                + "0.266516485;1.04037505;0.981693329;1.03266281;4.87722424;5.55901883;7.99566334;329.278944;447.1306;"
                + "872.535809");
        expect("colortemp(6500, true)", "1.04261767;0.983809454;1.0348888");
        expect("colortemp(2000;8000, true)", "2.5223185;0.64640414;0.0200398734;0.947336274;0.991738008;1.23691537");
        expect("colortemp(-5)", "0;0;0");
        expect("colortemp(nan)", "0;0;0");
        expect("colortemp(inf)", "0;0;0");
        expect("colortemp(null)", "null");
        expect("colortemp(\"a\")", "null");
        expect("colortemp(t=3000, normalize=true)", "1.76677027;0.845500183;0.272616818");
        expectExactly("colortemp(3000)", 0.07999752009799253, 0.038283368747427084, 0.012343805905389622);
        expectExactly("colortemp(6500, 1)", 1.0426176661331037, 0.9838094542829852, 1.0348888029605992);
        expectError("colortemp(1, 2, 3)",
            "Error calling colortemp: colortemp() takes at most 2 positional arguments (3 given)");
    }

    @Test
    void hsl() {
        expect("hsl(0;1;0.5)", "1;0;0");
        expect("hsl(0.3;0.5;0.5)", "0.35;0.75;0.25");
        expect("hsl(0.5;2;0.8)", "0.6;1;1");
        expect("hsl(-0.25;0.5;0.3)", "0.3;0.15;0.45");
        expect("hsl(1;1)", "null");
        expect("hsl(1;1;1;1)", "null");
        expect("hsl(null)", "null");
        expect("hsl(nan;0.5;0.5)", "0.25;0.25;0.25");
        expect("hsl(0.2;nan;nan)", "0;0;0");
        expect("hsl(color=0.5;0.5;0.5)", "0.25;0.75;0.75");
        expectExactly("hsl(0.3;0.5;0.5)", 0.3500000000000001, 0.75, 0.25);
        expectError("hsl(1, 2)", "Error calling hsl: hsl() takes exactly 1 positional argument (2 given)");
    }

    @Test
    void hsv() {
        expect("hsv(0.6)", "0;0.4;1");
        expect("hsv(0.6;0.5)", "0.5;0.7;1");
        expect("hsv(0.6;0.5;0.5)", "0.25;0.35;0.5");
        expect("hsv(0.1;0;1)", "1;1;1");
        expect("hsv(0.1;1;0)", "0;0;0");
        expect("hsv(1;1;1;1)", "null");
        expect("hsv(null)", "null");
        expect("hsv(0.2;nan;nan)", "0;0;0");
        expect("hsv(inf)", "0;0;0");
        expect("hsv(color=0.5)", "0;1;1");
        expectExactly("hsv(0.6;0.5;0.5)", 0.25, 0.3500000000000001, 0.5);
    }

    @Test
    void oklab() {
        expect("oklab(0.5;0.1;-0.1)", "0.218713242;0.0603755456;0.320863198");
        expect("oklab(1;0;0)", "1.0002667;1.00005409;0.999274494");
        expect("oklab(0;0;0)", "0;0;0");
        expect("oklab(1;0)", "null");
        expectExactly("oklab(0.5;0.1;-0.1)", 0.2187132424494702, 0.06037554559453683, 0.3208631976631535);
    }

    @Test
    void oklch() {
        expect("oklch(0.7;0.1;0.3)", "0.372749927;0.367139015;0.0930636943");
        expect("oklch(0.5;0;0)", "0.125033337;0.125006761;0.124909312");
        expect("oklch(null)", "null");
        expectExactly("oklch(0.7;0.1;0.3)", 0.3727499265964625, 0.36713901465830917, 0.09306369431524383);
        expectError("oklch()", "Error calling oklch: oklch() takes exactly 1 positional argument (0 given)");
    }
}
