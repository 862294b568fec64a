package flitter.language.builtins;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Python's string handling where the original relies on it: whitespace, {@code str.split},
 * {@code str.splitlines}, and the number parsing of {@code float()} and {@code int()}.
 */
final class TextPython {
    private static final Pattern FLOAT = Pattern.compile(
        "[+-]?(?:(?:[0-9](?:_?[0-9])*)?\\.[0-9](?:_?[0-9])*|[0-9](?:_?[0-9])*\\.?)(?:[eE][+-]?[0-9](?:_?[0-9])*)?");
    private static final Pattern SPECIAL = Pattern.compile("[+-]?(?:inf|infinity|nan)", Pattern.CASE_INSENSITIVE);
    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9](?:_?[0-9])*");

    private TextPython() {
    }

    /** Python's {@code str.isspace()} for one code point. */
    static boolean isSpace(int c) {
        return (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x20) || c == 0x85 || c == 0xa0 || c == 0x1680
            || (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029 || c == 0x202f || c == 0x205f
            || c == 0x3000;
    }

    /** Python's {@code str.strip()}. */
    static String strip(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isSpace(s.codePointAt(start))) {
            start += Character.charCount(s.codePointAt(start));
        }
        while (end > start && isSpace(s.codePointBefore(end))) {
            end -= Character.charCount(s.codePointBefore(end));
        }
        return s.substring(start, end);
    }

    /** Python's {@code str.split(sep)} for a non-empty separator. */
    static List<String> split(String s, String sep) {
        List<String> parts = new ArrayList<>();
        int at = 0;
        int next;
        while ((next = s.indexOf(sep, at)) >= 0) {
            parts.add(s.substring(at, next));
            at = next + sep.length();
        }
        parts.add(s.substring(at));
        return parts;
    }

    private static boolean isLineBreak(char c) {
        return c == '\n' || c == '\r' || c == 0x0b || c == 0x0c || c == 0x1c || c == 0x1d || c == 0x1e || c == 0x85
            || c == 0x2028 || c == 0x2029;
    }

    /** Python's {@code str.splitlines()}. */
    static List<String> splitLines(String s) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (isLineBreak(c)) {
                lines.add(s.substring(start, i));
                i += c == '\r' && i + 1 < n && s.charAt(i + 1) == '\n' ? 2 : 1;
                start = i;
            } else {
                i++;
            }
        }
        if (start < n) {
            lines.add(s.substring(start));
        }
        return lines;
    }

    /** Unicode decimal digits as ASCII digits and whitespace as spaces, then stripped (as Python does first). */
    private static String asciiDigits(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            if (c >= 128 && Character.isDigit(c)) {
                out.append((char) ('0' + Character.digit(c, 10)));
            } else if (c >= 128 && isSpace(c)) {
                out.append(' ');
            } else {
                out.appendCodePoint(c);
            }
        });
        return strip(out.toString());
    }

    /** Python's {@code float(s)}, or null where it raises {@code ValueError}. */
    static Double parseFloat(String s) {
        String text = asciiDigits(s);
        if (FLOAT.matcher(text).matches()) {
            return Double.parseDouble(text.replace("_", ""));
        }
        if (SPECIAL.matcher(text).matches()) {
            boolean negative = text.charAt(0) == '-';
            if (Character.toLowerCase(text.charAt(text.length() - 1)) == 'n') {
                return negative ? -Double.NaN : Double.NaN;
            }
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        return null;
    }

    /** Python's {@code int(s)} as a double (exact below 2**53), or null where it raises {@code ValueError}. */
    static Double parseInt(String s) {
        String text = asciiDigits(s);
        if (!INTEGER.matcher(text).matches()) {
            return null;
        }
        return new java.math.BigInteger(text.replace("_", "")).doubleValue();
    }
}
