package flitter.itest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import flitter.engine.Frame;
import flitter.engine.Renderer;
import flitter.engine.RendererFactory;
import flitter.model.Node;
import flitter.model.Vector;

/** A renderer factory that records what the engine hands it: the nodes and names of every frame. */
final class Probe implements RendererFactory {
    /** Frames recorded per renderer, at most: lockstep shows run as fast as they can. */
    static final int KEPT = 2000;

    final List<Rendered> renderers = Collections.synchronizedList(new ArrayList<>());
    private final BiConsumer<Node, Frame> hook;
    /**
     * Set when the engine updated a closed renderer. The engine logs a renderer's exceptions and
     * carries on, so the test asks this instead of relying on the exception.
     */
    volatile boolean updatedAfterClose;

    Probe() {
        this((node, frame) -> {
        });
    }

    /** {@code hook} runs on the frame thread with each frame's node, before it is recorded. */
    Probe(BiConsumer<Node, Frame> hook) {
        this.hook = hook;
    }

    @Override
    public Renderer create() {
        Rendered renderer = new Rendered();
        renderers.add(renderer);
        return renderer;
    }

    Rendered renderer(int i) {
        synchronized (renderers) {
            return i < renderers.size() ? renderers.get(i) : null;
        }
    }

    boolean allClosed() {
        synchronized (renderers) {
            return renderers.stream().allMatch(r -> r.closed);
        }
    }

    /** The last node any renderer was given, or null. */
    Node lastNode() {
        synchronized (renderers) {
            for (int i = renderers.size() - 1; i >= 0; i--) {
                Node node = renderers.get(i).last();
                if (node != null) {
                    return node;
                }
            }
            return null;
        }
    }

    final class Rendered implements Renderer {
        final List<Node> nodes = Collections.synchronizedList(new ArrayList<>());
        final List<Map<String, Vector>> names = Collections.synchronizedList(new ArrayList<>());
        volatile boolean closed;
        volatile int purges;
        volatile int updates;
        volatile Node latest;

        @Override
        public void update(Node node, Frame frame) {
            if (closed) {
                updatedAfterClose = true;
                throw new IllegalStateException("update after close");
            }
            hook.accept(node, frame);
            updates++;
            latest = node;
            if (nodes.size() < KEPT) {
                nodes.add(node);
                names.add(frame.names());
            }
        }

        @Override
        public void purge() {
            purges++;
        }

        @Override
        public void close() {
            closed = true;
        }

        Node last() {
            return latest;
        }

        double number(int frame, String attribute) {
            return nodes.get(frame).attribute(attribute).asDouble();
        }
    }
}
