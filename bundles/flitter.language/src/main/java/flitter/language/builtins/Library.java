package flitter.language.builtins;

import java.util.List;

/** A group of built-in functions (maths, colour, noise, …) that registers itself. */
interface Library {
    /** Every library, in registration order. */
    List<Library> LIBRARIES = List.of(new RandomLibrary(), new NoiseLibrary());

    void register(Registry registry);
}
