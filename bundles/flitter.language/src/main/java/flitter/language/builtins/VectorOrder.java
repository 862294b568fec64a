package flitter.language.builtins;

import flitter.model.Function;
import flitter.model.Node;

/**
 * Element comparisons as the original makes them on the elements of non-numeric vectors (Python's
 * own {@code <}, {@code >} and {@code ==}), including the errors for elements that cannot be
 * ordered, and Python's list sort, whose order of comparisons decides the outcome for NaNs and
 * which error is reported.
 */
final class VectorOrder {
    private VectorOrder() {
    }

    /** The name the original gives the type of an element in its error messages. */
    static String typeName(Object element) {
        if (element instanceof Double) {
            return "float";
        }
        if (element instanceof String) {
            return "str";
        }
        if (element instanceof Node) {
            return "flitter.model.Node";
        }
        if (element instanceof Function && !(element instanceof Builtin)) {
            return "flitter.language.vm.Function";
        }
        return "_cython_3_2_9.cython_function_or_method";
    }

    /** Python's {@code a < b}: numbers and strings (by code point) only. */
    static boolean lessThan(Object a, Object b) throws BuiltinException {
        return ordered(a, b, "<") < 0;
    }

    /** Python's {@code a > b}. */
    static boolean greaterThan(Object a, Object b) throws BuiltinException {
        return ordered(a, b, ">") > 0;
    }

    /** The sign of {@code a - b} for comparable elements (0 when unordered, as with NaN). */
    private static int ordered(Object a, Object b, String op) throws BuiltinException {
        if (a instanceof Double && b instanceof Double) {
            double x = (Double) a;
            double y = (Double) b;
            return x < y ? -1 : x > y ? 1 : 0;
        }
        if (a instanceof String && b instanceof String) {
            return Integer.signum(compareCodePoints((String) a, (String) b));
        }
        throw new BuiltinException("'" + op + "' not supported between instances of '" + typeName(a) + "' and '"
            + typeName(b) + "'");
    }

    /** Python's {@code a == b}; comparing a node with anything but a node is an error in the original. */
    static boolean equal(Object a, Object b) throws BuiltinException {
        if (a instanceof Node || b instanceof Node) {
            if (!(a instanceof Node)) {
                throw nodeTypeError(a);
            }
            if (!(b instanceof Node)) {
                throw nodeTypeError(b);
            }
            return a.equals(b);
        }
        if (a instanceof Double && b instanceof Double) {
            return (double) (Double) a == (double) (Double) b;
        }
        if (a instanceof String && b instanceof String) {
            return a.equals(b);
        }
        return a == b;
    }

    private static BuiltinException nodeTypeError(Object other) {
        return new BuiltinException("Argument 'other' has incorrect type (expected flitter.model.Node, got "
            + typeName(other) + ")");
    }

    static int compareCodePoints(String a, String b) {
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

    /**
     * Sorts in place as Python's {@code sorted()} does: runs found and extended by binary insertion
     * to the same minimum run length, then merged stably, comparing only with {@code <}.
     */
    static void sort(Object[] items) throws BuiltinException {
        int n = items.length;
        if (n < 2) {
            return;
        }
        int minrun = minimumRun(n);
        int[] runStarts = new int[n + 1];
        int runs = 0;
        int lo = 0;
        while (lo < n) {
            int length = countRun(items, lo, n);
            if (length < minrun) {
                int force = Math.min(n - lo, minrun);
                binarySort(items, lo, lo + force, lo + length);
                length = force;
            }
            runStarts[runs++] = lo;
            lo += length;
        }
        runStarts[runs] = n;
        Object[] scratch = new Object[n];
        while (runs > 1) {
            int merged = 0;
            for (int r = 0; r < runs; r += 2) {
                if (r + 1 < runs) {
                    merge(items, scratch, runStarts[r], runStarts[r + 1], runStarts[r + 2]);
                }
                runStarts[merged++] = runStarts[r];
            }
            runStarts[merged] = n;
            runs = merged;
        }
    }

    private static int minimumRun(int n) {
        int r = 0;
        while (n >= 64) {
            r |= n & 1;
            n >>= 1;
        }
        return n + r;
    }

    /** The length of the run at {@code lo}, reversing it first if it is strictly descending. */
    private static int countRun(Object[] items, int lo, int hi) throws BuiltinException {
        if (lo + 1 == hi) {
            return 1;
        }
        int at = lo + 2;
        if (lessThan(items[lo + 1], items[lo])) {
            while (at < hi && lessThan(items[at], items[at - 1])) {
                at++;
            }
            for (int i = lo, j = at - 1; i < j; i++, j--) {
                Object t = items[i];
                items[i] = items[j];
                items[j] = t;
            }
        } else {
            while (at < hi && !lessThan(items[at], items[at - 1])) {
                at++;
            }
        }
        return at - lo;
    }

    private static void binarySort(Object[] items, int lo, int hi, int start) throws BuiltinException {
        if (start == lo) {
            start++;
        }
        for (; start < hi; start++) {
            Object pivot = items[start];
            int l = lo;
            int r = start;
            do {
                int p = l + ((r - l) >> 1);
                if (lessThan(pivot, items[p])) {
                    r = p;
                } else {
                    l = p + 1;
                }
            } while (l < r);
            System.arraycopy(items, l, items, l + 1, start - l);
            items[l] = pivot;
        }
    }

    private static void merge(Object[] items, Object[] scratch, int lo, int mid, int hi) throws BuiltinException {
        System.arraycopy(items, lo, scratch, lo, mid - lo);
        int i = lo;
        int j = mid;
        int k = lo;
        while (i < mid && j < hi) {
            if (lessThan(items[j], scratch[i])) {
                items[k++] = items[j++];
            } else {
                items[k++] = scratch[i++];
            }
        }
        while (i < mid) {
            items[k++] = scratch[i++];
        }
    }
}
