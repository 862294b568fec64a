package flitter.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import flitter.model.State;
import flitter.model.Vector;
import flitter.render.gl.WindowFrame;
import flitter.render.gl.WindowNode;
import flitter.render.gl.WindowNodeFactory;

/** The frame a benchmark's window tree renders in: fixed node kinds, references by id, errors collected. */
final class BenchFrame {
    private BenchFrame() {
    }

    /** A frame with these names, state and kinds; problems go to {@code errors}. */
    static WindowFrame of(Map<String, Vector> names, State state, Map<String, WindowNodeFactory> kinds,
            List<String> errors) {
        Map<String, WindowNode> references = new HashMap<>();
        return new WindowFrame() {
            @Override
            public Map<String, Vector> names() {
                return names;
            }

            @Override
            public State state() {
                return state;
            }

            @Override
            public Path path() {
                return null;
            }

            @Override
            public WindowNode reference(String id) {
                return references.get(id);
            }

            @Override
            public void register(String id, WindowNode node) {
                references.put(id, node);
            }

            @Override
            public WindowNodeFactory factory(String kind) {
                return kinds.get(kind);
            }

            @Override
            public void error(String message) {
                errors.add(message);
            }

            @Override
            public int colorbits() {
                return 8;
            }
        };
    }
}
