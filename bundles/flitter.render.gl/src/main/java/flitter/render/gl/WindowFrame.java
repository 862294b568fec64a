package flitter.render.gl;

import java.nio.file.Path;
import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

import flitter.model.State;
import flitter.model.Vector;

/** What a window node sees of the frame being rendered. */
@ProviderType
public interface WindowFrame {
    /** The frame's names ({@code beat}, {@code time}, {@code fps}, …): the standard uniforms. */
    Map<String, Vector> names();

    /** The state mapping, for nodes that write into it. */
    State state();

    /** The program's file, against which relative file names resolve (may be null). */
    Path path();

    /** The node of this frame (or, for a forward reference, of the last frame) with this {@code id}. */
    WindowNode reference(String id);

    /** Records {@code node} as the node with this {@code id}. */
    void register(String id, WindowNode node);

    /** The factory for a node kind, or null when no bundle provides that kind. */
    WindowNodeFactory factory(String kind);

    /** Reports a problem with a node (a shader that does not compile, …); each distinct message is logged once. */
    void error(String message);

    /** The window's default colour depth ({@code colorbits=} on {@code !window}/{@code !offscreen}). */
    int colorbits();
}
