package flitter.render.gl.impl;

import java.nio.file.Path;
import java.util.Map;

import flitter.engine.Frame;
import flitter.model.State;
import flitter.model.Vector;

/** A frame for renderers under test: given names, state and program path; counts page turns. */
final class TestFrame implements Frame {
    private final Map<String, Vector> names;
    private final State state;
    private final Path path;
    private final boolean offscreen;
    int pageTurns;

    TestFrame(Map<String, Vector> names, State state, Path path, boolean offscreen) {
        this.names = names;
        this.state = state;
        this.path = path;
        this.offscreen = offscreen;
    }

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
        return path;
    }

    @Override
    public boolean offscreen() {
        return offscreen;
    }

    @Override
    public void nextPage() {
        pageTurns++;
    }

    @Override
    public void previousPage() {
        pageTurns--;
    }
}
