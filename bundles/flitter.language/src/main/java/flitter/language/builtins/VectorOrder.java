package flitter.language.builtins;

import flitter.model.Node;
import flitter.model.Vector;

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
        if (element instanceof Builtin) {
            return ((Builtin) element).typeName();
        }
        return "flitter.language.vm.Function";
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
            return Integer.signum(Vector.compareCodePoints((String) a, (String) b));
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

    /**
     * Sorts in place as Python's {@code sorted()} does (CPython's adaptive merge sort): natural runs
     * extended by binary insertion to a minimum length, merged by the "powersort" policy with
     * galloping, comparing only with {@code <}. A total order sorts as any stable sort would; the
     * exact sequence of comparisons matters for NaNs and for which unorderable pair is reported.
     */
    static void sort(Object[] items) throws BuiltinException {
        new Merger(items).sort();
    }

    private static final class Merger {
        private static final int MIN_GALLOP = 7;

        private final Object[] a;
        private Object[] temp = new Object[0];
        private int minGallop = MIN_GALLOP;
        private final int[] runBase = new int[86];
        private final int[] runLength = new int[86];
        private final int[] runPower = new int[86];
        private int runs;

        Merger(Object[] items) {
            this.a = items;
        }

        void sort() throws BuiltinException {
            int remaining = a.length;
            if (remaining < 2) {
                return;
            }
            int minrun = minimumRun(remaining);
            int lo = 0;
            do {
                int n = countRun(a, lo, lo + remaining);
                if (n < minrun) {
                    int force = Math.min(remaining, minrun);
                    binarySort(a, lo, lo + force, lo + n);
                    n = force;
                }
                foundNewRun(n);
                runBase[runs] = lo;
                runLength[runs] = n;
                runs++;
                lo += n;
                remaining -= n;
            } while (remaining > 0);
            while (runs > 1) {
                int n = runs - 2;
                if (n > 0 && runLength[n - 1] < runLength[n + 1]) {
                    n--;
                }
                mergeAt(n);
            }
        }

        /** The depth of the boundary between the last pending run and the next in the ideal merge tree. */
        private int power(int s1, int n1, int n2) {
            long n = a.length;
            long x = 2L * s1 + n1;
            long y = x + n1 + n2;
            int result = 0;
            while (true) {
                result++;
                if (x >= n) {
                    x -= n;
                    y -= n;
                } else if (y >= n) {
                    return result;
                }
                x <<= 1;
                y <<= 1;
            }
        }

        private void foundNewRun(int n2) throws BuiltinException {
            if (runs > 0) {
                int p = power(runBase[runs - 1], runLength[runs - 1], n2);
                while (runs > 1 && runPower[runs - 2] > p) {
                    mergeAt(runs - 2);
                }
                runPower[runs - 1] = p;
            }
        }

        private void mergeAt(int i) throws BuiltinException {
            int baseA = runBase[i];
            int na = runLength[i];
            int baseB = runBase[i + 1];
            int nb = runLength[i + 1];
            runLength[i] = na + nb;
            if (i == runs - 3) {
                runBase[i + 1] = runBase[i + 2];
                runLength[i + 1] = runLength[i + 2];
                runPower[i + 1] = runPower[i + 2];
            }
            runs--;
            int k = gallopRight(a[baseB], a, baseA, na, 0);
            baseA += k;
            na -= k;
            if (na == 0) {
                return;
            }
            nb = gallopLeft(a[baseA + na - 1], a, baseB, nb, nb - 1);
            if (nb <= 0) {
                return;
            }
            if (na <= nb) {
                mergeLow(baseA, na, baseB, nb);
            } else {
                mergeHigh(baseA, na, baseB, nb);
            }
        }

        /** Where {@code key} goes in the sorted {@code a[base:base+n]}, before any equal elements. */
        private static int gallopLeft(Object key, Object[] a, int base, int n, int hint) throws BuiltinException {
            int last = 0;
            int ofs = 1;
            if (lessThan(a[base + hint], key)) {
                int max = n - hint;
                while (ofs < max && lessThan(a[base + hint + ofs], key)) {
                    last = ofs;
                    ofs = (ofs << 1) + 1;
                }
                ofs = Math.min(ofs, max);
                last += hint;
                ofs += hint;
            } else {
                int max = hint + 1;
                while (ofs < max && !lessThan(a[base + hint - ofs], key)) {
                    last = ofs;
                    ofs = (ofs << 1) + 1;
                }
                ofs = Math.min(ofs, max);
                int k = last;
                last = hint - ofs;
                ofs = hint - k;
            }
            last++;
            while (last < ofs) {
                int m = last + ((ofs - last) >> 1);
                if (lessThan(a[base + m], key)) {
                    last = m + 1;
                } else {
                    ofs = m;
                }
            }
            return ofs;
        }

        /** Where {@code key} goes in the sorted {@code a[base:base+n]}, after any equal elements. */
        private static int gallopRight(Object key, Object[] a, int base, int n, int hint) throws BuiltinException {
            int last = 0;
            int ofs = 1;
            if (lessThan(key, a[base + hint])) {
                int max = hint + 1;
                while (ofs < max && lessThan(key, a[base + hint - ofs])) {
                    last = ofs;
                    ofs = (ofs << 1) + 1;
                }
                ofs = Math.min(ofs, max);
                int k = last;
                last = hint - ofs;
                ofs = hint - k;
            } else {
                int max = n - hint;
                while (ofs < max && !lessThan(key, a[base + hint + ofs])) {
                    last = ofs;
                    ofs = (ofs << 1) + 1;
                }
                ofs = Math.min(ofs, max);
                last += hint;
                ofs += hint;
            }
            last++;
            while (last < ofs) {
                int m = last + ((ofs - last) >> 1);
                if (lessThan(key, a[base + m])) {
                    ofs = m;
                } else {
                    last = m + 1;
                }
            }
            return ofs;
        }

        private Object[] temp(int need) {
            if (temp.length < need) {
                temp = new Object[need];
            }
            return temp;
        }

        /** Merges the shorter run A (copied aside) with B, left to right. */
        private void mergeLow(int baseA, int na, int baseB, int nb) throws BuiltinException {
            Object[] t = temp(na);
            System.arraycopy(a, baseA, t, 0, na);
            int pa = 0;
            int pb = baseB;
            int dest = baseA;
            try {
                a[dest++] = a[pb++];
                if (--nb == 0) {
                    return;
                }
                if (na == 1) {
                    System.arraycopy(a, pb, a, dest, nb);
                    a[dest + nb] = t[pa];
                    na = 0;
                    return;
                }
                int gallop = minGallop;
                outer:
                while (true) {
                    int countA = 0;
                    int countB = 0;
                    while (true) {
                        if (lessThan(a[pb], t[pa])) {
                            a[dest++] = a[pb++];
                            countB++;
                            countA = 0;
                            if (--nb == 0) {
                                break outer;
                            }
                            if (countB >= gallop) {
                                break;
                            }
                        } else {
                            a[dest++] = t[pa++];
                            countA++;
                            countB = 0;
                            if (--na == 1) {
                                System.arraycopy(a, pb, a, dest, nb);
                                a[dest + nb] = t[pa];
                                na = 0;
                                return;
                            }
                            if (countA >= gallop) {
                                break;
                            }
                        }
                    }
                    gallop++;
                    do {
                        gallop -= gallop > 1 ? 1 : 0;
                        minGallop = gallop;
                        int k = gallopRight(a[pb], t, pa, na, 0);
                        countA = k;
                        if (k != 0) {
                            System.arraycopy(t, pa, a, dest, k);
                            dest += k;
                            pa += k;
                            na -= k;
                            if (na == 1) {
                                System.arraycopy(a, pb, a, dest, nb);
                                a[dest + nb] = t[pa];
                                na = 0;
                                return;
                            }
                            if (na == 0) {
                                break outer;
                            }
                        }
                        a[dest++] = a[pb++];
                        if (--nb == 0) {
                            break outer;
                        }
                        k = gallopLeft(t[pa], a, pb, nb, 0);
                        countB = k;
                        if (k != 0) {
                            System.arraycopy(a, pb, a, dest, k);
                            dest += k;
                            pb += k;
                            nb -= k;
                            if (nb == 0) {
                                break outer;
                            }
                        }
                        a[dest++] = t[pa++];
                        if (--na == 1) {
                            System.arraycopy(a, pb, a, dest, nb);
                            a[dest + nb] = t[pa];
                            na = 0;
                            return;
                        }
                    } while (countA >= MIN_GALLOP || countB >= MIN_GALLOP);
                    gallop++;
                    minGallop = gallop;
                }
            } finally {
                if (na > 0) {
                    System.arraycopy(t, pa, a, dest, na);
                }
            }
        }

        /** Merges A with the shorter run B (copied aside), right to left. */
        private void mergeHigh(int baseA, int na, int baseB, int nb) throws BuiltinException {
            Object[] t = temp(nb);
            System.arraycopy(a, baseB, t, 0, nb);
            int dest = baseB + nb - 1;
            int pb = nb - 1;
            int pa = baseA + na - 1;
            try {
                a[dest--] = a[pa--];
                if (--na == 0) {
                    return;
                }
                if (nb == 1) {
                    dest -= na;
                    pa -= na;
                    System.arraycopy(a, pa + 1, a, dest + 1, na);
                    a[dest] = t[pb];
                    nb = 0;
                    return;
                }
                int gallop = minGallop;
                outer:
                while (true) {
                    int countA = 0;
                    int countB = 0;
                    while (true) {
                        if (lessThan(t[pb], a[pa])) {
                            a[dest--] = a[pa--];
                            countA++;
                            countB = 0;
                            if (--na == 0) {
                                break outer;
                            }
                            if (countA >= gallop) {
                                break;
                            }
                        } else {
                            a[dest--] = t[pb--];
                            countB++;
                            countA = 0;
                            if (--nb == 1) {
                                dest -= na;
                                pa -= na;
                                System.arraycopy(a, pa + 1, a, dest + 1, na);
                                a[dest] = t[pb];
                                nb = 0;
                                return;
                            }
                            if (countB >= gallop) {
                                break;
                            }
                        }
                    }
                    gallop++;
                    do {
                        gallop -= gallop > 1 ? 1 : 0;
                        minGallop = gallop;
                        int k = na - gallopRight(t[pb], a, baseA, na, na - 1);
                        countA = k;
                        if (k != 0) {
                            dest -= k;
                            pa -= k;
                            System.arraycopy(a, pa + 1, a, dest + 1, k);
                            na -= k;
                            if (na == 0) {
                                break outer;
                            }
                        }
                        a[dest--] = t[pb--];
                        if (--nb == 1) {
                            dest -= na;
                            pa -= na;
                            System.arraycopy(a, pa + 1, a, dest + 1, na);
                            a[dest] = t[pb];
                            nb = 0;
                            return;
                        }
                        k = nb - gallopLeft(a[pa], t, 0, nb, nb - 1);
                        countB = k;
                        if (k != 0) {
                            dest -= k;
                            pb -= k;
                            System.arraycopy(t, pb + 1, a, dest + 1, k);
                            nb -= k;
                            if (nb == 1) {
                                dest -= na;
                                pa -= na;
                                System.arraycopy(a, pa + 1, a, dest + 1, na);
                                a[dest] = t[pb];
                                nb = 0;
                                return;
                            }
                            if (nb == 0) {
                                break outer;
                            }
                        }
                        a[dest--] = a[pa--];
                        if (--na == 0) {
                            break outer;
                        }
                    } while (countA >= MIN_GALLOP || countB >= MIN_GALLOP);
                    gallop++;
                    minGallop = gallop;
                }
            } finally {
                if (nb > 0) {
                    System.arraycopy(t, 0, a, dest - (nb - 1), nb);
                }
            }
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

}
