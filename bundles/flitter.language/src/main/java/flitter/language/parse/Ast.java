package flitter.language.parse;

import java.util.List;
import java.util.Map;

import flitter.model.Vector;

/** The syntax tree of a Flitter program, as the parser builds it. */
public final class Ast {
    private Ast() {
    }

    /** Any expression. */
    public interface Expr {
    }

    /** A position in the source, for error messages. */
    public record Position(int line, int column) {
    }

    public record Top(Map<String, Vector> pragmas, Expr body) implements Expr {
    }

    public record Literal(Vector value) implements Expr {
    }

    public record Name(String name, Position position) implements Expr {
    }

    /** {@code $key}. */
    public record Lookup(Expr key) implements Expr {
    }

    /** {@code start..stop|step}; start and step may be null. */
    public record Range(Expr start, Expr stop, Expr step) implements Expr {
    }

    public enum UnaryOp {
        NEG, POS, NOT
    }

    public record Unary(UnaryOp op, Expr operand) implements Expr {
    }

    public enum BinaryOp {
        ADD, SUB, MUL, DIV, FLOORDIV, MOD, POW, EQ, NE, LT, GT, LE, GE, CONTAINS, AND, OR, XOR
    }

    public record Binary(BinaryOp op, Expr left, Expr right) implements Expr {
    }

    /** {@code name=value}, for attributes and named arguments. */
    public record Binding(String name, Expr value) implements Expr {
    }

    /** {@code a;b=value}: names bound from the items of one value. */
    public record PolyBinding(List<String> names, Expr value) {
    }

    public record Call(Expr function, List<Expr> args, List<Binding> named) implements Expr {
    }

    public record Slice(Expr source, Expr index) implements Expr {
    }

    public record Tag(Expr node, String tag) implements Expr {
    }

    public record Attributes(Expr node, List<Binding> bindings) implements Expr {
    }

    /** The nodes of {@code children} appended to every node of {@code node}. */
    public record Append(Expr node, Expr children) implements Expr {
    }

    /** Composition of the items' values, in order. */
    public record Sequence(List<Expr> items) implements Expr {
    }

    public record Let(List<PolyBinding> bindings, Expr body) implements Expr {
    }

    public record For(List<String> names, Expr source, Expr body) implements Expr {
    }

    public record Condition(Expr test, Expr body) {
    }

    /** {@code if … elif … else}; {@code otherwise} may be null. */
    public record IfElse(List<Condition> conditions, Expr otherwise) implements Expr {
    }

    public record Parameter(String name, Expr defaultValue) {
    }

    public record Function(String name, List<Parameter> parameters, Expr body) implements Expr {
    }

    public record Import(List<String> names, Expr filename, Expr body, Position position) implements Expr {
    }

    public record Include(Expr filename, Position position) implements Expr {
    }

    /** The end of a program: a module exports its top-level names here. */
    public record Export() implements Expr {
    }
}
