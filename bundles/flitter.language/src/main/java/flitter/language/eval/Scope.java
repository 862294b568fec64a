package flitter.language.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * The names visible while compiling one function (or the top level): local slots in stack order
 * (innermost last), the outer names the function captures, and the enclosing function's scope.
 */
final class Scope {
    final Scope parent;
    private final Globals globals;
    private final List<String> locals = new ArrayList<>();
    final List<String> captureNames = new ArrayList<>();
    final List<X> captureSources = new ArrayList<>();
    private int max;

    Scope(Scope parent, Globals globals) {
        this.parent = parent;
        this.globals = globals;
    }

    int push(String name) {
        locals.add(name);
        max = Math.max(max, locals.size());
        return locals.size() - 1;
    }

    void pop(int count) {
        for (int i = 0; i < count; i++) {
            locals.remove(locals.size() - 1);
        }
    }

    int size() {
        return locals.size();
    }

    String local(int slot) {
        return locals.get(slot);
    }

    int frameSize() {
        return max;
    }

    /** The innermost binding of {@code name}: a local, a capture, or a global. */
    X resolve(String name) {
        for (int i = locals.size() - 1; i >= 0; i--) {
            if (locals.get(i).equals(name)) {
                return new X.Local(i);
            }
        }
        int captured = captureNames.indexOf(name);
        if (captured >= 0) {
            return new X.Captured(captured);
        }
        if (parent != null) {
            X outer = parent.resolve(name);
            if (!(outer instanceof X.Global)) {
                captureNames.add(name);
                captureSources.add(outer);
                return new X.Captured(captureNames.size() - 1);
            }
            return outer;
        }
        return globals.resolve(name);
    }
}
