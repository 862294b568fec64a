package flitter.render.gl.impl;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;

import flitter.engine.Frame;
import flitter.engine.Renderer;
import flitter.model.Node;
import flitter.model.State;
import flitter.model.Vector;
import flitter.render.gl.GlContext;
import flitter.render.gl.RenderTarget;
import flitter.render.gl.WindowFrame;
import flitter.render.gl.WindowNode;
import flitter.render.gl.WindowNodeFactory;

/**
 * Renders one {@code !window} or {@code !offscreen} node and its window rendering tree in an OpenGL
 * context of its own (a window's, or a headless one), created on the engine's frame thread at the first
 * frame. The root
 * composites its children like a bare {@code !shader}; {@code colorbits=} sets the tree's default depth
 * (16 when not given). References by {@code id} persist from frame to frame, so a reference to a node
 * later in the tree sees that node's previous frame.
 */
final class TreeRenderer implements Renderer {
    static final int DEFAULT_SIZE = 512;
    static final int DEFAULT_COLORBITS = 16;

    private final WindowKinds kinds;
    private final Consumer<String> errors;
    private final BiFunction<Node, Frame, Surface> surfaces;
    private final Map<String, WindowNode> references = new HashMap<>();
    private final Set<String> reported = new HashSet<>();
    private Surface surface;
    private GlContext gl;
    private ShaderNode root;

    TreeRenderer(WindowKinds kinds, Consumer<String> errors) {
        this(kinds, errors, (node, frame) -> Surface.offscreen());
    }

    /** With {@code surfaces} choosing, at the first frame, where the tree renders. */
    TreeRenderer(WindowKinds kinds, Consumer<String> errors, BiFunction<Node, Frame, Surface> surfaces) {
        this.kinds = kinds;
        this.errors = errors;
        this.surfaces = surfaces;
    }

    @Override
    public void update(Node node, Frame frame) {
        if (surface == null) {
            surface = surfaces.apply(node, frame);
            gl = new GlContext();
            root = new ShaderNode(gl);
        } else {
            surface.makeCurrent();
        }
        Vector bits = node.attribute("colorbits");
        int colorbits = bits != null && bits.numbers() != null ? (int) bits.asDouble() : DEFAULT_COLORBITS;
        try {
            root.update(node, new TreeFrame(frame.names(), frame.state(), frame.path(), colorbits), DEFAULT_SIZE,
                DEFAULT_SIZE);
        } catch (RuntimeException e) {
            error(root.path() + ": " + e.getMessage());
        } catch (Exception e) {
            error(root.path() + ": " + e);
        }
        if (root.texture() != null) {
            surface.present(root.texture(), node, frame);
        }
        gl.endFrame();
    }

    /** The window's image for this frame, or null before the first frame. */
    RenderTarget output() {
        return root == null ? null : root.texture();
    }

    private void error(String message) {
        if (reported.add(message)) {
            errors.accept(message);
        }
    }

    @Override
    public void purge() {
        references.clear();
    }

    @Override
    public void close() {
        if (surface != null) {
            surface.makeCurrent();
            root.close();
            gl.close();
            surface.close();
            surface = null;
        }
    }

    /** The frame as the window nodes see it. */
    private final class TreeFrame implements WindowFrame {
        private final Map<String, Vector> names;
        private final State state;
        private final Path path;
        private final int colorbits;

        TreeFrame(Map<String, Vector> names, State state, Path path, int colorbits) {
            this.names = names;
            this.state = state;
            this.path = path;
            this.colorbits = colorbits;
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
            TreeRenderer.this.error(message);
        }

        @Override
        public int colorbits() {
            return colorbits;
        }
    }
}
