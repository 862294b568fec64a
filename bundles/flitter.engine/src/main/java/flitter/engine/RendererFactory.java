package flitter.engine;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Makes renderers for one kind of top-level node. Registered as a service with the property
 * {@value #KIND} naming the node kind (without the {@code !}). The engine matches the top-level nodes
 * of a frame to renderers by kind and order: the first {@code !window} of every frame goes to the same
 * renderer, the second to another, and so on; a renderer whose node disappears is closed. When the
 * factory's service goes away, its renderers are closed.
 */
@ConsumerType
public interface RendererFactory {
    /** The service property that names the node kind this factory renders. */
    String KIND = "flitter.renderer.kind";

    Renderer create();
}
