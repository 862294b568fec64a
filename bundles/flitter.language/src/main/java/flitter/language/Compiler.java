package flitter.language;

import java.io.IOException;
import java.nio.file.Path;

import org.osgi.annotation.versioning.ProviderType;

/** Compiles Flitter source into a {@link Program}: parse once, run every frame. A DS service. */
@ProviderType
public interface Compiler {
    /**
     * Compiles program text. {@code path} (may be null) is the file the text came from: relative
     * imports, includes and file functions resolve against it.
     */
    Program compile(String source, Path path) throws ParseError;

    /** Reads and compiles a program file (UTF-8). */
    Program compile(Path file) throws ParseError, IOException;
}
