package flitter.language.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import flitter.language.ParseError;
import flitter.language.parse.Ast;
import flitter.language.parse.Ast.Expr;
import flitter.language.parse.Parser;
import flitter.model.Vector;

/**
 * Turns a parsed program into executable expressions ({@link X}): resolves every name to a slot, a
 * capture or a global, and splices {@code %include}d files into the tree.
 */
final class Compilation {
    private final Globals globals = new Globals();
    private final boolean module;
    private final Set<Path> dependencies = new LinkedHashSet<>();
    private final List<String> errors = new ArrayList<>();
    private Path path;

    private Compilation(Path path, boolean module) {
        this.path = path;
        this.module = module;
        if (path != null) {
            dependencies.add(path.toAbsolutePath().normalize());
        }
    }

    /** A compiled program's body and what running it needs. */
    record Compiled(X body, int frameSize, Globals globals, Map<String, Vector> pragmas, Set<Path> dependencies,
            List<String> errors) {
    }

    static Compiled compile(Ast.Top top, Path path, boolean module) {
        Compilation compilation = new Compilation(path, module);
        Scope scope = new Scope(null, compilation.globals);
        X body = compilation.compile(top.body(), scope);
        return new Compiled(body, scope.frameSize(), compilation.globals, top.pragmas(), compilation.dependencies,
            compilation.errors);
    }

    private X compile(Expr expr, Scope scope) {
        if (expr instanceof Ast.Literal) {
            return new X.Literal(((Ast.Literal) expr).value());
        }
        if (expr instanceof Ast.Name) {
            return scope.resolve(((Ast.Name) expr).name());
        }
        if (expr instanceof Ast.Sequence) {
            List<Expr> items = ((Ast.Sequence) expr).items();
            List<X> compiled = new ArrayList<>(items.size());
            for (Expr item : items) {
                X x = compile(item, scope);
                if (!(x instanceof X.Literal && ((X.Literal) x).value.isEmpty())) {
                    compiled.add(x);
                }
            }
            if (compiled.isEmpty()) {
                return new X.Literal(Vector.NULL);
            }
            return compiled.size() == 1 ? compiled.get(0) : new X.Sequence(compiled.toArray(new X[0]));
        }
        if (expr instanceof Ast.Binary) {
            return binary((Ast.Binary) expr, scope);
        }
        if (expr instanceof Ast.Unary) {
            Ast.Unary unary = (Ast.Unary) expr;
            X operand = compile(unary.operand(), scope);
            switch (unary.op()) {
                case NEG:
                    return new X.Neg(operand);
                case POS:
                    return new X.Pos(operand);
                default:
                    return new X.Not(operand);
            }
        }
        if (expr instanceof Ast.Lookup) {
            return new X.Lookup(compile(((Ast.Lookup) expr).key(), scope));
        }
        if (expr instanceof Ast.Range) {
            Ast.Range range = (Ast.Range) expr;
            return new X.Range(range.start() == null ? null : compile(range.start(), scope),
                compile(range.stop(), scope), range.step() == null ? null : compile(range.step(), scope));
        }
        if (expr instanceof Ast.Slice) {
            Ast.Slice slice = (Ast.Slice) expr;
            return new X.Slice(compile(slice.source(), scope), compile(slice.index(), scope));
        }
        if (expr instanceof Ast.Tag) {
            Ast.Tag tag = (Ast.Tag) expr;
            return new X.Tag(compile(tag.node(), scope), tag.tag());
        }
        if (expr instanceof Ast.Attributes) {
            Ast.Attributes attributes = (Ast.Attributes) expr;
            int n = attributes.bindings().size();
            String[] names = new String[n];
            X[] values = new X[n];
            X node = compile(attributes.node(), scope);
            for (int i = 0; i < n; i++) {
                names[i] = attributes.bindings().get(i).name();
                values[i] = compile(attributes.bindings().get(i).value(), scope);
            }
            return new X.Attributes(node, names, values);
        }
        if (expr instanceof Ast.Append) {
            Ast.Append append = (Ast.Append) expr;
            return new X.Append(compile(append.node(), scope), compile(append.children(), scope));
        }
        if (expr instanceof Ast.Call) {
            return call((Ast.Call) expr, scope);
        }
        if (expr instanceof Ast.Let) {
            return let((Ast.Let) expr, scope);
        }
        if (expr instanceof Ast.For) {
            Ast.For loop = (Ast.For) expr;
            X source = compile(loop.source(), scope);
            int[] slots = new int[loop.names().size()];
            for (int i = 0; i < slots.length; i++) {
                slots[i] = scope.push(loop.names().get(i));
            }
            X body = compile(loop.body(), scope);
            scope.pop(slots.length);
            return new X.For(slots, source, body);
        }
        if (expr instanceof Ast.IfElse) {
            Ast.IfElse ifElse = (Ast.IfElse) expr;
            int n = ifElse.conditions().size();
            X[] tests = new X[n];
            X[] bodies = new X[n];
            for (int i = 0; i < n; i++) {
                tests[i] = compile(ifElse.conditions().get(i).test(), scope);
                bodies[i] = compile(ifElse.conditions().get(i).body(), scope);
            }
            return new X.IfElse(tests, bodies, ifElse.otherwise() == null ? null : compile(ifElse.otherwise(), scope));
        }
        if (expr instanceof Ast.Function) {
            return function((Ast.Function) expr, scope);
        }
        if (expr instanceof Ast.Import) {
            return importing((Ast.Import) expr, scope);
        }
        if (expr instanceof Ast.Include) {
            return include((Ast.Include) expr, scope);
        }
        if (expr instanceof Ast.Export) {
            return export(scope);
        }
        if (expr instanceof Ast.Binding) {
            throw new IllegalStateException("a binding outside a node or call");
        }
        throw new IllegalStateException("cannot compile " + expr);
    }

    private X binary(Ast.Binary binary, Scope scope) {
        X l = compile(binary.left(), scope);
        X r = compile(binary.right(), scope);
        switch (binary.op()) {
            case ADD:
                return new X.Add(l, r);
            case SUB:
                return new X.Sub(l, r);
            case MUL:
                return new X.Mul(l, r);
            case DIV:
                return new X.Div(l, r);
            case FLOORDIV:
                return new X.FloorDiv(l, r);
            case MOD:
                return new X.Mod(l, r);
            case POW:
                return new X.Pow(l, r);
            case EQ:
                return new X.Eq(l, r, true);
            case NE:
                return new X.Eq(l, r, false);
            case LT:
                return new X.Compare(l, r, true, false, false);
            case LE:
                return new X.Compare(l, r, true, true, false);
            case GT:
                return new X.Compare(l, r, false, false, true);
            case GE:
                return new X.Compare(l, r, false, true, true);
            case CONTAINS:
                return new X.Contains(l, r);
            case AND:
                return new X.And(l, r);
            case OR:
                return new X.Or(l, r);
            default:
                return new X.Xor(l, r);
        }
    }

    private X call(Ast.Call call, Scope scope) {
        X[] args = new X[call.args().size()];
        for (int i = 0; i < args.length; i++) {
            args[i] = compile(call.args().get(i), scope);
        }
        String[] names = new String[call.named().size()];
        X[] named = new X[names.length];
        for (int i = 0; i < names.length; i++) {
            names[i] = call.named().get(i).name();
            named[i] = compile(call.named().get(i).value(), scope);
        }
        return new X.Call(compile(call.function(), scope), args, names, named);
    }

    private X let(Ast.Let let, Scope scope) {
        List<X.Bind> bindings = new ArrayList<>();
        int pushed = 0;
        for (Ast.PolyBinding binding : let.bindings()) {
            X value = compile(binding.value(), scope);
            int[] slots = new int[binding.names().size()];
            for (int i = 0; i < slots.length; i++) {
                slots[i] = scope.push(binding.names().get(i));
            }
            pushed += slots.length;
            bindings.add(new X.Bind(slots, value));
        }
        X body = compile(let.body(), scope);
        scope.pop(pushed);
        return new X.Let(bindings.toArray(new X.Bind[0]), body);
    }

    private X function(Ast.Function function, Scope outer) {
        int n = function.parameters().size();
        String[] parameters = new String[n];
        X[] defaults = new X[n];
        for (int i = 0; i < n; i++) {
            Ast.Parameter parameter = function.parameters().get(i);
            parameters[i] = parameter.name();
            defaults[i] = parameter.defaultValue() == null ? null : compile(parameter.defaultValue(), outer);
        }
        Scope scope = new Scope(outer, globals);
        scope.push(function.name());
        for (String parameter : parameters) {
            scope.push(parameter);
        }
        X.FunctionBody body = new X.FunctionBody();
        body.body = compile(function.body(), scope);
        body.frameSize = scope.frameSize();
        return new X.MakeFunction(function.name(), parameters, defaults,
            scope.captureSources.toArray(new X[0]), body);
    }

    private X importing(Ast.Import imp, Scope scope) {
        X filename = compile(imp.filename(), scope);
        String[] names = imp.names().toArray(new String[0]);
        int[] slots = new int[names.length];
        for (int i = 0; i < names.length; i++) {
            slots[i] = scope.push(names[i]);
        }
        X body = compile(imp.body(), scope);
        scope.pop(names.length);
        return new X.Import(filename, names, slots, body);
    }

    /** Splices the included file's top level in here; its names stay inside it. */
    private X include(Ast.Include include, Scope scope) {
        Vector name = constant(include.filename());
        if (name == null) {
            errors.add("Dynamic include filename at line " + include.position().line() + " ignored: it must be a literal");
            return new X.Literal(Vector.NULL);
        }
        if (name.isEmpty()) {
            return new X.Literal(Vector.NULL);
        }
        String file = name.asString();
        Path target = resolve(path, file);
        if (!dependencies.add(target)) {
            errors.add("Cannot include path '" + file + "' multiple times");
            return new X.Literal(Vector.NULL);
        }
        Ast.Top top;
        try {
            top = Parser.parse(Files.readString(target, StandardCharsets.UTF_8), target);
        } catch (IOException e) {
            errors.add("Unable to include '" + file + "': " + e.getMessage());
            return new X.Literal(Vector.NULL);
        } catch (ParseError e) {
            errors.add("Unable to include '" + file + "': " + e.report());
            return new X.Literal(Vector.NULL);
        }
        Path including = path;
        path = target;
        try {
            return compile(withoutExport(top.body()), scope);
        } finally {
            path = including;
        }
    }

    /** An included file's top level ends with an export that belongs to no one. */
    private static Expr withoutExport(Expr body) {
        if (body instanceof Ast.Export) {
            return new Ast.Literal(Vector.NULL);
        }
        if (body instanceof Ast.Sequence) {
            List<Expr> items = new ArrayList<>();
            for (Expr item : ((Ast.Sequence) body).items()) {
                items.add(withoutExport(item));
            }
            return new Ast.Sequence(items);
        }
        if (body instanceof Ast.Let) {
            Ast.Let let = (Ast.Let) body;
            return new Ast.Let(let.bindings(), withoutExport(let.body()));
        }
        if (body instanceof Ast.Import) {
            Ast.Import imp = (Ast.Import) body;
            return new Ast.Import(imp.names(), imp.filename(), withoutExport(imp.body()), imp.position());
        }
        return body;
    }

    /** The value of an expression made only of literals, or null when it is not one. */
    private static Vector constant(Expr expr) {
        if (expr instanceof Ast.Literal) {
            return ((Ast.Literal) expr).value();
        }
        if (expr instanceof Ast.Sequence) {
            List<Vector> parts = new ArrayList<>();
            for (Expr item : ((Ast.Sequence) expr).items()) {
                Vector part = constant(item);
                if (part == null) {
                    return null;
                }
                parts.add(part);
            }
            return Vector.compose(parts);
        }
        if (expr instanceof Ast.Name && ((Ast.Name) expr).name().equals("null")) {
            return Vector.NULL;
        }
        return null;
    }

    private X export(Scope scope) {
        if (!module) {
            return new X.Literal(Vector.NULL);
        }
        Map<String, Integer> visible = new LinkedHashMap<>();
        for (int slot = 0; slot < scope.size(); slot++) {
            visible.put(scope.local(slot), slot);
        }
        String[] names = visible.keySet().toArray(new String[0]);
        X[] values = new X[names.length];
        for (int i = 0; i < names.length; i++) {
            values[i] = new X.Local(visible.get(names[i]));
        }
        return new X.Export(names, values);
    }

    /** A file name relative to the directory of {@code from} (or the working directory). */
    static Path resolve(Path from, String file) {
        Path base = from == null ? null : from.toAbsolutePath().getParent();
        Path target = base == null ? Paths.get(file) : base.resolve(file);
        return target.toAbsolutePath().normalize();
    }
}
