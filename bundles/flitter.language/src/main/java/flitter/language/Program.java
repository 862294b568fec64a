package flitter.language;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

import flitter.model.State;
import flitter.model.Vector;

/** A compiled program. Running it never throws for a program error: errors come back in the result. */
@ProviderType
public interface Program {
    /** The program's file, or null. */
    Path path();

    /** The {@code %pragma} values, by name ({@code tempo}, {@code quantum}, {@code fps}, …). */
    Map<String, Vector> pragmas();

    /** The files this program was built from: its own, and any it includes (for live reload). */
    Set<Path> dependencies();

    /**
     * Runs the program once.
     *
     * @param names the names the program can see besides the built-ins: the engine's frame names
     *        ({@code time}, {@code beat}, …) and {@code --define}d names
     * @param state the state mapping, read-only while the program runs
     */
    Result run(Map<String, Vector> names, State state);
}
