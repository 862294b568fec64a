package flitter.language.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

import flitter.language.Program;
import flitter.language.Result;
import flitter.language.parse.Ast;
import flitter.model.Node;
import flitter.model.State;
import flitter.model.Vector;

/** A program compiled to executable expressions; see {@link Program}. */
public final class CompiledProgram implements Program {
    private static final Vector[] NO_CAPTURES = {};

    private final Path path;
    private final Compilation.Compiled compiled;
    private final Modules modules = new Modules();

    private CompiledProgram(Path path, Compilation.Compiled compiled) {
        this.path = path;
        this.compiled = compiled;
    }

    public static CompiledProgram of(Ast.Top top, Path path) {
        return new CompiledProgram(path, Compilation.compile(top, path, false));
    }

    @Override
    public Path path() {
        return path;
    }

    @Override
    public Map<String, Vector> pragmas() {
        return Collections.unmodifiableMap(compiled.pragmas());
    }

    @Override
    public Set<Path> dependencies() {
        return Collections.unmodifiableSet(compiled.dependencies());
    }

    @Override
    public Result run(Map<String, Vector> names, State state) {
        Run run = new Run(state, path, modules);
        run.errors.addAll(compiled.errors());
        Frame frame = new Frame(compiled.frameSize(), NO_CAPTURES, compiled.globals().values(names), run);
        Vector tree;
        try {
            tree = compiled.body().eval(frame);
        } catch (StackOverflowError e) {
            run.error("Recursion too deep: the program's evaluation overflowed the stack");
            tree = Vector.NULL;
        } catch (OutOfMemoryError e) {
            run.error("Out of memory evaluating the program: " + e.getMessage());
            tree = Vector.NULL;
        } catch (RuntimeException e) {
            // A bug here must not stop a show: the frame is lost, the error says what happened.
            run.error("Internal error evaluating the program: " + e);
            tree = Vector.NULL;
        }
        List<Node> nodes = new ArrayList<>(tree.nodeCount());
        for (int i = 0; i < tree.length(); i++) {
            Object element = tree.get(i);
            if (element instanceof Node) {
                nodes.add((Node) element);
            }
        }
        return new Result(Collections.unmodifiableList(nodes), Collections.unmodifiableSet(run.errors),
            Collections.unmodifiableList(run.logs));
    }
}
