package flitter.language.parse;

/** The value of a string literal, with Python's escape sequences (the original evaluates literals as Python does). */
final class Strings {
    private Strings() {
    }

    static String unescape(String literal) {
        int quote = literal.startsWith("'''") || literal.startsWith("\"\"\"") ? 3 : 1;
        String body = literal.substring(quote, literal.length() - quote);
        if (body.indexOf('\\') < 0) {
            return body;
        }
        StringBuilder out = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c != '\\' || i + 1 >= body.length()) {
                out.append(c);
                continue;
            }
            char e = body.charAt(++i);
            switch (e) {
                case '\n':
                    break;
                case '\\':
                case '\'':
                case '"':
                    out.append(e);
                    break;
                case 'a':
                    out.append('\u0007');
                    break;
                case 'b':
                    out.append('\b');
                    break;
                case 'f':
                    out.append('\f');
                    break;
                case 'n':
                    out.append('\n');
                    break;
                case 'r':
                    out.append('\r');
                    break;
                case 't':
                    out.append('\t');
                    break;
                case 'v':
                    out.append('\u000b');
                    break;
                case 'x':
                    i = hex(body, i, 2, out);
                    break;
                case 'u':
                    i = hex(body, i, 4, out);
                    break;
                case 'U':
                    i = hex(body, i, 8, out);
                    break;
                case 'N':
                    i = named(body, i, out);
                    break;
                default:
                    if (e >= '0' && e <= '7') {
                        int end = i;
                        while (end < body.length() && end < i + 3 && body.charAt(end) >= '0' && body.charAt(end) <= '7') {
                            end++;
                        }
                        out.appendCodePoint(Integer.parseInt(body.substring(i, end), 8));
                        i = end - 1;
                    } else {
                        out.append('\\').append(e);
                    }
            }
        }
        return out.toString();
    }

    /** {@code \N{NAME}}: the character with that Unicode name; returns the index of the closing brace. */
    private static int named(String body, int i, StringBuilder out) {
        int close = body.indexOf('}', i);
        if (i + 1 < body.length() && body.charAt(i + 1) == '{' && close > i + 2) {
            try {
                out.appendCodePoint(Character.codePointOf(body.substring(i + 2, close)));
                return close;
            } catch (IllegalArgumentException e) {
                // not a character name: kept as written
            }
        }
        out.append('\\').append('N');
        return i;
    }

    /** Reads {@code digits} hex digits after position {@code i}; returns the index of the last one. */
    private static int hex(String body, int i, int digits, StringBuilder out) {
        String hex = body.substring(i + 1, Math.min(body.length(), i + 1 + digits));
        try {
            if (hex.length() == digits) {
                out.appendCodePoint(Integer.parseUnsignedInt(hex, 16));
                return i + digits;
            }
        } catch (IllegalArgumentException e) {
            // fall through: kept as written
        }
        out.append('\\').append(body.charAt(i));
        return i;
    }
}
