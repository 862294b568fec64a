package flitter.language.eval;

import java.util.Map;

import flitter.model.Context;
import flitter.model.Function;
import flitter.model.Vector;

/**
 * A function defined by a program ({@code func}). Its defaults and the outer names it uses were
 * captured when it was defined; it is called with positional arguments, then named ones, then
 * defaults, and parameters with none of these are {@code null}. Extra arguments are ignored.
 */
final class UserFunction implements Function {
    static final int MAX_DEPTH = 500;
    private static final Vector[] NO_CAPTURES = {};

    private final String name;
    private final String[] parameters;
    private final Vector[] defaults;
    private final Vector[] captures;
    private final Vector[] globals;
    private final X.FunctionBody body;
    private final Vector self;
    private int depth;

    UserFunction(String name, String[] parameters, Vector[] defaults, Vector[] captures, Vector[] globals,
            X.FunctionBody body) {
        this.globals = globals;
        this.name = name;
        this.parameters = parameters;
        this.defaults = defaults;
        this.captures = captures.length == 0 ? NO_CAPTURES : captures;
        this.body = body;
        this.self = Vector.of(this);
    }

    Vector self() {
        return self;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Vector call(Context context, Vector[] args, Map<String, Vector> named) {
        Run run = (Run) context;
        if (depth == MAX_DEPTH) {
            run.error("Recursion depth exceeded for func '" + name + "'");
            return Vector.NULL;
        }
        Frame frame = new Frame(body.frameSize, captures, globals, run);
        frame.slots[0] = self;
        for (int i = 0; i < parameters.length; i++) {
            Vector value;
            if (i < args.length) {
                value = args[i];
            } else {
                value = named.get(parameters[i]);
                if (value == null) {
                    value = defaults[i];
                }
            }
            frame.slots[1 + i] = value;
        }
        depth++;
        try {
            return body.body.eval(frame);
        } catch (StackOverflowError e) {
            run.error("Recursion depth exceeded for func '" + name + "'");
            return Vector.NULL;
        } finally {
            depth--;
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
