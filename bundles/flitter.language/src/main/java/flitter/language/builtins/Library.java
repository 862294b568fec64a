package flitter.language.builtins;

import java.util.List;

/** A group of built-in functions (maths, colour, noise, …) that registers itself. */
interface Library {
    /** Every library, in registration order. */
    List<Library> LIBRARIES = List.of(new MathsLibrary(), new WavesLibrary(), new EasingLibrary(), new ColorLibrary(),
        new VectorLibrary(), new TextLibrary(), new FileLibrary(), new QuaternionLibrary(), new DebugLibrary(),
        new RandomLibrary(), new NoiseLibrary());

    void register(Registry registry);
}
