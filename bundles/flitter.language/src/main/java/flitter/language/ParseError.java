package flitter.language;

import java.nio.file.Path;

/**
 * A program that cannot be parsed: where ({@code file:line:column}), what, and the offending line with
 * a caret under the column.
 */
public final class ParseError extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Path path;
    private final int line;
    private final int column;
    private final String sourceLine;

    public ParseError(String message, Path path, int line, int column, String sourceLine) {
        super(message);
        this.path = path;
        this.line = line;
        this.column = column;
        this.sourceLine = sourceLine;
    }

    /** The file, or {@code null} for source that came from no file. */
    public Path path() {
        return path;
    }

    /** 1-based. */
    public int line() {
        return line;
    }

    /** 1-based. */
    public int column() {
        return column;
    }

    /** {@code file:line:column: message}, then the line and a caret under the column. */
    public String report() {
        StringBuilder out = new StringBuilder()
            .append(path == null ? "<source>" : path.toString()).append(':').append(line).append(':').append(column)
            .append(": ").append(getMessage());
        if (sourceLine != null) {
            out.append('\n').append(sourceLine).append('\n');
            for (int i = 1; i < column; i++) {
                out.append(i - 1 < sourceLine.length() && sourceLine.charAt(i - 1) == '\t' ? '\t' : ' ');
            }
            out.append('^');
        }
        return out.toString();
    }
}
