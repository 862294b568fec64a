package flitter.language.builtins;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import flitter.model.Context;
import flitter.model.Symbols;
import flitter.model.Vector;

/**
 * Reading files next to the program: {@code read}, {@code read_bytes}, {@code csv}, {@code srt} and
 * {@code glob}. Relative names resolve against the directory of the program file; contents come
 * from the {@linkplain FileCache shared cache}.
 */
final class FileLibrary implements Library {
    @Override
    public void register(Registry registry) {
        registry.add(new Builtin("read", Parameters.afterContext("filename"), FileLibrary::read));
        registry.add(new Builtin("read_bytes", Parameters.afterContext("filename"), FileLibrary::readBytes));
        registry.add(new Builtin("csv", Parameters.afterContext("filename", "row_number"), FileLibrary::csv));
        registry.add(new Builtin("srt", Parameters.afterContext("filename", "time"), FileLibrary::srt));
        registry.add(new Builtin("glob", Parameters.afterContext("pattern"), FileLibrary::glob));
    }

    private static FileCache.Entry file(Context context, String name) throws BuiltinException {
        return FileCache.shared().get(name, context.path());
    }

    static Vector read(Context context, Vector[] args) throws BuiltinException {
        String name = args[0].asString();
        if (name.isEmpty()) {
            return Vector.NULL;
        }
        String text = file(context, name).readText();
        return text == null ? Vector.NULL : Vector.of(text);
    }

    static Vector readBytes(Context context, Vector[] args) throws BuiltinException {
        String name = args[0].asString();
        if (name.isEmpty()) {
            return Vector.NULL;
        }
        byte[] data = file(context, name).readBytes();
        if (data == null) {
            return Vector.NULL;
        }
        double[] numbers = new double[data.length];
        for (int i = 0; i < numbers.length; i++) {
            numbers[i] = data[i] & 0xff;
        }
        return Vector.of(numbers);
    }

    /** The original's {@code Vector.match(1, int)}: a single number floored or a string read as an integer; else null. */
    static Double matchInteger(Vector v) throws BuiltinException {
        if (v.length() != 1) {
            return null;
        }
        Object element = v.get(0);
        if (element instanceof Double) {
            double f = (Double) element;
            if (Symbols.name(f) != null) {
                return null;
            }
            if (Double.isNaN(f)) {
                throw new BuiltinException("cannot convert float NaN to integer");
            }
            if (Double.isInfinite(f)) {
                throw new BuiltinException("cannot convert float infinity to integer");
            }
            return Math.floor(f);
        }
        if (element instanceof String) {
            return TextPython.parseInt((String) element);
        }
        throw new BuiltinException("int() argument must be a string, a bytes-like object or a real number, not '"
            + VectorOrder.typeName(element) + "'");
    }

    /** The original's {@code Vector.match(1, float)}: a single number, or a string read as one; else null. */
    static Double matchFloat(Vector v) throws BuiltinException {
        if (v.length() != 1) {
            return null;
        }
        Object element = v.get(0);
        if (element instanceof Double) {
            return (Double) element;
        }
        if (element instanceof String) {
            return TextPython.parseFloat((String) element);
        }
        throw new BuiltinException("float() argument must be a string or a real number, not '"
            + VectorOrder.typeName(element) + "'");
    }

    static Vector csv(Context context, Vector[] args) throws BuiltinException {
        String name = args[0].asString();
        Double row = matchInteger(args[1]);
        if (args[0].asBool() && row != null) {
            return file(context, name).readCsvRow(row < Long.MAX_VALUE ? row.longValue() : Long.MAX_VALUE);
        }
        return Vector.NULL;
    }

    static Vector srt(Context context, Vector[] args) throws BuiltinException {
        String name = args[0].asString();
        Double time = matchFloat(args[1]);
        List<Object> lines = new ArrayList<>();
        if (args[0].asBool() && time != null) {
            List<FileCache.Subtitle> subtitles = file(context, name).readSrt();
            if (subtitles != null) {
                double t = time;
                for (FileCache.Subtitle subtitle : subtitles) {
                    if (subtitle.start <= t && t < subtitle.end) {
                        lines.addAll(subtitle.lines);
                    }
                }
            }
        }
        return Vector.ofObjects(lines.toArray());
    }

    static Vector glob(Context context, Vector[] args) throws BuiltinException {
        Path base = FileCache.directoryOf(context.path());
        List<String> names = new ArrayList<>();
        for (Path path : FileGlob.glob(base, args[0].asString())) {
            names.add(FileCache.resolve(path).toString());
        }
        names.sort(Vector::compareCodePoints);
        return Vector.ofObjects(names.toArray());
    }
}
