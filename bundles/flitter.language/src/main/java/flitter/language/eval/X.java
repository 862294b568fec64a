package flitter.language.eval;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

import flitter.model.Function;
import flitter.model.Node;
import flitter.model.Vector;

/**
 * An executable expression: the syntax tree after compilation, with every name resolved to a local
 * slot, a captured value or a global. {@link #eval} computes the expression's value in a frame.
 */
abstract class X {
    abstract Vector eval(Frame f);

    // --- values and names ---------------------------------------------------------------------------

    static final class Literal extends X {
        final Vector value;

        Literal(Vector value) {
            this.value = value;
        }

        @Override
        Vector eval(Frame f) {
            return value;
        }
    }

    static final class Local extends X {
        final int slot;

        Local(int slot) {
            this.slot = slot;
        }

        @Override
        Vector eval(Frame f) {
            return f.slots[slot];
        }
    }

    static final class Captured extends X {
        final int index;

        Captured(int index) {
            this.index = index;
        }

        @Override
        Vector eval(Frame f) {
            return f.captures[index];
        }
    }

    /** A name bound by neither the program nor a function: an engine name, a define, a built-in. */
    static final class Global extends X {
        final int index;
        final String name;

        Global(int index, String name) {
            this.index = index;
            this.name = name;
        }

        @Override
        Vector eval(Frame f) {
            Vector value = f.globals[index];
            if (value == null) {
                f.run.error("Unbound name '" + name + "'");
                return Vector.NULL;
            }
            return value;
        }
    }

    static final class Lookup extends X {
        final X key;

        Lookup(X key) {
            this.key = key;
        }

        @Override
        Vector eval(Frame f) {
            return f.run.state(key.eval(f));
        }
    }

    static final class Range extends X {
        final X start;
        final X stop;
        final X step;

        Range(X start, X stop, X step) {
            this.start = start;
            this.stop = stop;
            this.step = step;
        }

        @Override
        Vector eval(Frame f) {
            Vector from = start == null ? Vector.NULL : start.eval(f);
            Vector to = stop.eval(f);
            Vector by = step == null ? Vector.NULL : step.eval(f);
            try {
                return Vector.range(from, to, by);
            } catch (IllegalArgumentException e) {
                f.run.error(e.getMessage());
                return Vector.NULL;
            }
        }
    }

    /** Composes the items' values. */
    static final class Sequence extends X {
        final X[] items;

        Sequence(X[] items) {
            this.items = items;
        }

        @Override
        Vector eval(Frame f) {
            Vector[] values = new Vector[items.length];
            for (int i = 0; i < items.length; i++) {
                values[i] = items[i].eval(f);
            }
            return Vector.compose(values);
        }
    }

    // --- operators ----------------------------------------------------------------------------------

    abstract static class Binary extends X {
        final X left;
        final X right;

        Binary(X left, X right) {
            this.left = left;
            this.right = right;
        }

        @Override
        final Vector eval(Frame f) {
            return apply(left.eval(f), right.eval(f));
        }

        abstract Vector apply(Vector a, Vector b);
    }

    static final class Add extends Binary {
        Add(X l, X r) {
            super(l, r);
        }

        @Override
        Vector apply(Vector a, Vector b) {
            return a.add(b);
        }
    }

    static final class Sub extends Binary {
        Sub(X l, X r) {
            super(l, r);
        }

        @Override
        Vector apply(Vector a, Vector b) {
            return a.sub(b);
        }
    }

    static final class Mul extends Binary {
        Mul(X l, X r) {
            super(l, r);
        }

        @Override
        Vector apply(Vector a, Vector b) {
            return a.mul(b);
        }
    }

    static final class Div extends Binary {
        Div(X l, X r) {
            super(l, r);
        }

        @Override
        Vector apply(Vector a, Vector b) {
            return a.truediv(b);
        }
    }

    static final class FloorDiv extends Binary {
        FloorDiv(X l, X r) {
            super(l, r);
        }

        @Override
        Vector apply(Vector a, Vector b) {
            return a.floordiv(b);
        }
    }

    static final class Mod extends Binary {
        Mod(X l, X r) {
            super(l, r);
        }

        @Override
        Vector apply(Vector a, Vector b) {
            return a.mod(b);
        }
    }

    static final class Pow extends Binary {
        Pow(X l, X r) {
            super(l, r);
        }

        @Override
        Vector apply(Vector a, Vector b) {
            return a.pow(b);
        }
    }

    static final class Eq extends Binary {
        final boolean equal;

        Eq(X l, X r, boolean equal) {
            super(l, r);
            this.equal = equal;
        }

        @Override
        Vector apply(Vector a, Vector b) {
            return Vector.of(a.equals(b) == equal);
        }
    }

    /** {@code < > <= >=}: true, false, or null when the vectors cannot be compared. */
    static final class Compare extends Binary {
        final int lessResult;
        final int equalResult;
        final int greaterResult;

        Compare(X l, X r, boolean less, boolean equal, boolean greater) {
            super(l, r);
            this.lessResult = less ? 1 : 0;
            this.equalResult = equal ? 1 : 0;
            this.greaterResult = greater ? 1 : 0;
        }

        @Override
        Vector apply(Vector a, Vector b) {
            int c = a.compare(b);
            if (c == Integer.MIN_VALUE) {
                return Vector.NULL;
            }
            int result = c < 0 ? lessResult : c == 0 ? equalResult : greaterResult;
            return result == 1 ? Vector.TRUE : Vector.FALSE;
        }
    }

    /** {@code x in y}. */
    static final class Contains extends Binary {
        Contains(X l, X r) {
            super(l, r);
        }

        @Override
        Vector apply(Vector a, Vector b) {
            return Vector.of(b.contains(a));
        }
    }

    static final class Xor extends Binary {
        Xor(X l, X r) {
            super(l, r);
        }

        @Override
        Vector apply(Vector a, Vector b) {
            if (!a.asBool()) {
                return b;
            }
            return b.asBool() ? Vector.FALSE : a;
        }
    }

    static final class And extends X {
        final X left;
        final X right;

        And(X left, X right) {
            this.left = left;
            this.right = right;
        }

        @Override
        Vector eval(Frame f) {
            Vector a = left.eval(f);
            return a.asBool() ? right.eval(f) : a;
        }
    }

    static final class Or extends X {
        final X left;
        final X right;

        Or(X left, X right) {
            this.left = left;
            this.right = right;
        }

        @Override
        Vector eval(Frame f) {
            Vector a = left.eval(f);
            return a.asBool() ? a : right.eval(f);
        }
    }

    static final class Not extends X {
        final X operand;

        Not(X operand) {
            this.operand = operand;
        }

        @Override
        Vector eval(Frame f) {
            return operand.eval(f).asBool() ? Vector.FALSE : Vector.TRUE;
        }
    }

    static final class Neg extends X {
        final X operand;

        Neg(X operand) {
            this.operand = operand;
        }

        @Override
        Vector eval(Frame f) {
            return operand.eval(f).neg();
        }
    }

    static final class Pos extends X {
        final X operand;

        Pos(X operand) {
            this.operand = operand;
        }

        @Override
        Vector eval(Frame f) {
            return operand.eval(f).pos();
        }
    }

    static final class Slice extends X {
        final X source;
        final X index;

        Slice(X source, X index) {
            this.source = source;
            this.index = index;
        }

        @Override
        Vector eval(Frame f) {
            Vector src = source.eval(f);
            return src.slice(index.eval(f));
        }
    }

    // --- nodes --------------------------------------------------------------------------------------

    /** Replaces each node of {@code v} by {@code change(node)}; other elements stay. */
    static Vector mapNodes(Vector v, java.util.function.UnaryOperator<Node> change) {
        int n = v.length();
        if (n == 0 || v.numbers() != null) {
            return v;
        }
        if (n == 1) {
            Object o = v.get(0);
            return o instanceof Node ? Vector.of(change.apply((Node) o)) : v;
        }
        Vector.Builder out = new Vector.Builder(n);
        for (int i = 0; i < n; i++) {
            Object o = v.get(i);
            out.add(o instanceof Node ? change.apply((Node) o) : o);
        }
        return out.build();
    }

    static final class Tag extends X {
        final X node;
        final String tag;

        Tag(X node, String tag) {
            this.node = node;
            this.tag = tag;
        }

        @Override
        Vector eval(Frame f) {
            return mapNodes(node.eval(f), n -> n.withTag(tag));
        }
    }

    static final class Attributes extends X {
        final X node;
        final String[] names;
        final X[] values;

        Attributes(X node, String[] names, X[] values) {
            this.node = node;
            this.names = names;
            this.values = values;
        }

        @Override
        Vector eval(Frame f) {
            Vector nodes = node.eval(f);
            Vector[] evaluated = new Vector[values.length];
            for (int i = 0; i < values.length; i++) {
                evaluated[i] = values[i].eval(f);
            }
            return mapNodes(nodes, n -> n.withAttributes(names, evaluated));
        }
    }

    static final class Append extends X {
        final X node;
        final X children;

        Append(X node, X children) {
            this.node = node;
            this.children = children;
        }

        @Override
        Vector eval(Frame f) {
            Vector nodes = node.eval(f);
            Vector kids = children.eval(f);
            return mapNodes(nodes, n -> n.withChildren(kids));
        }
    }

    // --- control ------------------------------------------------------------------------------------

    /** Binds one value to one or more slots, unpacking items for several names. */
    static final class Bind {
        final int[] slots;
        final X value;

        Bind(int[] slots, X value) {
            this.slots = slots;
            this.value = value;
        }

        void bind(Frame f) {
            Vector v = value.eval(f);
            if (slots.length == 1) {
                f.slots[slots[0]] = v;
            } else {
                for (int i = 0; i < slots.length; i++) {
                    f.slots[slots[i]] = v.item(i);
                }
            }
        }
    }

    static final class Let extends X {
        final Bind[] bindings;
        final X body;

        Let(Bind[] bindings, X body) {
            this.bindings = bindings;
            this.body = body;
        }

        @Override
        Vector eval(Frame f) {
            for (Bind b : bindings) {
                b.bind(f);
            }
            return body.eval(f);
        }
    }

    static final class For extends X {
        final int[] slots;
        final X source;
        final X body;

        For(int[] slots, X source, X body) {
            this.slots = slots;
            this.source = source;
            this.body = body;
        }

        @Override
        Vector eval(Frame f) {
            Vector src = source.eval(f);
            int n = src.length();
            if (n == 0) {
                return Vector.NULL;
            }
            int stride = slots.length;
            int iterations = (n + stride - 1) / stride;
            Vector[] results = new Vector[iterations];
            int position = 0;
            for (int i = 0; i < iterations; i++) {
                for (int slot : slots) {
                    f.slots[slot] = position < n ? src.item(position) : Vector.NULL;
                    position++;
                }
                results[i] = body.eval(f);
            }
            return Vector.compose(results);
        }
    }

    static final class IfElse extends X {
        final X[] tests;
        final X[] bodies;
        final X otherwise;

        IfElse(X[] tests, X[] bodies, X otherwise) {
            this.tests = tests;
            this.bodies = bodies;
            this.otherwise = otherwise;
        }

        @Override
        Vector eval(Frame f) {
            for (int i = 0; i < tests.length; i++) {
                if (tests[i].eval(f).asBool()) {
                    return bodies[i].eval(f);
                }
            }
            return otherwise == null ? Vector.NULL : otherwise.eval(f);
        }
    }

    // --- functions ----------------------------------------------------------------------------------

    static final class Call extends X {
        private static final Vector[] NO_ARGS = {};

        final X function;
        final X[] args;
        final String[] names;
        final X[] named;

        Call(X function, X[] args, String[] names, X[] named) {
            this.function = function;
            this.args = args;
            this.names = names;
            this.named = named;
        }

        @Override
        Vector eval(Frame f) {
            Vector[] values = args.length == 0 ? NO_ARGS : new Vector[args.length];
            for (int i = 0; i < args.length; i++) {
                values[i] = args[i].eval(f);
            }
            Map<String, Vector> keywords = Collections.emptyMap();
            if (names.length > 0) {
                keywords = new HashMap<>();
                for (int i = 0; i < names.length; i++) {
                    keywords.put(names[i], named[i].eval(f));
                }
            }
            Vector callee = function.eval(f);
            int n = callee.length();
            if (n == 0 || callee.numbers() != null) {
                return Vector.NULL;
            }
            if (n == 1) {
                return call(f.run, callee.get(0), values, keywords);
            }
            Vector[] results = new Vector[n];
            for (int i = 0; i < n; i++) {
                results[i] = call(f.run, callee.get(i), values, keywords);
            }
            return Vector.compose(results);
        }

        static Vector call(Run run, Object callee, Vector[] args, Map<String, Vector> keywords) {
            if (callee instanceof Function) {
                return ((Function) callee).call(run, args, keywords);
            }
            run.error(Vector.ofObjects(callee).repr() + " is not callable");
            return Vector.NULL;
        }
    }

    /** Defines a function: evaluates the defaults and captures now, in the defining frame. */
    static final class MakeFunction extends X {
        final String name;
        final String[] parameters;
        final X[] defaults;
        final X[] captures;
        final FunctionBody body;

        MakeFunction(String name, String[] parameters, X[] defaults, X[] captures, FunctionBody body) {
            this.name = name;
            this.parameters = parameters;
            this.defaults = defaults;
            this.captures = captures;
            this.body = body;
        }

        @Override
        Vector eval(Frame f) {
            Vector[] defaultValues = new Vector[defaults.length];
            for (int i = 0; i < defaults.length; i++) {
                defaultValues[i] = defaults[i] == null ? Vector.NULL : defaults[i].eval(f);
            }
            Vector[] captured = new Vector[captures.length];
            for (int i = 0; i < captures.length; i++) {
                captured[i] = captures[i].eval(f);
            }
            return new UserFunction(name, parameters, defaultValues, captured, f.globals, body).self();
        }
    }

    /** The compiled body of a function, filled in once its captures are known. */
    static final class FunctionBody {
        X body;
        int frameSize;
    }

    // --- modules ------------------------------------------------------------------------------------

    static final class Import extends X {
        final X filename;
        final String[] names;
        final int[] slots;
        final X body;

        Import(X filename, String[] names, int[] slots, X body) {
            this.filename = filename;
            this.names = names;
            this.slots = slots;
            this.body = body;
        }

        @Override
        Vector eval(Frame f) {
            String file = filename.eval(f).asString();
            Map<String, Vector> exports = f.run.modules.load(f.run, file);
            for (int i = 0; i < names.length; i++) {
                Vector value = exports == null ? null : exports.get(names[i]);
                if (value == null) {
                    if (exports != null) {
                        f.run.error("Unable to import '" + names[i] + "' from '" + file + "'");
                    }
                    value = Vector.NULL;
                }
                f.slots[slots[i]] = value;
            }
            return body.eval(f);
        }
    }

    /** The end of a module's top level: records the names it defined. */
    static final class Export extends X {
        final String[] names;
        final X[] values;

        Export(String[] names, X[] values) {
            this.names = names;
            this.values = values;
        }

        @Override
        Vector eval(Frame f) {
            Map<String, Vector> exports = new HashMap<>();
            for (int i = 0; i < names.length; i++) {
                exports.put(names[i], values[i].eval(f));
            }
            f.run.exports = exports;
            return Vector.NULL;
        }
    }
}
