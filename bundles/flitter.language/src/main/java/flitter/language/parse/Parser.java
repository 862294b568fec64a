package flitter.language.parse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import flitter.language.ParseError;
import flitter.language.parse.Ast.Append;
import flitter.language.parse.Ast.Attributes;
import flitter.language.parse.Ast.Binary;
import flitter.language.parse.Ast.BinaryOp;
import flitter.language.parse.Ast.Binding;
import flitter.language.parse.Ast.Call;
import flitter.language.parse.Ast.Condition;
import flitter.language.parse.Ast.Export;
import flitter.language.parse.Ast.Expr;
import flitter.language.parse.Ast.For;
import flitter.language.parse.Ast.Function;
import flitter.language.parse.Ast.IfElse;
import flitter.language.parse.Ast.Import;
import flitter.language.parse.Ast.Include;
import flitter.language.parse.Ast.Let;
import flitter.language.parse.Ast.Literal;
import flitter.language.parse.Ast.Lookup;
import flitter.language.parse.Ast.Name;
import flitter.language.parse.Ast.Parameter;
import flitter.language.parse.Ast.PolyBinding;
import flitter.language.parse.Ast.Position;
import flitter.language.parse.Ast.Range;
import flitter.language.parse.Ast.Sequence;
import flitter.language.parse.Ast.Slice;
import flitter.language.parse.Ast.Tag;
import flitter.language.parse.Ast.Top;
import flitter.language.parse.Ast.Unary;
import flitter.language.parse.Ast.UnaryOp;
import flitter.language.parse.Token.Kind;
import flitter.model.Vector;

/**
 * A recursive-descent parser for the original's grammar (docs/language.md, grammar.lark): the same
 * precedence and associativity, and no reserved words — a word is a keyword only where the grammar
 * can take that keyword (so {@code let let=..10} and {@code !distance from=1} parse, as they do in the
 * original).
 */
public final class Parser {
    private final List<Token> tokens;
    private final String source;
    private final Path path;
    private int at;
    /** Where the last node expression ended: a name there could have begun an attribute binding. */
    private int nodeEnd = -1;

    private Parser(List<Token> tokens, String source, Path path) {
        this.tokens = tokens;
        this.source = source;
        this.path = path;
    }

    /** Parses a whole program. */
    public static Top parse(String source, Path path) throws ParseError {
        Parser parser = new Parser(Lexer.tokenize(source, path), source, path);
        return parser.top();
    }

    private Top top() throws ParseError {
        skip(Kind.NL);
        Map<String, Vector> pragmas = new LinkedHashMap<>();
        while (peek().isOp("%pragma")) {
            next();
            String name = expect(Kind.NAME).text();
            Token literal = next();
            if (literal.value() == null || literal.kind() == Kind.TAG) {
                throw error("a pragma takes a literal value", literal);
            }
            pragmas.put(name, (Vector) literal.value());
            expect(Kind.NL);
        }
        skip(Kind.NL);
        Expr body = sequence();
        expect(Kind.EOF);
        return new Top(pragmas, body);
    }

    // --- sequences and statements -----------------------------------------------------------------

    private Expr sequence() throws ParseError {
        List<Expr> items = new ArrayList<>();
        while (true) {
            Token t = peek();
            if (t.kind() == Kind.DEDENT) {
                break;
            }
            if (t.kind() == Kind.EOF) {
                items.add(new Export());
                break;
            }
            if (t.isWord("let") || t.isWord("import") || (t.isWord("func") && isBlockFunction())) {
                items.add(letExpression());
                break;
            }
            items.add(statement());
        }
        return items.size() == 1 ? items.get(0) : new Sequence(items);
    }

    /** {@code func NAME(…)} always defines; {@code func (…)} followed by a new line is a block anonymous function. */
    private boolean isBlockFunction() {
        if (peek(1).kind() == Kind.NAME && peek(2).isOp("(")) {
            return true;
        }
        if (!peek(1).isOp("(")) {
            return false;
        }
        int depth = 0;
        for (int i = at + 1; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.isOp("(")) {
                depth++;
            } else if (t.isOp(")")) {
                depth--;
                if (depth == 0) {
                    return tokens.get(i + 1).kind() == Kind.NL && tokens.get(i + 2).kind() == Kind.INDENT;
                }
            } else if (t.kind() == Kind.EOF) {
                return false;
            }
        }
        return false;
    }

    private Expr letExpression() throws ParseError {
        Token keyword = next();
        if (keyword.isWord("import")) {
            List<String> names = nameList();
            expectWord("from");
            Expr filename = composition();
            expect(Kind.NL);
            return new Import(names, filename, sequence(), position(keyword));
        }
        if (keyword.isWord("func")) {
            String name = peek().kind() == Kind.NAME ? next().text() : "<anon>";
            List<Parameter> parameters = parameters();
            Expr body = block();
            Function function = new Function(name, parameters, body);
            Expr rest = sequence();
            if (name.equals("<anon>")) {
                return new Sequence(List.of(function, rest));
            }
            return new Let(List.of(new PolyBinding(List.of(name), function)), rest);
        }
        boolean stable = peek().isWord("stable");
        if (stable) {
            next();
        }
        List<PolyBinding> bindings = new ArrayList<>();
        List<String> names = nameList();
        expect(Kind.OP, "=");
        if (!stable && peek().kind() == Kind.NL) {
            Expr value = block();
            return new Let(List.of(new PolyBinding(names, value)), sequence());
        }
        bindings.add(new PolyBinding(names, composition()));
        while (peek().kind() == Kind.NAME) {
            bindings.add(polyBinding());
        }
        expect(Kind.NL);
        if (peek().kind() == Kind.INDENT) {
            next();
            do {
                do {
                    bindings.add(polyBinding());
                } while (peek().kind() == Kind.NAME);
                expect(Kind.NL);
            } while (peek().kind() != Kind.DEDENT);
            next();
        }
        return new Let(bindings, sequence());
    }

    private PolyBinding polyBinding() throws ParseError {
        List<String> names = nameList();
        expect(Kind.OP, "=");
        return new PolyBinding(names, composition());
    }

    private Expr statement() throws ParseError {
        Token t = peek();
        if (t.isOp("@")) {
            next();
            Expr function = atom();
            List<Binding> bindings = attributeBindings();
            expect(Kind.NL);
            if (peek().kind() == Kind.INDENT) {
                Expr children = indented();
                return new Call(function, List.of(children), bindings);
            }
            return new Call(function, List.of(), bindings);
        }
        if (t.isWord("for")) {
            next();
            List<List<String>> names = new ArrayList<>();
            List<Expr> sources = new ArrayList<>();
            do {
                names.add(nameList());
                expectWord("in");
                sources.add(composition());
            } while (accept(Kind.OP, ","));
            Expr body = block();
            for (int i = names.size() - 1; i >= 0; i--) {
                body = new For(names.get(i), sources.get(i), body);
            }
            return body;
        }
        if (t.isWord("if")) {
            next();
            List<Condition> conditions = new ArrayList<>();
            Expr test = composition();
            conditions.add(new Condition(test, block()));
            while (peek().isWord("elif")) {
                next();
                Expr elifTest = composition();
                conditions.add(new Condition(elifTest, block()));
            }
            Expr otherwise = null;
            if (peek().isWord("else")) {
                next();
                otherwise = block();
            }
            return new IfElse(conditions, otherwise);
        }
        if (t.isOp("%include")) {
            next();
            Expr filename = composition();
            expect(Kind.NL);
            return new Include(filename, position(t));
        }
        Expr node = node();
        if (accept(Kind.OP, "<<")) {
            skip(Kind.NL);
            return new Append(node, statement());
        }
        expect(Kind.NL);
        if (peek().kind() == Kind.INDENT) {
            return new Append(node, indented());
        }
        return node;
    }

    /** NL INDENT sequence DEDENT. */
    private Expr block() throws ParseError {
        expect(Kind.NL);
        if (peek().kind() != Kind.INDENT) {
            throw error("expected an indented block", peek());
        }
        return indented();
    }

    private Expr indented() throws ParseError {
        expect(Kind.INDENT);
        Expr body = sequence();
        expect(Kind.DEDENT);
        return body;
    }

    private List<Parameter> parameters() throws ParseError {
        expect(Kind.OP, "(");
        List<Parameter> parameters = new ArrayList<>();
        if (!accept(Kind.OP, ")")) {
            do {
                String name = expect(Kind.NAME).text();
                Expr defaultValue = accept(Kind.OP, "=") ? node() : null;
                parameters.add(new Parameter(name, defaultValue));
            } while (accept(Kind.OP, ","));
            expect(Kind.OP, ")");
        }
        return parameters;
    }

    private List<String> nameList() throws ParseError {
        List<String> names = new ArrayList<>();
        names.add(expect(Kind.NAME).text());
        while (peek().isOp(";") && peek(1).kind() == Kind.NAME) {
            next();
            names.add(next().text());
        }
        return names;
    }

    // --- expressions --------------------------------------------------------------------------------

    /** A composition followed by any tags and attribute bindings. */
    private Expr node() throws ParseError {
        Expr node = composition();
        while (true) {
            Token t = peek();
            if (t.kind() == Kind.TAG) {
                next();
                node = new Tag(node, t.text());
            } else if (isAttributeBinding()) {
                node = new Attributes(node, attributeBindings());
            } else {
                nodeEnd = at;
                return node;
            }
        }
    }

    /**
     * {@code NAME=} after a node starts an attribute binding, unless the name is a word the original's
     * parser takes as a keyword there ({@code !a else=1} does not parse in the original either).
     */
    private boolean isAttributeBinding() {
        return peek().kind() == Kind.NAME && peek(1).isOp("=") && !INFIX_WORDS.contains(peek().text());
    }

    private static final java.util.Set<String> INFIX_WORDS =
        java.util.Set.of("in", "where", "else", "and", "or", "xor", "if", "for");

    private List<Binding> attributeBindings() throws ParseError {
        List<Binding> bindings = new ArrayList<>();
        while (isAttributeBinding()) {
            String name = next().text();
            next();
            bindings.add(new Binding(name, composition()));
        }
        return bindings;
    }

    private Expr inlineAppend() throws ParseError {
        Expr node = node();
        if (accept(Kind.OP, "<<")) {
            return new Append(node, inlineAppend());
        }
        return node;
    }

    private Expr composition() throws ParseError {
        Expr first = anonymous();
        if (!peek().isOp(";")) {
            return first;
        }
        List<Expr> items = new ArrayList<>();
        items.add(first);
        while (accept(Kind.OP, ";")) {
            items.add(anonymous());
        }
        return new Sequence(items);
    }

    private Expr anonymous() throws ParseError {
        if (peek().isWord("func")) {
            next();
            List<Parameter> parameters = parameters();
            return new Function("<anon>", parameters, anonymous());
        }
        return comprehension();
    }

    private Expr comprehension() throws ParseError {
        Expr expr = conditional();
        while (true) {
            if (peek().isWord("for")) {
                next();
                List<String> names = nameList();
                expectWord("in");
                expr = new For(names, conditional(), expr);
            } else if (peek().isWord("where")) {
                next();
                List<PolyBinding> bindings = new ArrayList<>();
                do {
                    List<String> names = nameList();
                    expect(Kind.OP, "=");
                    bindings.add(new PolyBinding(names, conditional()));
                } while (peek().kind() == Kind.NAME && (peek(1).isOp("=") || peek(1).isOp(";")));
                expr = new Let(bindings, expr);
            } else {
                return expr;
            }
        }
    }

    private Expr conditional() throws ParseError {
        Expr then = or();
        if (peek().isWord("if")) {
            next();
            Expr test = or();
            Expr otherwise = null;
            if (peek().isWord("else")) {
                next();
                otherwise = conditional();
            }
            return new IfElse(List.of(new Condition(test, then)), otherwise);
        }
        return then;
    }

    private Expr or() throws ParseError {
        Expr left = and();
        while (peek().isWord("or") || peek().isWord("xor")) {
            BinaryOp op = next().text().equals("or") ? BinaryOp.OR : BinaryOp.XOR;
            left = new Binary(op, left, and());
        }
        return left;
    }

    private Expr and() throws ParseError {
        Expr left = not();
        while (peek().isWord("and")) {
            next();
            left = new Binary(BinaryOp.AND, left, not());
        }
        return left;
    }

    private Expr not() throws ParseError {
        if (peek().isWord("not")) {
            next();
            return new Unary(UnaryOp.NOT, not());
        }
        return comparison();
    }

    private Expr comparison() throws ParseError {
        Expr left = range();
        Token t = peek();
        BinaryOp op = null;
        if (t.kind() == Kind.OP) {
            switch (t.text()) {
                case "==":
                    op = BinaryOp.EQ;
                    break;
                case "!=":
                    op = BinaryOp.NE;
                    break;
                case "<":
                    op = BinaryOp.LT;
                    break;
                case ">":
                    op = BinaryOp.GT;
                    break;
                case "<=":
                    op = BinaryOp.LE;
                    break;
                case ">=":
                    op = BinaryOp.GE;
                    break;
                default:
                    break;
            }
        } else if (t.isWord("in")) {
            op = BinaryOp.CONTAINS;
        }
        if (op == null) {
            return left;
        }
        next();
        return new Binary(op, left, range());
    }

    private Expr range() throws ParseError {
        Expr start = null;
        if (!peek().isOp("..")) {
            start = sum();
            if (!peek().isOp("..")) {
                return start;
            }
        }
        next();
        Expr stop = sum();
        Expr step = accept(Kind.OP, "|") ? sum() : null;
        return new Range(start, stop, step);
    }

    private Expr sum() throws ParseError {
        Expr left = product();
        while (peek().isOp("+") || peek().isOp("-")) {
            BinaryOp op = next().text().equals("+") ? BinaryOp.ADD : BinaryOp.SUB;
            left = new Binary(op, left, product());
        }
        return left;
    }

    private Expr product() throws ParseError {
        Expr left = unary();
        while (true) {
            Token t = peek();
            BinaryOp op;
            if (t.isOp("*")) {
                op = BinaryOp.MUL;
            } else if (t.isOp("/")) {
                op = BinaryOp.DIV;
            } else if (t.isOp("//")) {
                op = BinaryOp.FLOORDIV;
            } else if (t.isOp("%")) {
                op = BinaryOp.MOD;
            } else {
                return left;
            }
            next();
            left = new Binary(op, left, unary());
        }
    }

    private Expr unary() throws ParseError {
        if (accept(Kind.OP, "-")) {
            return new Unary(UnaryOp.NEG, unary());
        }
        if (accept(Kind.OP, "+")) {
            return new Unary(UnaryOp.POS, unary());
        }
        return power();
    }

    private Expr power() throws ParseError {
        Expr left = call();
        while (accept(Kind.OP, "**")) {
            left = new Binary(BinaryOp.POW, left, call());
        }
        return left;
    }

    private Expr call() throws ParseError {
        Expr expr = atom();
        while (true) {
            if (accept(Kind.OP, "(")) {
                expr = arguments(expr);
            } else if (accept(Kind.OP, "[")) {
                Expr index = inlineAppend();
                expect(Kind.OP, "]");
                expr = new Slice(expr, index);
            } else {
                return expr;
            }
        }
    }

    private Expr arguments(Expr function) throws ParseError {
        List<Expr> args = new ArrayList<>();
        List<Binding> named = new ArrayList<>();
        if (!accept(Kind.OP, ")")) {
            do {
                if (isAttributeBinding()) {
                    String name = next().text();
                    next();
                    named.add(new Binding(name, inlineAppend()));
                } else if (!named.isEmpty()) {
                    throw error("positional argument after a named argument", peek());
                } else {
                    args.add(inlineAppend());
                }
            } while (accept(Kind.OP, ","));
            expect(Kind.OP, ")");
        }
        return new Call(function, args, named);
    }

    private Expr atom() throws ParseError {
        Token t = next();
        switch (t.kind()) {
            case NUMBER:
            case STRING:
            case SYMBOL:
            case NODE:
                return new Literal((Vector) t.value());
            case NAME:
                return new Name(t.text(), position(t));
            case OP:
                if (t.text().equals("$")) {
                    return new Lookup(atom());
                }
                if (t.text().equals("(")) {
                    Expr inner = inlineAppend();
                    expect(Kind.OP, ")");
                    return inner;
                }
                break;
            default:
                break;
        }
        throw error("unexpected " + t.describe(), t);
    }

    // --- tokens -------------------------------------------------------------------------------------

    private Token peek() {
        return tokens.get(at);
    }

    private Token peek(int ahead) {
        return tokens.get(Math.min(at + ahead, tokens.size() - 1));
    }

    private Token next() {
        Token t = tokens.get(at);
        if (at < tokens.size() - 1) {
            at++;
        }
        return t;
    }

    private void skip(Kind kind) {
        while (peek().kind() == kind) {
            next();
        }
    }

    private boolean accept(Kind kind, String text) {
        if (peek().is(kind, text)) {
            next();
            return true;
        }
        return false;
    }

    private Token expect(Kind kind) throws ParseError {
        Token t = peek();
        if (t.kind() != kind) {
            throw error("unexpected " + t.describe() + (kind == Kind.NAME ? ", expected a name" : ""), t);
        }
        return next();
    }

    private Token expect(Kind kind, String text) throws ParseError {
        Token t = peek();
        if (!t.is(kind, text)) {
            throw error("unexpected " + t.describe() + ", expected '" + text + "'", t);
        }
        return next();
    }

    private void expectWord(String word) throws ParseError {
        Token t = peek();
        if (!t.isWord(word)) {
            throw error("unexpected " + t.describe() + ", expected '" + word + "'", t);
        }
        next();
    }

    private Position position(Token t) {
        return new Position(t.line(), t.column());
    }

    private ParseError error(String message, Token t) {
        int index = tokens.indexOf(t);
        if (index == nodeEnd && t.kind() == Kind.NAME && !INFIX_WORDS.contains(t.text()) && index + 1 < tokens.size()) {
            // The original's LALR parser takes such a name as the start of an attribute binding and
            // fails only at the token after it (its lexer reads the first '=' of '==' as that binding's).
            Token after = tokens.get(index + 1);
            int column = after.isOp("==") ? after.column() + 1 : after.column();
            return error(message, after.line(), column);
        }
        return error(message, t.line(), t.column());
    }

    private ParseError error(String message, int line, int column) {
        int lineStart = 0;
        for (int i = 1; i < line && lineStart >= 0; i++) {
            lineStart = source.indexOf('\n', lineStart) + 1;
        }
        String text = lineStart >= 0 && lineStart <= source.length() ? Lexer.sourceLine(source, lineStart) : null;
        return new ParseError(message, path, line, column, text);
    }
}
