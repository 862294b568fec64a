package flitter.language.builtins;

import java.util.List;

import flitter.model.Vector;

/** Text functions: {@code chr}, {@code ord}, {@code split} and {@code concat}. */
final class TextLibrary implements Library {
    private static final Vector NEWLINE = Vector.of("\n");

    @Override
    public void register(Registry registry) {
        registry.add(Builtin.of("chr", (c, a) -> chr(a[0]), "ordinals"));
        registry.add(Builtin.of("ord", (c, a) -> ord(a[0]), "text"));
        registry.add(new Builtin("split", Parameters.of("text", "separator").withDefaults(NEWLINE),
            (c, a) -> split(a[0], a[1])));
        registry.add(Builtin.of("concat", (c, a) -> concat(a[0]), "text"));
    }

    /** The characters with the given code points (each floored) as one string. */
    static Vector chr(Vector ordinals) throws BuiltinException {
        double[] numbers = ordinals.numbers();
        if (numbers == null) {
            return Vector.NULL;
        }
        StringBuilder text = new StringBuilder(numbers.length);
        for (double x : numbers) {
            double f = Math.floor(x);
            if (!(f >= 0 && f <= Character.MAX_CODE_POINT)) {
                throw new BuiltinException("chr() arg not in range(0x110000)");
            }
            text.appendCodePoint((int) f);
        }
        return Vector.of(text.toString());
    }

    /** The code points of the vector's text. */
    static Vector ord(Vector text) {
        return Vector.of(text.asString().codePoints().asDoubleStream().toArray());
    }

    static Vector split(Vector text, Vector separator) throws BuiltinException {
        if (text.length() == 0 || separator.length() == 0) {
            return Vector.NULL;
        }
        String sep = separator.asString();
        if (sep.isEmpty()) {
            throw new BuiltinException("empty separator");
        }
        List<String> values = TextPython.split(text.asString(), sep);
        while (values.get(values.size() - 1).isEmpty()) {
            values.remove(values.size() - 1);
            if (values.isEmpty()) {
                throw new BuiltinException("list index out of range");
            }
        }
        return Vector.ofObjects(values.toArray());
    }

    static Vector concat(Vector text) {
        return text.length() == 0 ? Vector.NULL : Vector.of(text.asString());
    }
}
