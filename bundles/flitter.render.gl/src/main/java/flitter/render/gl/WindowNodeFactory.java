package flitter.render.gl;

import org.osgi.annotation.versioning.ConsumerType;

/** Makes window nodes of one kind; a service with the property {@value #KIND} naming that kind. */
@ConsumerType
public interface WindowNodeFactory {
    /** The service property naming the node kind (without the {@code !}). */
    String KIND = "flitter.window.kind";

    /** A new node, rendering with {@code gl} (whose context is current). */
    WindowNode create(GlContext gl);
}
