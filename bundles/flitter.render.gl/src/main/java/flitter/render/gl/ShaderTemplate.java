package flitter.render.gl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The subset of Mako templating that shader sources use, as the original runs them: {@code ${expression}},
 * {@code % for NAME in EXPRESSION:} / {@code % endfor} (with {@code loop.index}, {@code loop.first}, …),
 * {@code % if} / {@code % elif} / {@code % else:} / {@code % endif}, {@code ##} comment lines,
 * {@code %%} for a literal {@code %} at the start of a line and {@code \} ending a line to join it to the
 * next. Expressions are the Python subset in {@link TemplateExpression}; the names are looked up through a
 * function at render time, so a caller can tell which names a rendering depended on.
 */
final class ShaderTemplate {
    /** A template that cannot be parsed or rendered: a message for the user and the template line. */
    static final class TemplateException extends Exception {
        private static final long serialVersionUID = 1L;
        final int line;

        TemplateException(int line, String message) {
            super(message);
            this.line = line;
        }

        @Override
        public String getMessage() {
            return "line " + line + ": " + super.getMessage();
        }
    }

    private interface Part {
        void render(Renderer out) throws TemplateException;
    }

    private record Text(String text) implements Part {
        @Override
        public void render(Renderer out) {
            out.text.append(text);
        }
    }

    private record Substitution(TemplateExpression expression, int line) implements Part {
        @Override
        public void render(Renderer out) throws TemplateException {
            out.text.append(TemplateExpression.str(expression.evaluate(out, line), line));
        }
    }

    private record Include(String file, int line) implements Part {
        @Override
        public void render(Renderer out) throws TemplateException {
            throw new TemplateException(line, "<%include file=\"" + file + "\"/> needs the original's internal GLSL "
                + "library, which this renderer does not have");
        }
    }

    private record For(String variable, TemplateExpression items, List<Part> body, int line) implements Part {
        @Override
        public void render(Renderer out) throws TemplateException {
            List<Object> values = TemplateExpression.iterate(items.evaluate(out, line), line);
            Object previous = out.locals.get(variable);
            Object previousLoop = out.locals.get("loop");
            for (int i = 0; i < values.size(); i++) {
                out.locals.put(variable, values.get(i));
                out.locals.put("loop", new TemplateExpression.Loop(i, values.size()));
                for (Part part : body) {
                    part.render(out);
                }
            }
            restore(out.locals, "loop", previousLoop);
            if (!values.isEmpty()) {
                restore(out.locals, variable, previous);
            }
        }

        private static void restore(Map<String, Object> locals, String name, Object value) {
            if (value == null) {
                locals.remove(name);
            } else {
                locals.put(name, value);
            }
        }
    }

    private record Branch(TemplateExpression condition, List<Part> body, int line) {
    }

    private record If(List<Branch> branches, List<Part> otherwise) implements Part {
        @Override
        public void render(Renderer out) throws TemplateException {
            for (Branch branch : branches) {
                if (TemplateExpression.truth(branch.condition.evaluate(out, branch.line))) {
                    for (Part part : branch.body) {
                        part.render(out);
                    }
                    return;
                }
            }
            for (Part part : otherwise) {
                part.render(out);
            }
        }
    }

    /** One rendering: the output, the loop variables in scope, and the outside names used with their values. */
    static final class Renderer implements TemplateExpression.Names {
        final StringBuilder text = new StringBuilder();
        final Map<String, Object> locals = new HashMap<>();
        final Map<String, Object> used = new LinkedHashMap<>();
        private final Function<String, Object> names;

        Renderer(Function<String, Object> names) {
            this.names = names;
        }

        @Override
        public Object get(String name) {
            Object value = locals.get(name);
            if (value != null) {
                return value;
            }
            value = names.apply(name);
            used.put(name, value);
            return value;
        }
    }

    private final List<Part> parts;

    private ShaderTemplate(List<Part> parts) {
        this.parts = parts;
    }

    static ShaderTemplate parse(String source) throws TemplateException {
        Parser parser = new Parser(source);
        List<Part> parts = parser.block();
        if (parser.pending != null) {
            throw new TemplateException(parser.pendingLine, "'% " + parser.pending + "' without an open block");
        }
        return new ShaderTemplate(parts);
    }

    /** The rendered text, stripped of surrounding white space as the original does; the names used go to {@code out.used}. */
    String render(Renderer out) throws TemplateException {
        for (Part part : parts) {
            part.render(out);
        }
        return out.text.toString().strip();
    }

    /** Renders {@code source} with {@code names}, returning the text, or throwing with the template line. */
    static String render(String source, Function<String, Object> names) throws TemplateException {
        return parse(source).render(new Renderer(names));
    }

    /**
     * One shader source of one node across frames: parsed again only when the source text changes, rendered
     * again only when a name the last rendering used has changed value, and each failure reported once.
     */
    static final class Cache {
        private String source;
        private ShaderTemplate template;
        private TemplateException failure;
        private Map<String, Object> used = Map.of();
        private String output;

        /** The rendered text, or null when the template fails (reported through {@code errors} as {@code where: line N: …}). */
        String render(String source, Function<String, Object> names, String where, Consumer<String> errors) {
            if (!source.equals(this.source)) {
                this.source = source;
                used = null;
                try {
                    template = parse(source);
                    failure = null;
                } catch (TemplateException e) {
                    template = null;
                    failure = e;
                    output = null;
                    errors.accept(where + ": " + e.getMessage());
                }
            }
            if (template == null || used != null && unchanged(names)) {
                return output;
            }
            Renderer renderer = new Renderer(names);
            try {
                output = template.render(renderer);
            } catch (TemplateException e) {
                String message = where + ": " + e.getMessage();
                if (failure == null || !message.equals(where + ": " + failure.getMessage())) {
                    errors.accept(message);
                }
                failure = e;
                output = null;
            }
            used = renderer.used;
            return output;
        }

        private boolean unchanged(Function<String, Object> names) {
            for (Map.Entry<String, Object> entry : used.entrySet()) {
                if (!Objects.equals(entry.getValue(), names.apply(entry.getKey()))) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Splits the source into text, substitutions and control lines, and nests the blocks. */
    private static final class Parser {
        private final String source;
        private int at;
        private int line = 1;
        /** The control line that ended the last block ({@code elif …}, {@code else}, {@code endfor}, …) and its line. */
        String pending;
        int pendingLine;

        Parser(String source) {
            this.source = source;
        }

        /** Parts up to the end of the source or a control line that closes or continues a block (left in {@code pending}). */
        List<Part> block() throws TemplateException {
            List<Part> parts = new ArrayList<>();
            StringBuilder text = new StringBuilder();
            while (at < source.length()) {
                if (atLineStart() && controlLine(parts, text)) {
                    if (pending != null) {
                        break;
                    }
                    continue;
                }
                char c = source.charAt(at);
                if (c == '$' && source.startsWith("${", at)) {
                    flush(parts, text);
                    int start = line;
                    int end = closingBrace(at + 2);
                    parts.add(new Substitution(TemplateExpression.parse(source.substring(at + 2, end), start), start));
                    count(at, end + 1);
                    at = end + 1;
                } else if (c == '<' && (source.startsWith("<%", at) || source.startsWith("</%", at))) {
                    flush(parts, text);
                    parts.add(tag());
                } else if (c == '\\' && (source.startsWith("\\\n", at) || source.startsWith("\\\r\n", at))) {
                    at = source.indexOf('\n', at) + 1;
                    line++;
                } else {
                    text.append(c);
                    if (c == '\n') {
                        line++;
                    }
                    at++;
                }
            }
            flush(parts, text);
            return parts;
        }

        private boolean atLineStart() {
            return at == 0 || source.charAt(at - 1) == '\n';
        }

        /** Handles a {@code %} or {@code ##} line at {@code at}, if there is one. */
        private boolean controlLine(List<Part> parts, StringBuilder text) throws TemplateException {
            int i = at;
            while (i < source.length() && (source.charAt(i) == ' ' || source.charAt(i) == '\t')) {
                i++;
            }
            if (source.startsWith("%%", i)) {
                text.append(source, at, i).append('%');
                at = i + 2;
                return true;
            }
            boolean comment = source.startsWith("##", i);
            if (!comment && !source.startsWith("%", i)) {
                return false;
            }
            flush(parts, text);
            int start = line;
            StringBuilder content = new StringBuilder();
            i += comment ? 2 : 1;
            while (i < source.length()) {
                char c = source.charAt(i);
                if (c == '\\' && (source.startsWith("\\\n", i) || source.startsWith("\\\r\n", i))) {
                    i = source.indexOf('\n', i) + 1;
                    line++;
                    content.append(' ');
                    continue;
                }
                i++;
                if (c == '\n') {
                    line++;
                    break;
                }
                content.append(c);
            }
            at = i;
            if (!comment) {
                control(content.toString().strip(), start, parts);
            }
            return true;
        }

        private void control(String statement, int start, List<Part> parts) throws TemplateException {
            String keyword = statement.split("[\\s:(]", 2)[0];
            switch (keyword) {
                case "for": {
                    String header = colon(statement, start).substring(3).strip();
                    java.util.regex.Matcher m = java.util.regex.Pattern.compile("([A-Za-z_]\\w*)\\s+in\\s+(.+)", java.util.regex.Pattern.DOTALL)
                        .matcher(header);
                    if (!m.matches()) {
                        throw new TemplateException(start, "expected '% for NAME in EXPRESSION:', not '% " + statement + "'");
                    }
                    TemplateExpression items = TemplateExpression.parse(m.group(2), start);
                    List<Part> body = block();
                    expect("endfor", start, statement);
                    parts.add(new For(m.group(1), items, body, start));
                    return;
                }
                case "if": {
                    List<Branch> branches = new ArrayList<>();
                    List<Part> otherwise = List.of();
                    String condition = colon(statement, start).substring(2);
                    int conditionLine = start;
                    while (true) {
                        TemplateExpression test = TemplateExpression.parse(condition, conditionLine);
                        branches.add(new Branch(test, block(), conditionLine));
                        String next = pending == null ? "" : pending.split("[\\s:]", 2)[0];
                        if (next.equals("elif")) {
                            condition = colon(pending, pendingLine).substring(4);
                            conditionLine = pendingLine;
                            pending = null;
                            continue;
                        }
                        if (next.equals("else")) {
                            if (!colon(pending, pendingLine).strip().equals("else")) {
                                throw new TemplateException(pendingLine, "expected '% else:', not '% " + pending + "'");
                            }
                            pending = null;
                            otherwise = block();
                        }
                        break;
                    }
                    expect("endif", start, statement);
                    parts.add(new If(branches, otherwise));
                    return;
                }
                case "elif":
                case "else":
                case "endif":
                case "endfor":
                    pending = statement;
                    pendingLine = start;
                    return;
                default:
                    throw new TemplateException(start, "unsupported control line '% " + statement
                        + "' (supported: for, if, elif, else, endfor, endif)");
            }
        }

        private static String colon(String statement, int line) throws TemplateException {
            if (!statement.endsWith(":")) {
                throw new TemplateException(line, "'% " + statement + "' needs a ':' at the end");
            }
            return statement.substring(0, statement.length() - 1);
        }

        private void expect(String end, int start, String opening) throws TemplateException {
            if (pending == null) {
                throw new TemplateException(start, "'% " + opening + "' has no '% " + end + "'");
            }
            if (!pending.split("[\\s:]", 2)[0].equals(end)) {
                throw new TemplateException(pendingLine, "'% " + pending + "' where '% " + end + "' was expected for '% "
                    + opening + "' on line " + start);
            }
            pending = null;
        }

        /** The index of the brace closing an expression that starts at {@code from}, skipping string literals. */
        private int closingBrace(int from) throws TemplateException {
            int depth = 0;
            for (int i = from; i < source.length(); i++) {
                char c = source.charAt(i);
                if (c == '\'' || c == '"') {
                    int close = i + 1;
                    while (close < source.length() && source.charAt(close) != c) {
                        close += source.charAt(close) == '\\' ? 2 : 1;
                    }
                    i = close;
                } else if (c == '{') {
                    depth++;
                } else if (c == '}') {
                    if (depth == 0) {
                        return i;
                    }
                    depth--;
                }
            }
            throw new TemplateException(line, "'${' without a closing '}'");
        }

        private Part tag() throws TemplateException {
            int start = line;
            java.util.regex.Matcher include = java.util.regex.Pattern
                .compile("<%include\\s+file\\s*=\\s*(['\"])(.*?)\\1\\s*/>").matcher(source).region(at, source.length());
            if (include.lookingAt()) {
                count(at, include.end());
                at = include.end();
                return new Include(include.group(2), start);
            }
            int end = source.indexOf('\n', at);
            String tag = source.substring(at, end < 0 ? source.length() : end).strip();
            throw new TemplateException(start, "unsupported Mako tag '" + tag + "' (only <%include file=\"…\"/> is recognised)");
        }

        private void count(int from, int to) {
            for (int i = from; i < to; i++) {
                if (source.charAt(i) == '\n') {
                    line++;
                }
            }
        }

        private static void flush(List<Part> parts, StringBuilder text) {
            if (text.length() > 0) {
                parts.add(new Text(text.toString()));
                text.setLength(0);
            }
        }
    }
}
