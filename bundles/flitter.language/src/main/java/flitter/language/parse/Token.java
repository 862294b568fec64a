package flitter.language.parse;

/** A lexical token with its 1-based position. */
record Token(Kind kind, String text, int line, int column, Object value) {
    enum Kind {
        NAME, NODE, TAG, SYMBOL, NUMBER, STRING, OP, NL, INDENT, DEDENT, EOF
    }

    boolean is(Kind k, String t) {
        return kind == k && text.equals(t);
    }

    boolean isOp(String t) {
        return kind == Kind.OP && text.equals(t);
    }

    /** A NAME that spells the keyword {@code word} (there are no reserved words: the parser decides). */
    boolean isWord(String word) {
        return kind == Kind.NAME && text.equals(word);
    }

    String describe() {
        switch (kind) {
            case NL:
                return "end of line";
            case INDENT:
                return "indent";
            case DEDENT:
                return text.equals("EOF") ? "end of file" : "dedent";
            case EOF:
                return "end of file";
            case STRING:
                return "string " + text;
            default:
                return "'" + text + "'";
        }
    }
}
