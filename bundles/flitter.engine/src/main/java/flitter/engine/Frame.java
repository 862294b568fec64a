package flitter.engine;

import java.nio.file.Path;
import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

import flitter.model.State;
import flitter.model.Vector;

/** What a renderer sees of the frame being rendered. */
@ProviderType
public interface Frame {
    /** The frame's names, as the program saw them ({@code time}, {@code beat}, {@code fps}, …). */
    Map<String, Vector> names();

    /**
     * The state mapping. Renderers write into it (input, connection states, …); the program reads it
     * on the next frame.
     */
    State state();

    /** The running program's file: relative file names in attributes resolve against its folder. */
    Path path();

    /** Whether the engine runs headless ({@code --offscreen}): windows must not open. */
    boolean offscreen();

    /**
     * Asks for the next page (the next program of the command line) from the next frame on; ignored on
     * the last page. The window renderer calls this when the right arrow key is released.
     */
    void nextPage();

    /** Asks for the previous page from the next frame on; ignored on the first page. */
    void previousPage();
}
