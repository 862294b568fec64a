package flitter.render.gl.impl;

import java.nio.file.Path;

/** File names in window nodes, as the original reads them: relative to the program's folder. */
final class ProgramFiles {
    private ProgramFiles() {
    }

    /**
     * {@code name} against the folder of {@code program} (the working directory when there is no
     * program file). Throws {@link java.nio.file.InvalidPathException} for a name that is no path.
     */
    static Path resolve(Path program, String name) {
        Path path = Path.of(name);
        if (path.isAbsolute()) {
            return path;
        }
        Path folder = program == null ? null : program.toAbsolutePath().getParent();
        return folder == null ? path : folder.resolve(path);
    }
}
