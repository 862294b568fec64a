package flitter.language.parse;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import flitter.language.ParseError;
import flitter.language.parse.Token.Kind;
import flitter.model.Node;
import flitter.model.Vector;

/**
 * Splits Flitter source into tokens, with the original's block structure: a newline (with any blank
 * and comment lines after it) becomes NL, followed by INDENT or DEDENTs when the indentation changes;
 * newlines inside parentheses are ignored; a backslash at the end of a line joins it to the next.
 * Words are all NAME tokens: whether one is a keyword depends on where it stands, which the parser
 * decides.
 */
final class Lexer {
    private static final Pattern NUMBER = Pattern.compile(
        "([0-9][_0-9]*(\\.[0-9][_0-9]*)?|\\.[0-9][_0-9]*)([eE][-+]?[0-9][_0-9]*)?(deg|[pnu\u00b5mkMGT\u00b0])?");
    private static final Pattern TIMECODE = Pattern.compile("([0-9]+:)?[0-5]?[0-9]:[0-5]?[0-9](\\.[0-9]+)?");
    private static final Pattern STRING = Pattern.compile(
        "'''([^'\\\\]|\\\\.|'{1,2}(?!'))*'''|'([^'\\n\\\\]|\\\\.)*'|\"\"\"([^\"\\\\]|\\\\.|\"{1,2}(?!\"))*\"\"\"|\"([^\"\\n\\\\]|\\\\.)*\"");
    private static final String[] OPERATORS = {
        "%pragma", "%include", "**", "//", "<<", "<=", ">=", "==", "!=", "..",
        "+", "-", "*", "/", "%", "<", ">", "=", ";", ",", "(", ")", "[", "]", "$", "@", "|"
    };
    private static final int TAB = 8;

    private final String source;
    private final Path path;
    private final List<Token> tokens = new ArrayList<>();
    private final Deque<Integer> indents = new ArrayDeque<>();
    private int at;
    private int line = 1;
    private int lineStart;
    private int parens;

    private Lexer(String source, Path path) {
        this.source = source.endsWith("\n") ? source : source + "\n";
        this.path = path;
        indents.push(0);
    }

    static List<Token> tokenize(String source, Path path) throws ParseError {
        Lexer lexer = new Lexer(source, path);
        lexer.run();
        return lexer.tokens;
    }

    private void run() throws ParseError {
        if (source.startsWith("#!")) {
            int end = source.indexOf('\n');
            advanceTo(end + 1);
        }
        while (at < source.length()) {
            char c = source.charAt(at);
            if (c == ' ' || c == '\t') {
                at++;
            } else if (c == '\\' && at + 1 < source.length() && source.charAt(at + 1) == '\n') {
                advanceTo(at + 2);
            } else if (c == '\\' && source.startsWith("\\\r\n", at)) {
                advanceTo(at + 3);
            } else if (c == '\n' || c == '\r' || (c == '-' && source.startsWith("--", at))) {
                newline();
            } else {
                token();
            }
        }
        // Blocks still open at the end of the file close there: errors about them point just past the
        // last thing in the file, not at an empty line after it.
        int end = source.length();
        while (end > 0 && Character.isWhitespace(source.charAt(end - 1))) {
            end--;
        }
        int endLine = 1;
        int endLineStart = 0;
        for (int i = 0; i < end; i++) {
            if (source.charAt(i) == '\n') {
                endLine++;
                endLineStart = i + 1;
            }
        }
        int endColumn = end - endLineStart + 1;
        while (indents.size() > 1) {
            indents.pop();
            tokens.add(new Token(Kind.DEDENT, "EOF", endLine, endColumn, null));
        }
        tokens.add(new Token(Kind.EOF, "", endLine, endColumn, null));
    }

    /** Newlines, with blank and comment lines and the next line's indentation, as one NL token. */
    private void newline() throws ParseError {
        int start = at;
        int startLine = line;
        int startColumn = at - lineStart + 1;
        int indentStart = -1;
        while (true) {
            int p = at;
            if (source.startsWith("--", p)) {
                while (p < source.length() && source.charAt(p) != '\n' && source.charAt(p) != '\r') {
                    p++;
                }
            }
            if (p < source.length() && source.charAt(p) == '\r') {
                p++;
            }
            if (p < source.length() && source.charAt(p) == '\n') {
                p++;
                advanceTo(p);
                indentStart = at;
                while (at < source.length() && (source.charAt(at) == ' ' || source.charAt(at) == '\t')) {
                    at++;
                }
                continue;
            }
            break;
        }
        if (indentStart < 0) {
            throw error("unexpected character " + describe(source.charAt(at)), at);
        }
        if (parens > 0) {
            return;
        }
        Token nl = new Token(Kind.NL, source.substring(start, at), startLine, startColumn, null);
        tokens.add(nl);
        if (at >= source.length()) {
            return;
        }
        int indent = 0;
        for (int i = indentStart; i < at; i++) {
            indent += source.charAt(i) == '\t' ? TAB : 1;
        }
        // As in the original, INDENT and DEDENT take the position of the newline that made them.
        if (indent > indents.peek()) {
            indents.push(indent);
            tokens.add(new Token(Kind.INDENT, "", nl.line(), nl.column(), null));
        } else if (indent < indents.peek()) {
            while (indent < indents.peek()) {
                indents.pop();
                tokens.add(new Token(Kind.DEDENT, "", nl.line(), nl.column(), null));
            }
            if (indent != indents.peek()) {
                throw error("unindent does not match any outer indentation level", at);
            }
        }
    }

    /** A digit of a number: ASCII only, as in the original's grammar (other digits are letters of names). */
    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    private void token() throws ParseError {
        char c = source.charAt(at);
        int start = at;
        if (digit(c) || (c == '.' && at + 1 < source.length() && digit(source.charAt(at + 1)))) {
            number();
            return;
        }
        if (c == '\'' || c == '"') {
            Matcher m = STRING.matcher(source).region(at, source.length());
            if (!m.lookingAt()) {
                throw error("unterminated string", at);
            }
            String text = m.group();
            add(Kind.STRING, text, Vector.of(Strings.unescape(text)), start);
            advanceTo(m.end());
            return;
        }
        if (isNameStart(source.codePointAt(at))) {
            String name = name(at);
            add(Kind.NAME, name, null, start);
            at += name.length();
            return;
        }
        if ((c == '!' || c == '#' || c == ':') && at + 1 < source.length() && isNameStart(source.codePointAt(at + 1))) {
            String name = name(at + 1);
            at += 1 + name.length();
            if (c == '!') {
                add(Kind.NODE, name, Vector.of(Node.of(name)), start);
            } else if (c == '#') {
                add(Kind.TAG, name, null, start);
            } else {
                add(Kind.SYMBOL, name, Vector.symbol(name), start);
            }
            return;
        }
        for (String op : OPERATORS) {
            if (source.startsWith(op, at)) {
                if (op.charAt(0) == '%' && op.length() > 1 && at + op.length() < source.length()
                        && isNamePart(source.codePointAt(at + op.length()))) {
                    continue;
                }
                add(Kind.OP, op, null, start);
                at += op.length();
                if (op.equals("(")) {
                    parens++;
                } else if (op.equals(")") && parens > 0) {
                    parens--;
                }
                return;
            }
        }
        throw error("unexpected character " + describe(c), at);
    }

    private void number() throws ParseError {
        int start = at;
        Matcher timecode = TIMECODE.matcher(source).region(at, source.length());
        if (timecode.lookingAt()) {
            String text = timecode.group();
            String[] parts = text.split(":");
            double seconds = Double.parseDouble(parts[parts.length - 1]);
            if (parts.length > 1) {
                seconds += 60 * Long.parseLong(parts[parts.length - 2]);
            }
            if (parts.length > 2) {
                seconds += 3600 * Long.parseLong(parts[parts.length - 3]);
            }
            add(Kind.NUMBER, text, Vector.of(seconds), start);
            at = timecode.end();
            return;
        }
        Matcher m = NUMBER.matcher(source).region(at, source.length());
        if (!m.lookingAt()) {
            throw error("malformed number", start);
        }
        String text = m.group();
        String suffix = m.group(4);
        String digits = suffix == null ? text : text.substring(0, text.length() - suffix.length());
        double value;
        try {
            value = Double.parseDouble(underscores(digits, start));
        } catch (NumberFormatException e) {
            throw error("malformed number '" + text + "'", start);
        }
        if (suffix != null) {
            value *= multiplier(suffix);
        }
        add(Kind.NUMBER, text, Vector.of(value), start);
        at = m.end();
    }

    /** Python's float() accepts single underscores between digits only. */
    private String underscores(String digits, int start) throws ParseError {
        if (digits.indexOf('_') < 0) {
            return digits;
        }
        for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) == '_' && (i + 1 >= digits.length() || !Character.isDigit(digits.charAt(i + 1))
                    || i == 0 || !Character.isDigit(digits.charAt(i - 1)))) {
                throw error("malformed number '" + digits + "'", start);
            }
        }
        return digits.replace("_", "");
    }

    private static double multiplier(String suffix) {
        switch (suffix) {
            case "deg":
            case "\u00b0":
                return 1.0 / 360;
            case "p":
                return 1e-12;
            case "n":
                return 1e-9;
            case "u":
            case "\u00b5":
                return 1e-6;
            case "m":
                return 1e-3;
            case "k":
                return 1e3;
            case "M":
                return 1e6;
            case "G":
                return 1e9;
            default:
                return 1e12;
        }
    }

    private String name(int from) {
        int p = from + Character.charCount(source.codePointAt(from));
        while (p < source.length() && isNamePart(source.codePointAt(p))) {
            p += Character.charCount(source.codePointAt(p));
        }
        while (p < source.length() && source.charAt(p) == '\'') {
            p++;
        }
        return source.substring(from, p);
    }

    static boolean isNameStart(int c) {
        return c == '_' || Character.isAlphabetic(c);
    }

    static boolean isNamePart(int c) {
        return c == '_' || Character.isAlphabetic(c) || Character.isDigit(c);
    }

    private void add(Kind kind, String text, Object value, int offset) {
        tokens.add(new Token(kind, text, line, offset - lineStart + 1, value));
    }

    /** Moves to {@code target}, counting the lines passed. */
    private void advanceTo(int target) {
        for (int i = at; i < target; i++) {
            if (source.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        at = target;
    }

    private static String describe(char c) {
        return c < ' ' ? String.format("\\x%02x", (int) c) : "'" + c + "'";
    }

    private ParseError error(String message, int offset) {
        int column = offset - lineStart + 1;
        return new ParseError(message, path, line, column, sourceLine(source, lineStart));
    }

    static String sourceLine(String source, int lineStart) {
        int end = source.indexOf('\n', lineStart);
        return source.substring(lineStart, end < 0 ? source.length() : end).replace("\r", "");
    }
}
