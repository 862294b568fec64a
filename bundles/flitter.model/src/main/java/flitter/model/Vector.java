package flitter.model;

import java.util.Arrays;
import java.util.List;

/**
 * A Flitter value. Every value is a vector: of numbers (the common, fast case, held as a
 * {@code double[]}), or of a mix of numbers, strings, nodes and functions. {@link #NULL}, the empty
 * vector, is Flitter's {@code null}. Symbols are numbers (see {@link Symbols}).
 *
 * <p>Vectors are immutable. Arithmetic is element-wise, cycling the shorter operand, and gives
 * {@code null} unless both operands are non-empty and purely numeric. The semantics, text forms and
 * hashes follow the original implementation exactly.
 */
public final class Vector {
    private static final double[] NO_NUMBERS = {};

    /** The empty vector, {@code null}. */
    public static final Vector NULL = new Vector(NO_NUMBERS, null);
    public static final Vector FALSE = new Vector(new double[] {0}, null);
    public static final Vector TRUE = new Vector(new double[] {1}, null);

    /** Non-null iff the vector is purely numeric (the empty vector has an empty array). */
    private final double[] numbers;
    /** Non-null iff the vector holds at least one non-number: Double, String, Node or Function. */
    private final Object[] objects;
    /** Non-null for a pseudo-random source: length 0, true, indexable without end. */
    private final Generator generator;
    private long hash;

    private Vector(double[] numbers, Object[] objects) {
        this.numbers = numbers;
        this.objects = objects;
        this.generator = null;
    }

    private Vector(Generator generator) {
        this.numbers = NO_NUMBERS;
        this.objects = null;
        this.generator = generator;
        this.hash = generator.seed();
    }

    /** A pseudo-random source vector (see {@link Generator}). */
    public static Vector of(Generator generator) {
        return new Vector(generator);
    }

    /** The generator behind a pseudo-random source vector, or {@code null}. */
    public Generator generator() {
        return generator;
    }

    // --- construction -------------------------------------------------------------------------

    public static Vector of(double value) {
        if (value == 0 && (1 / value) > 0) {
            return FALSE;
        }
        if (value == 1) {
            return TRUE;
        }
        return new Vector(new double[] {value}, null);
    }

    /** A numeric vector that takes ownership of {@code values} (callers must not change it afterwards). */
    public static Vector of(double... values) {
        return values.length == 0 ? NULL : new Vector(values, null);
    }

    public static Vector of(boolean value) {
        return value ? TRUE : FALSE;
    }

    public static Vector of(String value) {
        return new Vector(null, new Object[] {value});
    }

    public static Vector of(Node node) {
        return new Vector(null, new Object[] {node});
    }

    public static Vector of(Function function) {
        return new Vector(null, new Object[] {function});
    }

    /** The symbol {@code :name}. */
    public static Vector symbol(String name) {
        return new Vector(new double[] {Symbols.number(name)}, null);
    }

    /**
     * A vector of the given elements (Double, Number, String, Node, Function or Vector, which is
     * spliced in); purely numeric when every element is a number.
     */
    public static Vector ofObjects(Object... elements) {
        Builder builder = new Builder(elements.length);
        for (Object element : elements) {
            builder.add(element);
        }
        return builder.build();
    }

    /** The vectors one after another ({@code a;b;c}). */
    public static Vector compose(Vector... vectors) {
        if (vectors.length == 1) {
            return vectors[0];
        }
        int n = 0;
        boolean numeric = true;
        Vector only = NULL;
        int nonEmpty = 0;
        for (Vector v : vectors) {
            n += v.length();
            if (v.objects != null) {
                numeric = false;
            }
            if (v.length() > 0) {
                only = v;
                nonEmpty++;
            }
        }
        if (nonEmpty <= 1) {
            return only;
        }
        if (numeric) {
            double[] out = new double[n];
            int at = 0;
            for (Vector v : vectors) {
                System.arraycopy(v.numbers, 0, out, at, v.numbers.length);
                at += v.numbers.length;
            }
            return new Vector(out, null);
        }
        Object[] out = new Object[n];
        int at = 0;
        for (Vector v : vectors) {
            at = v.copyElements(out, at);
        }
        return new Vector(null, out);
    }

    public static Vector compose(List<Vector> vectors) {
        return compose(vectors.toArray(new Vector[0]));
    }

    /** The longest range {@link #range} makes (800 MB of numbers): a typo like {@code ..1e12} must not take the host down. */
    public static final int MAX_RANGE = 100_000_000;

    /**
     * {@code start..stop|step}: null unless each is a single number (start may be null for 0, step for
     * 1); throws IllegalArgumentException, saying so, for more than {@link #MAX_RANGE} numbers.
     */
    public static Vector range(Vector start, Vector stop, Vector step) {
        double from;
        if (start.length() == 0) {
            from = 0;
        } else if (start.numbers != null && start.numbers.length == 1) {
            from = start.numbers[0];
        } else {
            return NULL;
        }
        if (stop.numbers == null || stop.numbers.length != 1) {
            return NULL;
        }
        double to = stop.numbers[0];
        double by;
        if (step.length() == 0) {
            by = 1;
        } else if (step.numbers != null && step.numbers.length == 1) {
            by = step.numbers[0];
            if (by == 0) {
                return NULL;
            }
        } else {
            return NULL;
        }
        double count = Math.ceil((to - from) / by);
        if (!(count > 0)) {
            return NULL;
        }
        if (count > MAX_RANGE) {
            throw new IllegalArgumentException("a range of " + TextForm.number(count) + " numbers is too long (at most "
                + TextForm.number(MAX_RANGE) + ")");
        }
        int n = (int) count;
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = from + by * i;
        }
        return new Vector(out, null);
    }

    /** Builds a vector element by element. */
    public static final class Builder {
        private double[] numbers;
        private Object[] objects;
        private int size;

        public Builder(int capacity) {
            numbers = new double[Math.max(capacity, 4)];
        }

        public Builder add(double value) {
            if (objects != null) {
                addObject(value);
            } else {
                if (size == numbers.length) {
                    numbers = Arrays.copyOf(numbers, size * 2);
                }
                numbers[size++] = value;
            }
            return this;
        }

        public Builder add(Object element) {
            if (element instanceof Number) {
                return add(((Number) element).doubleValue());
            }
            if (element instanceof Vector) {
                Vector v = (Vector) element;
                if (v.objects == null) {
                    for (double d : v.numbers) {
                        add(d);
                    }
                } else {
                    for (Object o : v.objects) {
                        add(o);
                    }
                }
                return this;
            }
            if (element instanceof Boolean) {
                return add((Boolean) element ? 1.0 : 0.0);
            }
            if (!(element instanceof String || element instanceof Node || element instanceof Function)) {
                throw new IllegalArgumentException("not a Flitter value: " + element);
            }
            if (objects == null) {
                objects = new Object[Math.max(numbers.length, 4)];
                for (int i = 0; i < size; i++) {
                    objects[i] = numbers[i];
                }
                numbers = null;
            }
            addObject(element);
            return this;
        }

        private void addObject(Object element) {
            if (size == objects.length) {
                objects = Arrays.copyOf(objects, size * 2);
            }
            objects[size++] = element;
        }

        public Vector build() {
            if (size == 0) {
                return NULL;
            }
            if (objects != null) {
                return new Vector(null, objects.length == size ? objects : Arrays.copyOf(objects, size));
            }
            return new Vector(numbers.length == size ? numbers : Arrays.copyOf(numbers, size), null);
        }
    }

    // --- inspection ---------------------------------------------------------------------------

    public int length() {
        return objects != null ? objects.length : numbers.length;
    }

    public boolean isEmpty() {
        return length() == 0;
    }

    /** Purely numeric and not empty: arithmetic works on it. */
    public boolean isNumeric() {
        return numbers != null && numbers.length > 0;
    }

    /** The numbers of a purely numeric vector (do not modify), or {@code null}. */
    public double[] numbers() {
        return numbers != null && numbers.length > 0 ? numbers : null;
    }

    /** The element at {@code i}: a Double, String, Node or Function. */
    public Object get(int i) {
        return objects != null ? objects[i] : (Object) numbers[i];
    }

    /** The number at {@code i}, or NaN when that element is not a number. */
    public double number(int i) {
        if (objects == null) {
            return numbers[i];
        }
        Object o = objects[i];
        return o instanceof Double ? (Double) o : Double.NaN;
    }

    /** The element at {@code i} modulo the length, as a one-element vector (null when empty). */
    public Vector item(int i) {
        if (generator != null) {
            return of(generator.item(i));
        }
        int n = length();
        if (n == 0) {
            return NULL;
        }
        int at = Math.floorMod(i, n);
        if (objects == null) {
            return of(numbers[at]);
        }
        Object o = objects[at];
        if (o instanceof Double) {
            return of((double) (Double) o);
        }
        return new Vector(null, new Object[] {o});
    }

    /** Flitter truth: non-empty and holding something other than 0 or the empty string. */
    public boolean asBool() {
        if (generator != null) {
            return true;
        }
        if (objects == null) {
            for (double d : numbers) {
                if (d != 0) {
                    return true;
                }
            }
            return false;
        }
        for (Object o : objects) {
            if (o instanceof Double) {
                if ((Double) o != 0) {
                    return true;
                }
            } else if (o instanceof String) {
                if (!((String) o).isEmpty()) {
                    return true;
                }
            } else {
                return true;
            }
        }
        return false;
    }

    /** The single number, or NaN. */
    public double asDouble() {
        return objects == null && numbers.length == 1 ? numbers[0] : Double.NaN;
    }

    /** The floor of the single number, or 0. */
    public long asInteger() {
        if (objects == null && numbers.length == 1) {
            double f = numbers[0];
            if (f >= -0x1p63 && f < 0x1p63) {
                return (long) Math.floor(f);
            }
        }
        return 0;
    }

    /** The symbol name of a single-number vector, or {@code null}. */
    public String asSymbol() {
        return objects == null && numbers.length == 1 ? Symbols.name(numbers[0]) : null;
    }

    /**
     * Flitter's string conversion: the elements concatenated, numbers in general format (symbols as
     * their names), nodes as their kind, functions as their name.
     */
    public String asString() {
        if (objects == null) {
            if (numbers.length == 1) {
                return numberText(numbers[0]);
            }
            StringBuilder out = new StringBuilder();
            for (double d : numbers) {
                out.append(numberText(d));
            }
            return out.toString();
        }
        if (objects.length == 1 && objects[0] instanceof String) {
            return (String) objects[0];
        }
        StringBuilder out = new StringBuilder();
        for (Object o : objects) {
            if (o instanceof String) {
                out.append((String) o);
            } else if (o instanceof Double) {
                out.append(numberText((Double) o));
            } else if (o instanceof Node) {
                out.append(((Node) o).kind());
            } else if (o instanceof Function) {
                out.append(((Function) o).name());
            }
        }
        return out.toString();
    }

    private static String numberText(double d) {
        String symbol = Symbols.name(d);
        return symbol != null ? symbol : TextForm.number(d);
    }

    /** Flitter's text form: {@code null}, {@code 5}, {@code 0.5;1e+10}, {@code 'text'}, {@code :symbol}, {@code (!node)}. */
    public String repr() {
        int n = length();
        if (n == 0) {
            return "null";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                out.append(';');
            }
            Object o = get(i);
            if (o instanceof Double) {
                double d = (Double) o;
                String symbol = Symbols.name(d);
                if (d == 0) {
                    out.append('0');
                } else if (symbol != null) {
                    out.append(':').append(symbol);
                } else {
                    out.append(TextForm.number(d));
                }
            } else if (o instanceof String) {
                out.append(TextForm.quote((String) o));
            } else if (o instanceof Node) {
                out.append('(').append(((Node) o).repr()).append(')');
            } else {
                out.append('(').append(((Function) o).repr()).append(')');
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return repr();
    }

    /** How many elements are nodes. */
    public int nodeCount() {
        if (objects == null) {
            return 0;
        }
        int count = 0;
        for (Object o : objects) {
            if (o instanceof Node) {
                count++;
            }
        }
        return count;
    }

    /** Copies the nodes among the elements into {@code into} from {@code at}; returns the next free index. */
    int copyNodes(Node[] into, int at) {
        if (objects != null) {
            for (Object o : objects) {
                if (o instanceof Node) {
                    into[at++] = (Node) o;
                }
            }
        }
        return at;
    }

    private int copyElements(Object[] into, int at) {
        if (objects != null) {
            System.arraycopy(objects, 0, into, at, objects.length);
            return at + objects.length;
        }
        for (double d : numbers) {
            into[at++] = d;
        }
        return at;
    }

    // --- hashing and equality -----------------------------------------------------------------

    /**
     * The original's vector hash; with {@code floorFloats} numbers are floored first (as the
     * pseudo-random functions do with their seeds).
     */
    public long hash(boolean floorFloats) {
        if (generator != null) {
            return generator.seed();
        }
        if (!floorFloats && hash != 0) {
            return hash;
        }
        long h = Hashing.START;
        int n = length();
        for (int i = 0; i < n; i++) {
            Object o = get(i);
            long y;
            if (o instanceof Double) {
                double d = (Double) o;
                y = Double.doubleToRawLongBits(floorFloats ? Math.floor(d) : d);
            } else if (o instanceof String) {
                y = Hashing.string((String) o);
            } else if (o instanceof Node) {
                y = ((Node) o).hash();
            } else {
                y = System.identityHashCode(o);
            }
            h = Hashing.update(h, y);
        }
        if (!floorFloats) {
            hash = h;
        }
        return h;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(hash(false));
    }

    /** Flitter equality: same length and identical elements (NaN equals nothing). */
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof Vector)) {
            return false;
        }
        Vector that = (Vector) other;
        if (generator != null || that.generator != null) {
            return generator != null && that.generator != null
                && generator.getClass() == that.generator.getClass() && generator.seed() == that.generator.seed();
        }
        int n = length();
        if (n != that.length() || (objects == null) != (that.objects == null)) {
            return false;
        }
        if (objects == null) {
            for (int i = 0; i < n; i++) {
                if (numbers[i] != that.numbers[i]) {
                    return false;
                }
            }
            return true;
        }
        for (int i = 0; i < n; i++) {
            Object a = objects[i];
            Object b = that.objects[i];
            if (a instanceof Double && b instanceof Double) {
                if ((double) (Double) a != (double) (Double) b) {
                    return false;
                }
            } else if (!a.equals(b)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Orders two vectors element by element; a shorter prefix is lesser. Returns -1, 0 or 1, or
     * {@link Integer#MIN_VALUE} when an element pair cannot be compared (a string with a number).
     */
    public int compare(Vector other) {
        if (this == other) {
            return 0;
        }
        int n = length();
        int m = other.length();
        if (n == 0 && m == 0) {
            return 0;
        }
        if (objects == null && other.objects == null) {
            for (int i = 0; i < Math.min(n, m); i++) {
                double x = numbers[i];
                double y = other.numbers[i];
                if (x == y) {
                    continue;
                }
                return x < y ? -1 : 1;
            }
        } else if (objects != null && other.objects != null) {
            for (int i = 0; i < Math.min(n, m); i++) {
                Object a = objects[i];
                Object b = other.objects[i];
                if (a instanceof Double && b instanceof Double) {
                    double x = (Double) a;
                    double y = (Double) b;
                    if (x == y) {
                        continue;
                    }
                    return x < y ? -1 : 1;
                }
                if (a instanceof String && b instanceof String) {
                    int c = compareCodePoints((String) a, (String) b);
                    if (c == 0) {
                        continue;
                    }
                    return c < 0 ? -1 : 1;
                }
                if (a.equals(b)) {
                    continue;
                }
                return Integer.MIN_VALUE;
            }
        } else if (n == 0) {
            return -1;
        } else if (m == 0) {
            return 1;
        } else {
            return Integer.MIN_VALUE;
        }
        return Integer.compare(n, m);
    }

    /** Orders strings by Unicode code point, as Python compares {@code str}s (Java's compareTo uses UTF-16 units). */
    public static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    // --- arithmetic ---------------------------------------------------------------------------

    private interface Op {
        double apply(double x, double y);
    }

    private Vector binary(Vector other, Op op) {
        double[] a = numbers;
        double[] b = other.numbers;
        if (a == null || b == null || a.length == 0 || b.length == 0) {
            return NULL;
        }
        int n = a.length;
        int m = b.length;
        double[] out = new double[Math.max(n, m)];
        if (n == m) {
            for (int i = 0; i < n; i++) {
                out[i] = op.apply(a[i], b[i]);
            }
        } else if (m == 1) {
            double y = b[0];
            for (int i = 0; i < n; i++) {
                out[i] = op.apply(a[i], y);
            }
        } else if (n == 1) {
            double x = a[0];
            for (int i = 0; i < m; i++) {
                out[i] = op.apply(x, b[i]);
            }
        } else {
            for (int i = 0; i < out.length; i++) {
                out[i] = op.apply(a[i % n], b[i % m]);
            }
        }
        return new Vector(out, null);
    }

    public Vector add(Vector other) {
        return binary(other, (x, y) -> x + y);
    }

    public Vector sub(Vector other) {
        return binary(other, (x, y) -> x - y);
    }

    public Vector mul(Vector other) {
        return binary(other, (x, y) -> x * y);
    }

    public Vector truediv(Vector other) {
        return binary(other, (x, y) -> x / y);
    }

    public Vector floordiv(Vector other) {
        return binary(other, (x, y) -> Math.floor(x / y));
    }

    /** Python's modulo: {@code x - floor(x / y) * y}. */
    public Vector mod(Vector other) {
        return binary(other, (x, y) -> x - Math.floor(x / y) * y);
    }

    public Vector pow(Vector other) {
        return binary(other, Vector::power);
    }

    /** C's pow(), which Java's Math.pow matches but for (-1)**±inf and 1**nan. */
    private static double power(double x, double y) {
        if (x == 1 || y == 0) {
            return 1;
        }
        if (x == -1 && Double.isInfinite(y)) {
            return 1;
        }
        return Math.pow(x, y);
    }

    private interface UnaryOp {
        double apply(double x);
    }

    private Vector unary(UnaryOp op) {
        if (numbers == null || numbers.length == 0) {
            return NULL;
        }
        double[] out = new double[numbers.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = op.apply(numbers[i]);
        }
        return new Vector(out, null);
    }

    /** Applies {@code op} to each number of a numeric vector; null otherwise. */
    public Vector map(java.util.function.DoubleUnaryOperator op) {
        return unary(op::applyAsDouble);
    }

    public Vector neg() {
        return unary(x -> -x);
    }

    /** Unary plus: the vector itself when numeric, null otherwise. */
    public Vector pos() {
        return objects == null ? this : NULL;
    }

    public Vector abs() {
        return unary(Math::abs);
    }

    public Vector floor() {
        return unary(Math::floor);
    }

    public Vector ceil() {
        return unary(Math::ceil);
    }

    public Vector fract() {
        return unary(x -> x - Math.floor(x));
    }

    // --- structure ----------------------------------------------------------------------------

    /** Indexing: each index floored and taken modulo the length; null for a non-numeric index. */
    public Vector slice(Vector index) {
        if (generator != null) {
            if (index.numbers == null || index.numbers.length == 0) {
                return NULL;
            }
            double[] out = new double[index.numbers.length];
            for (int i = 0; i < out.length; i++) {
                // The original's (long long) floor(x) on x86-64: INT64_MIN for NaN and out of range.
                double f = Math.floor(index.numbers[i]);
                out[i] = generator.item(f >= -0x1p63 && f < 0x1p63 ? (long) f : Long.MIN_VALUE);
            }
            return new Vector(out, null);
        }
        int n = length();
        if (index.numbers == null || n == 0) {
            return NULL;
        }
        int m = index.numbers.length;
        if (objects == null) {
            double[] out = new double[m];
            for (int i = 0; i < m; i++) {
                out[i] = numbers[Math.floorMod(floorIndex(index.numbers[i]), n)];
            }
            return m == 0 ? NULL : new Vector(out, null);
        }
        Builder out = new Builder(m);
        for (int i = 0; i < m; i++) {
            out.add(objects[Math.floorMod(floorIndex(index.numbers[i]), n)]);
        }
        return out.build();
    }

    /** The original casts floor(index) to a C int: out of range (and NaN) gives INT_MIN, as on x86. */
    private static int floorIndex(double d) {
        double f = Math.floor(d);
        return f >= -0x1p31 && f < 0x1p31 ? (int) f : Integer.MIN_VALUE;
    }

    /** {@code other in this}: whether {@code other} occurs as a contiguous run (null always does). */
    public boolean contains(Vector other) {
        int m = other.length();
        int n = length();
        if (m == 0) {
            return true;
        }
        if (m > n) {
            return false;
        }
        if (objects == null && other.objects != null) {
            return false;
        }
        for (int i = 0; i + m <= n; i++) {
            boolean match = true;
            for (int j = 0; j < m && match; j++) {
                Object a = get(i + j);
                Object b = other.get(j);
                if (a instanceof Double && b instanceof Double) {
                    match = (double) (Double) a == (double) (Double) b;
                } else {
                    match = a.equals(b);
                }
            }
            if (match) {
                return true;
            }
        }
        return false;
    }

    /** The numbers of this vector as the given length, repeating a single number; null when impossible. */
    public double[] numbers(int n) {
        if (numbers == null || numbers.length == 0) {
            return null;
        }
        if (numbers.length == n || n == 0) {
            return numbers;
        }
        if (numbers.length == 1) {
            double[] out = new double[n];
            Arrays.fill(out, numbers[0]);
            return out;
        }
        return null;
    }
}
