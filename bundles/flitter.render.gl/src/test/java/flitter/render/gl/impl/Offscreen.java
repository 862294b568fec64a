package flitter.render.gl.impl;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.lwjgl.BufferUtils;

import flitter.language.Result;
import flitter.language.impl.FlitterCompiler;
import flitter.model.State;
import flitter.model.Vector;
import flitter.render.gl.RenderTarget;
import flitter.render.gl.WindowNodeFactory;

/** An offscreen window for tests: renders Flitter programs frame by frame and reads pixels back. */
public final class Offscreen implements AutoCloseable {
    public final List<String> errors = new ArrayList<>();
    private final Map<String, WindowNodeFactory> factories = new HashMap<>();
    private final WindowKinds kinds;
    private final TreeRenderer renderer;
    private final State state = new State();
    private int frame;
    private Path program;

    public Offscreen() {
        factories.put("shader", new ShaderNodeFactory());
        factories.put("reference", new ReferenceNodeFactory());
        kinds = new WindowKinds(factories);
        renderer = new TreeRenderer(kinds, errors::add);
    }

    public Offscreen with(String kind, WindowNodeFactory factory) {
        kinds.addFactory(factory, Map.of(WindowNodeFactory.KIND, kind));
        return this;
    }

    /** Renders as if the program were the file {@code program} (relative file names resolve against its folder). */
    Offscreen at(Path program) {
        this.program = program;
        return this;
    }

    public Offscreen without(String kind, WindowNodeFactory factory) {
        kinds.removeFactory(factory, Map.of(WindowNodeFactory.KIND, kind));
        return this;
    }

    /** Runs the program and renders its first top-level node as one frame. */
    public RenderTarget render(String program) throws Exception {
        Map<String, Vector> names = new HashMap<>();
        names.put("frame", Vector.of(frame));
        names.put("beat", Vector.of(frame / 2.0));
        names.put("time", Vector.of(frame / 60.0));
        names.put("fps", Vector.of(60));
        names.put("realtime", Vector.FALSE);
        Result result = new FlitterCompiler().compile(program, this.program).run(names, state);
        if (!result.errors().isEmpty()) {
            throw new AssertionError("program errors: " + result.errors());
        }
        renderer.update(result.nodes().get(0), new TestFrame(names, state, this.program, true));
        frame++;
        return renderer.output();
    }

    /** The 8-bit RGBA of pixel (x, y), y counted from the bottom. */
    public static int[] pixel(RenderTarget target, int x, int y) {
        ByteBuffer pixels = BufferUtils.createByteBuffer(target.width() * target.height() * 4);
        target.read(pixels);
        int at = (y * target.width() + x) * 4;
        return new int[] {pixels.get(at) & 0xff, pixels.get(at + 1) & 0xff, pixels.get(at + 2) & 0xff, pixels.get(at + 3) & 0xff};
    }

    /** The floating-point RGBA of pixel (x, y). */
    public static float[] floats(RenderTarget target, int x, int y) {
        FloatBuffer pixels = BufferUtils.createFloatBuffer(target.width() * target.height() * 4);
        target.read(pixels);
        int at = (y * target.width() + x) * 4;
        return new float[] {pixels.get(at), pixels.get(at + 1), pixels.get(at + 2), pixels.get(at + 3)};
    }

    @Override
    public void close() {
        renderer.close();
    }
}
