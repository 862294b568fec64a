package flitter.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

import org.osgi.annotation.versioning.ProviderType;

import flitter.model.Vector;

/**
 * A show running in this host, as operators steer it (the {@code flitter:} shell commands). The engine
 * registers one such service per show, from before its first frame until after its last.
 *
 * <p>Every call hands its work to the show's frame thread, which does it at the start of its next
 * frame, before the program runs; the returned stage completes there. A caller waits for it with a
 * timeout of its own and cancels it when it gives up: work not yet started is then dropped. Once the
 * show has ended, every call fails with an {@link IllegalStateException}.
 */
@ProviderType
public interface RunningShow {
    /** The show's number in this host: 1, 2, … in the order the shows started. */
    int number();

    /** The pages, in order, with the one showing marked current. */
    CompletionStage<List<ShowPage>> pages();

    /**
     * Adds {@code program} as a new page and switches to it at the end of the next frame; a program
     * that is already a page is switched to, not added again. The program is compiled before anything
     * changes: a file that cannot be read or parsed fails the stage with the compiler's
     * {@link java.io.IOException} or {@link flitter.language.ParseError}, and the show goes on as it was.
     *
     * @param program the file, resolved against the host's working directory when relative
     * @return the page, as it will be once the switch is made
     */
    CompletionStage<ShowPage> load(Path program);

    /**
     * Compiles the current page's program again now, changed or not, as live reload does when its
     * files change. On an {@link java.io.IOException} or {@link flitter.language.ParseError} the stage
     * fails with it and the last good program keeps running.
     */
    CompletionStage<ShowPage> reload();

    /** A copy of the current page's state mapping. */
    CompletionStage<Map<Vector, Vector>> state();

    /**
     * Gives the programs the name {@code name} with {@code value} from the next frame on, on every
     * page, as {@code --define} does from the first.
     */
    CompletionStage<Void> define(String name, Vector value);

    /**
     * The frame rate and time split of the last complete measuring window (the numbers the engine logs
     * every 5 s at {@code --verbose}); before the first window completes, those of the frames so far;
     * empty before the first frame has finished.
     */
    CompletionStage<Optional<FrameStats>> frameStats();
}
