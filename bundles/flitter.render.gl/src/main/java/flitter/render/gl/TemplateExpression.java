package flitter.render.gl;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import flitter.model.Vector;
import flitter.render.gl.ShaderTemplate.TemplateException;

/**
 * The Python expressions of shader templates, evaluated as Mako would see them: names (a node's attributes
 * are Flitter {@link Vector}s, which behave as the original's Vector does under {@code int()}, {@code float()},
 * {@code len()}, {@code str()}, indexing, arithmetic and comparison), integer, float and string literals,
 * {@code True}/{@code False}/{@code None}, indexing, {@code .attribute} (of {@code loop}), calls of
 * {@code int}, {@code float}, {@code str}, {@code bool}, {@code len}, {@code abs} and {@code range},
 * {@code + - * / // % **}, comparisons, {@code and}/{@code or}/{@code not} and {@code a if c else b}.
 *
 * <p>Python values are Java values: {@code int} a Long, {@code float} a Double, {@code bool} a Boolean,
 * {@code str} a String, a list a List, {@code None} {@link #NONE}; an unknown name is an {@link Undefined},
 * false as a condition and an error anywhere else, as Mako's {@code UNDEFINED} is.
 */
abstract class TemplateExpression {
    /** The names an expression can see. */
    interface Names {
        /** The value of a name, or null when there is none. */
        Object get(String name);
    }

    static final Object NONE = new Object() {
        @Override
        public String toString() {
            return "None";
        }
    };

    /** A name the template does not have: Mako's {@code UNDEFINED}. */
    record Undefined(String name) {
    }

    /** Mako's {@code loop} inside a {@code % for}. */
    record Loop(int index, int length) {
    }

    private record Builtin(String name) {
    }

    private static final Set<String> BUILTINS = Set.of("int", "float", "str", "bool", "len", "abs", "range");

    abstract Object evaluate(Names names, int line) throws TemplateException;

    // --- parsing --------------------------------------------------------------------------------------

    static TemplateExpression parse(String text, int line) throws TemplateException {
        Parser parser = new Parser(text, line);
        TemplateExpression expression = parser.test();
        if (parser.peek() != null) {
            throw new TemplateException(line, "unexpected '" + parser.peek() + "' in '" + text.strip() + "'");
        }
        return expression;
    }

    private static final class Parser {
        private final List<String> tokens = new ArrayList<>();
        private final String text;
        private final int line;
        private int at;

        Parser(String text, int line) throws TemplateException {
            this.text = text;
            this.line = line;
            int i = 0;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (Character.isWhitespace(c)) {
                    i++;
                } else if (Character.isLetter(c) || c == '_') {
                    int start = i;
                    while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
                        i++;
                    }
                    tokens.add(text.substring(start, i));
                } else if (Character.isDigit(c) || c == '.' && i + 1 < text.length() && Character.isDigit(text.charAt(i + 1))) {
                    java.util.regex.Matcher m = java.util.regex.Pattern
                        .compile("(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?").matcher(text).region(i, text.length());
                    m.lookingAt();
                    tokens.add(text.substring(i, m.end()));
                    i = m.end();
                } else if (c == '\'' || c == '"') {
                    StringBuilder s = new StringBuilder("\u0000");
                    int j = i + 1;
                    while (j < text.length() && text.charAt(j) != c) {
                        char d = text.charAt(j++);
                        if (d == '\\' && j < text.length()) {
                            char e = text.charAt(j++);
                            d = e == 'n' ? '\n' : e == 't' ? '\t' : e;
                        }
                        s.append(d);
                    }
                    if (j >= text.length()) {
                        throw new TemplateException(line, "unterminated string in '" + text.strip() + "'");
                    }
                    tokens.add(s.toString());
                    i = j + 1;
                } else {
                    String two = i + 1 < text.length() ? text.substring(i, i + 2) : "";
                    if (Set.of("==", "!=", "<=", ">=", "//", "**").contains(two)) {
                        tokens.add(two);
                        i += 2;
                    } else if ("+-*/%<>()[],.".indexOf(c) >= 0) {
                        tokens.add(String.valueOf(c));
                        i++;
                    } else {
                        throw new TemplateException(line, "unsupported '" + c + "' in '" + text.strip() + "'");
                    }
                }
            }
        }

        String peek() {
            return at < tokens.size() ? tokens.get(at) : null;
        }

        private boolean peekIn(String... options) {
            return peek() != null && List.of(options).contains(peek());
        }

        private boolean accept(String token) {
            if (token.equals(peek())) {
                at++;
                return true;
            }
            return false;
        }

        private void expect(String token) throws TemplateException {
            if (!accept(token)) {
                throw new TemplateException(line, "expected '" + token + "' "
                    + (peek() == null ? "at the end of" : "before '" + peek() + "' in") + " '" + text.strip() + "'");
            }
        }

        TemplateExpression test() throws TemplateException {
            TemplateExpression value = or();
            if (accept("if")) {
                TemplateExpression condition = or();
                expect("else");
                TemplateExpression otherwise = test();
                return node((n, l) -> truth(condition.evaluate(n, l)) ? value.evaluate(n, l) : otherwise.evaluate(n, l));
            }
            return value;
        }

        private TemplateExpression or() throws TemplateException {
            TemplateExpression left = and();
            while (accept("or")) {
                TemplateExpression a = left;
                TemplateExpression b = and();
                left = node((n, l) -> {
                    Object x = a.evaluate(n, l);
                    return truth(x) ? x : b.evaluate(n, l);
                });
            }
            return left;
        }

        private TemplateExpression and() throws TemplateException {
            TemplateExpression left = not();
            while (accept("and")) {
                TemplateExpression a = left;
                TemplateExpression b = not();
                left = node((n, l) -> {
                    Object x = a.evaluate(n, l);
                    return truth(x) ? b.evaluate(n, l) : x;
                });
            }
            return left;
        }

        private TemplateExpression not() throws TemplateException {
            if (accept("not")) {
                TemplateExpression operand = not();
                return node((n, l) -> !truth(operand.evaluate(n, l)));
            }
            return comparison();
        }

        private TemplateExpression comparison() throws TemplateException {
            TemplateExpression first = arithmetic();
            List<String> operators = new ArrayList<>();
            List<TemplateExpression> operands = new ArrayList<>(List.of(first));
            while (peekIn("==", "!=", "<", ">", "<=", ">=")) {
                operators.add(tokens.get(at++));
                operands.add(arithmetic());
            }
            if (operators.isEmpty()) {
                return first;
            }
            return node((n, l) -> {
                Object left = operands.get(0).evaluate(n, l);
                for (int i = 0; i < operators.size(); i++) {
                    Object right = operands.get(i + 1).evaluate(n, l);
                    if (!compare(operators.get(i), left, right, l)) {
                        return false;
                    }
                    left = right;
                }
                return true;
            });
        }

        private TemplateExpression arithmetic() throws TemplateException {
            TemplateExpression left = term();
            while ("+".equals(peek()) || "-".equals(peek())) {
                left = binary(tokens.get(at++), left, term());
            }
            return left;
        }

        private TemplateExpression term() throws TemplateException {
            TemplateExpression left = factor();
            while (peekIn("*", "/", "//", "%")) {
                left = binary(tokens.get(at++), left, factor());
            }
            return left;
        }

        private TemplateExpression factor() throws TemplateException {
            if (accept("-")) {
                return binary("neg", factor(), null);
            }
            if (accept("+")) {
                return binary("pos", factor(), null);
            }
            TemplateExpression base = primary();
            if (accept("**")) {
                return binary("**", base, factor());
            }
            return base;
        }

        private TemplateExpression primary() throws TemplateException {
            TemplateExpression value = atom();
            while (true) {
                if (accept("(")) {
                    List<TemplateExpression> arguments = new ArrayList<>();
                    if (!accept(")")) {
                        do {
                            arguments.add(test());
                        } while (accept(",") && !")".equals(peek()));
                        expect(")");
                    }
                    TemplateExpression function = value;
                    value = node((n, l) -> call(function.evaluate(n, l), evaluateAll(arguments, n, l), l));
                } else if (accept("[")) {
                    TemplateExpression container = value;
                    TemplateExpression index = test();
                    expect("]");
                    value = node((n, l) -> index(container.evaluate(n, l), index.evaluate(n, l), l));
                } else if (accept(".")) {
                    String name = peek();
                    if (name == null || !isName(name)) {
                        throw new TemplateException(line, "expected a name after '.' in '" + text.strip() + "'");
                    }
                    at++;
                    TemplateExpression object = value;
                    value = node((n, l) -> attribute(object.evaluate(n, l), name, l));
                } else {
                    return value;
                }
            }
        }

        private TemplateExpression atom() throws TemplateException {
            String token = peek();
            if (token == null) {
                throw new TemplateException(line, "expression expected" + (text.isBlank() ? "" : " at the end of '" + text.strip() + "'"));
            }
            at++;
            if (token.equals("(")) {
                TemplateExpression inner = test();
                expect(")");
                return inner;
            }
            if (token.equals("[")) {
                List<TemplateExpression> items = new ArrayList<>();
                if (!accept("]")) {
                    do {
                        items.add(test());
                    } while (accept(",") && !"]".equals(peek()));
                    expect("]");
                }
                return node((n, l) -> evaluateAll(items, n, l));
            }
            if (token.charAt(0) == '\u0000') {
                String value = token.substring(1);
                return node((n, l) -> value);
            }
            if (Character.isDigit(token.charAt(0)) || token.charAt(0) == '.') {
                Object value = token.matches("\\d+") ? (Object) Long.parseLong(token) : (Object) Double.parseDouble(token);
                return node((n, l) -> value);
            }
            if (isName(token) && !Set.of("and", "or", "not", "if", "else", "in").contains(token)) {
                switch (token) {
                    case "True":
                        return node((n, l) -> true);
                    case "False":
                        return node((n, l) -> false);
                    case "None":
                        return node((n, l) -> NONE);
                    default:
                        if (BUILTINS.contains(token)) {
                            Builtin builtin = new Builtin(token);
                            return node((n, l) -> builtin);
                        }
                        return node((n, l) -> {
                            Object value = n.get(token);
                            return value == null ? new Undefined(token) : value;
                        });
                }
            }
            throw new TemplateException(line, "unexpected '" + token + "' in '" + text.strip() + "'");
        }

        private static boolean isName(String token) {
            return Character.isLetter(token.charAt(0)) || token.charAt(0) == '_';
        }

        private static TemplateExpression binary(String operator, TemplateExpression a, TemplateExpression b) {
            return node((n, l) -> TemplateExpression.arithmetic(operator, a.evaluate(n, l), b == null ? null : b.evaluate(n, l), l));
        }
    }

    private interface Evaluation {
        Object evaluate(Names names, int line) throws TemplateException;
    }

    private static TemplateExpression node(Evaluation evaluation) {
        return new TemplateExpression() {
            @Override
            Object evaluate(Names names, int line) throws TemplateException {
                return evaluation.evaluate(names, line);
            }
        };
    }

    private static List<Object> evaluateAll(List<TemplateExpression> expressions, Names names, int line) throws TemplateException {
        List<Object> values = new ArrayList<>(expressions.size());
        for (TemplateExpression expression : expressions) {
            values.add(expression.evaluate(names, line));
        }
        return values;
    }

    // --- Python semantics -----------------------------------------------------------------------------

    private static TemplateException undefined(Object value, int line) {
        return new TemplateException(line, "name '" + ((Undefined) value).name() + "' is not defined");
    }

    private static String typeName(Object value) {
        if (value instanceof Vector) {
            return "Vector";
        }
        if (value instanceof Long) {
            return "int";
        }
        if (value instanceof Double) {
            return "float";
        }
        if (value instanceof Boolean) {
            return "bool";
        }
        if (value instanceof String) {
            return "str";
        }
        if (value instanceof List) {
            return "list";
        }
        if (value == NONE) {
            return "NoneType";
        }
        if (value instanceof Builtin) {
            return "builtin_function_or_method";
        }
        return value.getClass().getSimpleName();
    }

    /** Python truth; a Vector's is Flitter's. */
    static boolean truth(Object value) {
        if (value instanceof Vector) {
            return ((Vector) value).asBool();
        }
        if (value instanceof Boolean) {
            return (Boolean) value;
        }
        if (value instanceof Long) {
            return (Long) value != 0;
        }
        if (value instanceof Double) {
            return (Double) value != 0;
        }
        if (value instanceof String) {
            return !((String) value).isEmpty();
        }
        if (value instanceof List) {
            return !((List<?>) value).isEmpty();
        }
        return value != NONE && !(value instanceof Undefined);
    }

    /** {@code str(value)}, which is what {@code ${…}} writes. */
    static String str(Object value, int line) throws TemplateException {
        if (value instanceof Undefined) {
            throw undefined(value, line);
        }
        if (value instanceof Vector) {
            return ((Vector) value).asString();
        }
        if (value instanceof String) {
            return (String) value;
        }
        return repr(value);
    }

    private static String repr(Object value) {
        if (value instanceof Double) {
            return floatRepr((Double) value);
        }
        if (value instanceof Boolean) {
            return (Boolean) value ? "True" : "False";
        }
        if (value instanceof String) {
            String s = (String) value;
            return s.contains("'") && !s.contains("\"") ? "\"" + s + "\"" : "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
        }
        if (value instanceof List) {
            StringBuilder out = new StringBuilder("[");
            for (Object item : (List<?>) value) {
                if (out.length() > 1) {
                    out.append(", ");
                }
                out.append(repr(item));
            }
            return out.append(']').toString();
        }
        if (value instanceof Vector) {
            return ((Vector) value).repr();
        }
        if (value instanceof Builtin) {
            return "<built-in function " + ((Builtin) value).name() + ">";
        }
        return String.valueOf(value);
    }

    /** Python's {@code repr(float)}: shortest round-trip digits, exponent form outside [1e-4, 1e16). */
    static String floatRepr(double x) {
        if (Double.isNaN(x)) {
            return "nan";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "inf" : "-inf";
        }
        if (x == 0) {
            return 1 / x < 0 ? "-0.0" : "0.0";
        }
        BigDecimal exact = new BigDecimal(x);
        BigDecimal d = exact;
        for (int digits = 1; digits <= 17; digits++) {
            d = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
            if (d.doubleValue() == x) {
                break;
            }
        }
        d = d.stripTrailingZeros();
        int exponent = d.precision() - d.scale() - 1;
        String sign = d.signum() < 0 ? "-" : "";
        if (exponent >= -4 && exponent < 16) {
            String plain = d.abs().toPlainString();
            return sign + (plain.contains(".") ? plain : plain + ".0");
        }
        String digits = d.unscaledValue().abs().toString();
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        String exp = Integer.toString(Math.abs(exponent));
        return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + (exp.length() < 2 ? "0" + exp : exp);
    }

    private static boolean isNumber(Object value) {
        return value instanceof Long || value instanceof Double || value instanceof Boolean;
    }

    private static boolean isInteger(Object value) {
        return value instanceof Long || value instanceof Boolean;
    }

    private static long integer(Object value) {
        return value instanceof Boolean ? ((Boolean) value ? 1 : 0) : (Long) value;
    }

    private static double number(Object value) {
        return value instanceof Double ? (Double) value : integer(value);
    }

    /** The original's {@code Vector._coerce}: a Python value as a Vector. */
    private static Vector vector(Object value) {
        if (value instanceof Vector) {
            return (Vector) value;
        }
        if (isNumber(value)) {
            return Vector.of(number(value));
        }
        if (value instanceof String) {
            return Vector.of((String) value);
        }
        if (value instanceof List) {
            List<?> items = (List<?>) value;
            Vector.Builder out = new Vector.Builder(items.size());
            for (Object item : items) {
                if (isNumber(item)) {
                    out.add(number(item));
                } else {
                    out.add(item);
                }
            }
            return out.build();
        }
        return Vector.NULL;
    }

    private static TemplateException unsupported(String operator, Object a, Object b, int line) {
        if (a instanceof Undefined) {
            return undefined(a, line);
        }
        if (b instanceof Undefined) {
            return undefined(b, line);
        }
        return new TemplateException(line, "unsupported operand type(s) for " + operator + ": '" + typeName(a) + "'"
            + (b == null ? "" : " and '" + typeName(b) + "'"));
    }

    static Object arithmetic(String operator, Object a, Object b, int line) throws TemplateException {
        if (a instanceof Undefined || b instanceof Undefined) {
            throw unsupported(operator, a, b, line);
        }
        if (b == null) {
            if (a instanceof Vector) {
                return operator.equals("neg") ? ((Vector) a).neg() : ((Vector) a).pos();
            }
            if (!isNumber(a)) {
                throw new TemplateException(line, "bad operand type for unary " + (operator.equals("neg") ? "-" : "+")
                    + ": '" + typeName(a) + "'");
            }
            if (isInteger(a)) {
                return operator.equals("neg") ? -integer(a) : integer(a);
            }
            return operator.equals("neg") ? -number(a) : number(a);
        }
        if (a instanceof Vector || b instanceof Vector) {
            Vector x = vector(a);
            Vector y = vector(b);
            switch (operator) {
                case "+":
                    return x.add(y);
                case "-":
                    return x.sub(y);
                case "*":
                    return x.mul(y);
                case "/":
                    return x.truediv(y);
                case "//":
                    return x.floordiv(y);
                case "%":
                    return x.mod(y);
                default:
                    return x.pow(y);
            }
        }
        if (isNumber(a) && isNumber(b)) {
            if (isInteger(a) && isInteger(b) && !operator.equals("/")) {
                long x = integer(a);
                long y = integer(b);
                switch (operator) {
                    case "+":
                        return x + y;
                    case "-":
                        return x - y;
                    case "*":
                        return x * y;
                    case "//":
                        if (y == 0) {
                            throw new TemplateException(line, "integer division or modulo by zero");
                        }
                        return Math.floorDiv(x, y);
                    case "%":
                        if (y == 0) {
                            throw new TemplateException(line, "integer division or modulo by zero");
                        }
                        return Math.floorMod(x, y);
                    default:
                        return y >= 0 ? (Object) (long) Math.pow(x, y) : (Object) Math.pow(x, y);
                }
            }
            double x = number(a);
            double y = number(b);
            switch (operator) {
                case "+":
                    return x + y;
                case "-":
                    return x - y;
                case "*":
                    return x * y;
                case "/":
                    if (y == 0) {
                        throw new TemplateException(line, "division by zero");
                    }
                    return x / y;
                case "//":
                    if (y == 0) {
                        throw new TemplateException(line, "float floor division by zero");
                    }
                    return Math.floor(x / y);
                case "%":
                    if (y == 0) {
                        throw new TemplateException(line, "float modulo");
                    }
                    return x - Math.floor(x / y) * y;
                default:
                    return Math.pow(x, y);
            }
        }
        if (operator.equals("+") && a instanceof String && b instanceof String) {
            return (String) a + b;
        }
        if (operator.equals("+") && a instanceof List && b instanceof List) {
            List<Object> joined = new ArrayList<>((List<?>) a);
            joined.addAll((List<?>) b);
            return joined;
        }
        if (operator.equals("*") && (a instanceof String && isInteger(b) || isInteger(a) && b instanceof String)) {
            return (a instanceof String ? (String) a : (String) b).repeat((int) Math.max(0, integer(isInteger(a) ? a : b)));
        }
        throw unsupported(operator, a, b, line);
    }

    static boolean compare(String operator, Object a, Object b, int line) throws TemplateException {
        boolean equality = operator.equals("==") || operator.equals("!=");
        int order;
        if (a instanceof Vector || b instanceof Vector) {
            if (!(a instanceof Undefined) && !(b instanceof Undefined)) {
                Vector x = vector(a);
                Vector y = vector(b);
                if (equality) {
                    return x.equals(y) == operator.equals("==");
                }
                order = x.compare(y);
                if (order == Integer.MIN_VALUE) {
                    throw new TemplateException(line, "Not comparable vectors");
                }
                return ordered(operator, order);
            }
        }
        if (isNumber(a) && isNumber(b)) {
            double x = number(a);
            double y = number(b);
            switch (operator) {
                case "==":
                    return x == y;
                case "!=":
                    return x != y;
                case "<":
                    return x < y;
                case ">":
                    return x > y;
                case "<=":
                    return x <= y;
                default:
                    return x >= y;
            }
        }
        if (equality) {
            boolean equal = a instanceof Undefined || b instanceof Undefined ? a == b : a.equals(b);
            return equal == operator.equals("==");
        }
        if (a instanceof String && b instanceof String) {
            return ordered(operator, Integer.signum(((String) a).compareTo((String) b)));
        }
        if (a instanceof Undefined || b instanceof Undefined) {
            throw unsupported(operator, a, b, line);
        }
        throw new TemplateException(line, "'" + operator + "' not supported between instances of '" + typeName(a)
            + "' and '" + typeName(b) + "'");
    }

    private static boolean ordered(String operator, int order) {
        switch (operator) {
            case "<":
                return order < 0;
            case ">":
                return order > 0;
            case "<=":
                return order <= 0;
            default:
                return order >= 0;
        }
    }

    static Object index(Object container, Object index, int line) throws TemplateException {
        if (container instanceof Undefined || index instanceof Undefined) {
            throw unsupported("[]", container, index, line);
        }
        if (container instanceof Vector) {
            Vector result = ((Vector) container).slice(vector(index));
            if (result.length() == 1) {
                return result.get(0);
            }
            return result;
        }
        if ((container instanceof List || container instanceof String) && isInteger(index)) {
            int n = container instanceof List ? ((List<?>) container).size() : ((String) container).length();
            long i = integer(index);
            if (i < 0) {
                i += n;
            }
            if (i < 0 || i >= n) {
                throw new TemplateException(line, typeName(container) + " index out of range");
            }
            return container instanceof List ? ((List<?>) container).get((int) i) : String.valueOf(((String) container).charAt((int) i));
        }
        if (container instanceof List || container instanceof String) {
            throw new TemplateException(line, typeName(container) + " indices must be integers, not " + typeName(index));
        }
        throw new TemplateException(line, "'" + typeName(container) + "' object is not subscriptable");
    }

    private static Object attribute(Object object, String name, int line) throws TemplateException {
        if (object instanceof Undefined) {
            throw undefined(object, line);
        }
        if (object instanceof Loop) {
            Loop loop = (Loop) object;
            switch (name) {
                case "index":
                    return (long) loop.index();
                case "reverse_index":
                    return (long) (loop.length() - loop.index() - 1);
                case "first":
                    return loop.index() == 0;
                case "last":
                    return loop.index() == loop.length() - 1;
                case "even":
                    return loop.index() % 2 == 0;
                case "odd":
                    return loop.index() % 2 == 1;
                default:
                    break;
            }
        }
        throw new TemplateException(line, "'" + typeName(object) + "' object has no attribute '" + name + "'");
    }

    /** The items a {@code % for} goes over. */
    static List<Object> iterate(Object value, int line) throws TemplateException {
        if (value instanceof List) {
            return new ArrayList<>((List<?>) value);
        }
        List<Object> items = new ArrayList<>();
        if (value instanceof Vector) {
            Vector vector = (Vector) value;
            for (int i = 0; i < vector.length(); i++) {
                items.add(vector.get(i));
            }
            return items;
        }
        if (value instanceof String) {
            for (char c : ((String) value).toCharArray()) {
                items.add(String.valueOf(c));
            }
            return items;
        }
        if (value instanceof Undefined) {
            throw undefined(value, line);
        }
        throw new TemplateException(line, "'" + typeName(value) + "' object is not iterable");
    }

    private static Object call(Object function, List<Object> arguments, int line) throws TemplateException {
        if (function instanceof Undefined) {
            throw undefined(function, line);
        }
        if (!(function instanceof Builtin)) {
            throw new TemplateException(line, "'" + typeName(function) + "' object is not callable");
        }
        String name = ((Builtin) function).name();
        if (name.equals("range")) {
            return range(arguments, line);
        }
        if (arguments.size() != 1) {
            throw new TemplateException(line, name + "() takes exactly one argument (" + arguments.size() + " given)");
        }
        Object x = arguments.get(0);
        if (x instanceof Undefined && !name.equals("bool")) {
            throw undefined(x, line);
        }
        switch (name) {
            case "int":
                return toInt(x, line);
            case "float":
                return toFloat(x, line);
            case "str":
                return str(x, line);
            case "bool":
                return truth(x);
            case "len":
                if (x instanceof Vector) {
                    return (long) ((Vector) x).length();
                }
                if (x instanceof String) {
                    return (long) ((String) x).length();
                }
                if (x instanceof List) {
                    return (long) ((List<?>) x).size();
                }
                throw new TemplateException(line, "object of type '" + typeName(x) + "' has no len()");
            default:
                if (x instanceof Vector) {
                    return ((Vector) x).abs();
                }
                if (isInteger(x)) {
                    return Math.abs(integer(x));
                }
                if (x instanceof Double) {
                    return Math.abs((Double) x);
                }
                throw new TemplateException(line, "bad operand type for abs(): '" + typeName(x) + "'");
        }
    }

    private static Object toInt(Object x, int line) throws TemplateException {
        if (x instanceof Vector) {
            return ((Vector) x).asInteger();
        }
        if (isInteger(x)) {
            return integer(x);
        }
        if (x instanceof Double) {
            double d = (Double) x;
            if (Double.isNaN(d)) {
                throw new TemplateException(line, "cannot convert float NaN to integer");
            }
            if (Double.isInfinite(d)) {
                throw new TemplateException(line, "cannot convert float infinity to integer");
            }
            return (long) d;
        }
        if (x instanceof String) {
            try {
                return Long.parseLong(((String) x).strip().replace("_", ""));
            } catch (NumberFormatException e) {
                throw new TemplateException(line, "invalid literal for int() with base 10: " + repr(x));
            }
        }
        throw new TemplateException(line, "int() argument must be a string or a number, not '" + typeName(x) + "'");
    }

    private static Object toFloat(Object x, int line) throws TemplateException {
        if (x instanceof Vector) {
            return ((Vector) x).asDouble();
        }
        if (isNumber(x)) {
            return number(x);
        }
        if (x instanceof String) {
            String s = ((String) x).strip().toLowerCase();
            switch (s.replaceFirst("^[+-]", "")) {
                case "nan":
                    return Double.NaN;
                case "inf":
                case "infinity":
                    return s.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
                default:
                    break;
            }
            if (s.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)(e[+-]?\\d+)?")) {
                return Double.parseDouble(s);
            }
            throw new TemplateException(line, "could not convert string to float: " + repr(x));
        }
        throw new TemplateException(line, "float() argument must be a string or a number, not '" + typeName(x) + "'");
    }

    private static Object range(List<Object> arguments, int line) throws TemplateException {
        if (arguments.isEmpty() || arguments.size() > 3) {
            throw new TemplateException(line, "range expected 1 to 3 arguments, got " + arguments.size());
        }
        long[] bounds = new long[arguments.size()];
        for (int i = 0; i < bounds.length; i++) {
            Object argument = arguments.get(i);
            if (argument instanceof Undefined) {
                throw undefined(argument, line);
            }
            if (!isInteger(argument)) {
                throw new TemplateException(line, "'" + typeName(argument) + "' object cannot be interpreted as an integer");
            }
            bounds[i] = integer(argument);
        }
        long start = bounds.length > 1 ? bounds[0] : 0;
        long stop = bounds.length > 1 ? bounds[1] : bounds[0];
        long step = bounds.length > 2 ? bounds[2] : 1;
        if (step == 0) {
            throw new TemplateException(line, "range() arg 3 must not be zero");
        }
        List<Object> values = new ArrayList<>();
        for (long i = start; step > 0 ? i < stop : i > stop; i += step) {
            values.add(i);
            if (values.size() > 1_000_000) {
                throw new TemplateException(line, "range() too long for a shader template");
            }
        }
        return values;
    }
}
