package flitter.engine;

import org.osgi.annotation.versioning.ConsumerType;

import flitter.model.Node;

/**
 * Renders one top-level node, frame after frame (a window, an offscreen target, …). All calls come from
 * the engine's frame thread, one at a time. An exception thrown from {@link #update} is logged (rate
 * limited) and the show goes on.
 */
@ConsumerType
public interface Renderer extends AutoCloseable {
    /** Brings the output up to date with this frame's node. */
    void update(Node node, Frame frame) throws Exception;

    /** Drops cached resources that the next frames may not need (called when the page changes). */
    default void purge() {
    }

    /** Releases everything; the renderer is not used again. */
    @Override
    void close();
}
