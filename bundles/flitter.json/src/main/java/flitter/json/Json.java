package flitter.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Just enough JSON for the signalling protocol, read as Python's {@code json.loads} reads it and written
 * as {@code json.dumps} writes it with its defaults ({@code ", "} and {@code ": "} separators, every
 * character outside printable ASCII escaped as {@code \}{@code uXXXX}), so a relayed message is byte for
 * byte what the original server would send.
 *
 * <p>Values: {@code Map<String, Object>} (a {@link LinkedHashMap}: keys keep their first position, a
 * repeated key its last value, as in Python), {@code List<Object>}, {@link String}, {@link BigInteger}
 * (integers of any size), {@link Double} (fractions and exponents; {@code NaN} and {@code Infinity} are
 * read and written as Python does), {@link Boolean} and {@code null}.
 */
public final class Json {
    private final String text;
    private final int maxDepth;
    private int at;

    private Json(String text, int maxDepth) {
        this.text = text;
        this.maxDepth = maxDepth;
    }

    /** Longest integer read, in digits: Python's json.loads refuses longer ones by default too. */
    static final int MAX_INTEGER_DIGITS = 4300;

    /** A malformed document: what was wrong and the character offset where it was found. */
    public static final class ParseException extends Exception {
        private static final long serialVersionUID = 1L;

        ParseException(String message, int offset) {
            super(message + " at character " + offset);
        }
    }

    /** Reads one JSON value (surrounded by nothing but whitespace), nested at most {@code maxDepth} deep. */
    public static Object parse(String text, int maxDepth) throws ParseException {
        Json parser = new Json(text, maxDepth);
        parser.skipWhitespace();
        Object value = parser.value(0);
        parser.skipWhitespace();
        if (parser.at < text.length()) {
            throw new ParseException("extra data after the value", parser.at);
        }
        return value;
    }

    private Object value(int depth) throws ParseException {
        if (at >= text.length()) {
            throw new ParseException("expected a value, found the end", at);
        }
        char c = text.charAt(at);
        switch (c) {
            case '{':
                return object(depth + 1);
            case '[':
                return array(depth + 1);
            case '"':
                return string();
            case 't':
                return literal("true", Boolean.TRUE);
            case 'f':
                return literal("false", Boolean.FALSE);
            case 'n':
                return literal("null", null);
            case 'N':
                return literal("NaN", Double.NaN);
            case 'I':
                return literal("Infinity", Double.POSITIVE_INFINITY);
            default:
                if (c == '-' && text.startsWith("-Infinity", at)) {
                    return literal("-Infinity", Double.NEGATIVE_INFINITY);
                }
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number();
                }
                throw new ParseException("unexpected character " + describe(c), at);
        }
    }

    private Object literal(String word, Object value) throws ParseException {
        if (!text.startsWith(word, at)) {
            throw new ParseException("unexpected character " + describe(text.charAt(at)), at);
        }
        at += word.length();
        return value;
    }

    private Map<String, Object> object(int depth) throws ParseException {
        checkDepth(depth);
        Map<String, Object> map = new LinkedHashMap<>();
        at++;
        skipWhitespace();
        if (peek() == '}') {
            at++;
            return map;
        }
        while (true) {
            if (peek() != '"') {
                throw new ParseException("expected a property name in double quotes", at);
            }
            String key = string();
            skipWhitespace();
            expect(':');
            skipWhitespace();
            map.put(key, value(depth));
            skipWhitespace();
            if (peek() == ',') {
                at++;
                skipWhitespace();
            } else {
                expect('}');
                return map;
            }
        }
    }

    private List<Object> array(int depth) throws ParseException {
        checkDepth(depth);
        List<Object> list = new ArrayList<>();
        at++;
        skipWhitespace();
        if (peek() == ']') {
            at++;
            return list;
        }
        while (true) {
            list.add(value(depth));
            skipWhitespace();
            if (peek() == ',') {
                at++;
                skipWhitespace();
            } else {
                expect(']');
                return list;
            }
        }
    }

    private void checkDepth(int depth) throws ParseException {
        if (depth > maxDepth) {
            throw new ParseException("nested more than " + maxDepth + " deep", at);
        }
    }

    private String string() throws ParseException {
        int start = at;
        at++;
        StringBuilder out = null;
        int runStart = at;
        while (true) {
            if (at >= text.length()) {
                throw new ParseException("unterminated string", start);
            }
            char c = text.charAt(at);
            if (c == '"') {
                String value = out == null ? text.substring(runStart, at) : out.append(text, runStart, at).toString();
                at++;
                return value;
            }
            if (c < 0x20) {
                throw new ParseException("control character " + describe(c) + " in a string", at);
            }
            if (c != '\\') {
                at++;
                continue;
            }
            if (out == null) {
                out = new StringBuilder();
            }
            out.append(text, runStart, at);
            at++;
            if (at >= text.length()) {
                throw new ParseException("unterminated string", start);
            }
            char escape = text.charAt(at++);
            switch (escape) {
                case '"': out.append('"'); break;
                case '\\': out.append('\\'); break;
                case '/': out.append('/'); break;
                case 'b': out.append('\b'); break;
                case 'f': out.append('\f'); break;
                case 'n': out.append('\n'); break;
                case 'r': out.append('\r'); break;
                case 't': out.append('\t'); break;
                case 'u': out.append(hex4()); break;
                default: throw new ParseException("invalid escape \\" + escape, at - 2);
            }
            runStart = at;
        }
    }

    /** Four hex digits; a lone surrogate is kept, as Python keeps it, and a pair stays a pair. */
    private char hex4() throws ParseException {
        if (at + 4 > text.length()) {
            throw new ParseException("invalid \\u escape", at - 2);
        }
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(text.charAt(at + i), 16);
            if (digit < 0) {
                throw new ParseException("invalid \\u escape", at - 2);
            }
            value = value * 16 + digit;
        }
        at += 4;
        return (char) value;
    }

    private Object number() throws ParseException {
        int start = at;
        if (peek() == '-') {
            at++;
        }
        if (peek() == '0') {
            at++;
        } else if (isDigit(peek())) {
            digits();
        } else {
            throw new ParseException("expected a digit", at);
        }
        boolean integer = true;
        if (peek() == '.' && at + 1 < text.length() && isDigit(text.charAt(at + 1))) {
            integer = false;
            at++;
            digits();
        }
        if ((peek() == 'e' || peek() == 'E')) {
            int mark = at;
            at++;
            if (peek() == '+' || peek() == '-') {
                at++;
            }
            if (isDigit(peek())) {
                integer = false;
                digits();
            } else {
                // Python reads "1e" as the number 1 followed by extra data; so do we.
                at = mark;
            }
        }
        String lexeme = text.substring(start, at);
        if (integer && lexeme.length() - (lexeme.charAt(0) == '-' ? 1 : 0) > MAX_INTEGER_DIGITS) {
            // BigInteger takes time quadratic in the digits; Python refuses such integers too.
            throw new ParseException("an integer of over " + MAX_INTEGER_DIGITS + " digits", start);
        }
        return integer ? new BigInteger(lexeme) : Double.valueOf(Double.parseDouble(lexeme));
    }

    private void digits() {
        while (isDigit(peek())) {
            at++;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private char peek() {
        return at < text.length() ? text.charAt(at) : '\0';
    }

    private void expect(char c) throws ParseException {
        if (peek() != c || at >= text.length()) {
            throw new ParseException("expected '" + c + "'", at);
        }
        at++;
    }

    private void skipWhitespace() {
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            at++;
        }
    }

    private static String describe(char c) {
        return c >= 0x20 && c < 0x7f ? "'" + c + "'" : String.format("U+%04X", (int) c);
    }

    /** The value as {@code json.dumps(value)} writes it. */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String string) {
            writeString(string, out);
        } else if (value instanceof Boolean bool) {
            out.append(bool ? "true" : "false");
        } else if (value instanceof Double number) {
            out.append(pythonRepr(number));
        } else if (value instanceof BigInteger || value instanceof Long || value instanceof Integer) {
            out.append(value);
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!first) {
                    out.append(", ");
                }
                first = false;
                writeString((String) entry.getKey(), out);
                out.append(": ");
                write(entry.getValue(), out);
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(", ");
                }
                write(list.get(i), out);
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
        }
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private static void writeString(String string, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < string.length(); i++) {
            char c = string.charAt(i);
            switch (c) {
                case '"': out.append("\\\""); break;
                case '\\': out.append("\\\\"); break;
                case '\n': out.append("\\n"); break;
                case '\r': out.append("\\r"); break;
                case '\t': out.append("\\t"); break;
                case '\b': out.append("\\b"); break;
                case '\f': out.append("\\f"); break;
                default:
                    if (c >= 0x20 && c < 0x7f) {
                        out.append(c);
                    } else {
                        out.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 15]).append(HEX[(c >> 4) & 15])
                            .append(HEX[c & 15]);
                    }
            }
        }
        out.append('"');
    }

    /**
     * Python's {@code repr} of a float: the shortest digits that read back as the same double, in fixed
     * notation while the decimal exponent is from -4 to 15, else as {@code 1.5e+16}.
     */
    static String pythonRepr(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        if (value == 0) {
            return (1 / value < 0) ? "-0.0" : "0.0";
        }
        BigDecimal shortest = shortest(value);
        String sign = shortest.signum() < 0 ? "-" : "";
        String digits = shortest.unscaledValue().abs().toString();
        // value = 0.DIGITS x 10^point
        int point = digits.length() - shortest.scale();
        if (point > -4 && point <= 16) {
            if (point <= 0) {
                return sign + "0." + "0".repeat(-point) + digits;
            }
            if (point >= digits.length()) {
                return sign + digits + "0".repeat(point - digits.length()) + ".0";
            }
            return sign + digits.substring(0, point) + "." + digits.substring(point);
        }
        int exponent = point - 1;
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        String exponentText = String.format("%02d", Math.abs(exponent));
        return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + exponentText;
    }

    /** The fewest significant digits that round-trip, without trailing zeros (JDK 17's toString is not always shortest). */
    private static BigDecimal shortest(double value) {
        BigDecimal exact = new BigDecimal(value);
        for (int precision = 1; precision < 17; precision++) {
            BigDecimal rounded = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (rounded.doubleValue() == value) {
                return rounded.stripTrailingZeros();
            }
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    }
}
