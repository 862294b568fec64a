package flitter.language;

import java.util.Locale;
import java.util.Map;

import flitter.model.Vector;

/**
 * Command-line definitions ({@code --define NAME=VALUE}), read as the original reads them: the value
 * is split on {@code ;}; each item is a symbol ({@code :name}), a number (with an SI suffix, e.g.
 * {@code 5k}, {@code 90deg}), a time code ({@code 1:30}), or else a string.
 */
public final class Defines {
    private Defines() {
    }

    /** {@code NAME=VALUE} as a name and a value; throws IllegalArgumentException without {@code =}. */
    public static Map.Entry<String, Vector> parse(String definition) {
        int equals = definition.indexOf('=');
        if (equals < 0) {
            throw new IllegalArgumentException("a definition is NAME=VALUE, not '" + definition + "'");
        }
        String name = definition.substring(0, equals);
        String[] items = definition.substring(equals + 1).split(";", -1);
        Vector.Builder value = new Vector.Builder(items.length);
        for (String item : items) {
            value.add(item(item));
        }
        return Map.entry(name, value.build());
    }

    private static Object item(String item) {
        if (item.startsWith(":")) {
            return flitter.model.Symbols.number(item.substring(1));
        }
        Double number = number(item);
        if (number != null) {
            return number;
        }
        Double seconds = timecode(item);
        return seconds != null ? seconds : item;
    }

    private static final String[] SUFFIXES = {"\u00b0", "deg", "p", "n", "u", "\u00b5", "m", "k", "M", "G", "T"};
    private static final double[] MULTIPLIERS = {1.0 / 360, 1.0 / 360, 1e-12, 1e-9, 1e-6, 1e-6, 1e-3, 1e3, 1e6, 1e9, 1e12};

    /** The first suffix the text ends with decides, as in the original: "nan" ends in "n" and stays a string. */
    private static Double number(String text) {
        for (int i = 0; i < SUFFIXES.length; i++) {
            if (text.endsWith(SUFFIXES[i])) {
                Double base = pythonFloat(text.substring(0, text.length() - SUFFIXES[i].length()));
                return base == null ? null : base * MULTIPLIERS[i];
            }
        }
        return pythonFloat(text);
    }

    /** Python's float(): surrounding spaces, single underscores between digits, inf/infinity/nan. */
    private static Double pythonFloat(String text) {
        String t = text.strip();
        String lower = t.toLowerCase(Locale.ROOT);
        String unsigned = lower.startsWith("-") || lower.startsWith("+") ? lower.substring(1) : lower;
        double sign = lower.startsWith("-") ? -1 : 1;
        if (unsigned.equals("inf") || unsigned.equals("infinity")) {
            return sign * Double.POSITIVE_INFINITY;
        }
        if (unsigned.equals("nan")) {
            return Double.NaN;
        }
        if (!t.matches("[-+]?([0-9](_?[0-9])*(\\.([0-9](_?[0-9])*)?)?|\\.[0-9](_?[0-9])*)([eE][-+]?[0-9](_?[0-9])*)?")) {
            return null;
        }
        return Double.parseDouble(t.replace("_", ""));
    }

    private static Double timecode(String text) {
        String[] parts = text.split(":", -1);
        if (parts.length < 1 || parts.length > 3) {
            return null;
        }
        try {
            double seconds = Double.parseDouble(parts[parts.length - 1].strip());
            if (parts.length > 1) {
                seconds += 60 * Long.parseLong(parts[parts.length - 2].strip());
            }
            if (parts.length > 2) {
                seconds += 3600 * Long.parseLong(parts[parts.length - 3].strip());
            }
            return seconds;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
