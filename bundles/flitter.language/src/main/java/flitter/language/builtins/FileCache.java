package flitter.language.builtins;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import flitter.model.Vector;

/**
 * The original's shared file cache: one entry per file (by resolved absolute path), holding what
 * has been read from it (text, bytes, CSV rows, subtitles). Each use checks the file's modification
 * time first and forgets everything read when it has changed, so an edited file is re-read. A
 * missing file reads as nothing, with one warning until it changes; entries not used for a while
 * are dropped by {@link #clean}.
 */
final class FileCache {
    /** Where the cache reports missing and unreadable files. */
    @FunctionalInterface
    interface Log {
        void warning(String message, Throwable cause);
    }

    static final double DEFAULT_CLEAN_TIME = 30;

    private static final System.Logger LOGGER = System.getLogger("flitter.cache");
    private static final FileCache SHARED = new FileCache();

    static volatile Log log = (message, cause) -> LOGGER.log(Level.WARNING, message, cause);

    private final Map<String, Entry> entries = new HashMap<>();
    private long cleaned = System.nanoTime();

    /** The cache all built-ins share. */
    static FileCache shared() {
        return SHARED;
    }

    /** The cache entry for {@code name}, relative to the directory of {@code program} when not absolute. */
    synchronized Entry get(String name, Path program) throws BuiltinException {
        if (name.indexOf('\0') >= 0) {
            throw new BuiltinException("embedded null byte");
        }
        Path path;
        try {
            path = pythonPath(Path.of(name));
            if (!path.isAbsolute()) {
                path = directoryOf(program).resolve(path);
            }
        } catch (InvalidPathException e) {
            throw new BuiltinException(e.getMessage());
        }
        String absolute = resolve(path).toString();
        long now = System.nanoTime();
        if (now - cleaned > (long) (DEFAULT_CLEAN_TIME * 1e9)) {
            clean(DEFAULT_CLEAN_TIME);
            cleaned = now;
        }
        Entry entry = entries.get(absolute);
        if (entry == null) {
            entry = new Entry(path, absolute);
            entries.put(absolute, entry);
        }
        return entry;
    }

    /** Forgets the entries not used in the last {@code maxAge} seconds. */
    synchronized void clean(double maxAge) {
        long cutoff = System.nanoTime() - (long) (maxAge * 1e9);
        entries.values().removeIf(entry -> entry.touched - cutoff < 0);
    }

    /** The directory a program's relative file names are resolved against. */
    static Path directoryOf(Path program) {
        Path parent = program == null ? null : program.getParent();
        return parent == null ? Path.of("") : parent;
    }

    /** The path as Python's {@code pathlib} spells it: {@code .} components dropped. */
    static Path pythonPath(Path path) {
        Path out = path.getRoot() == null ? Path.of("") : path.getRoot();
        for (Path part : path) {
            if (!part.toString().equals(".")) {
                out = out.resolve(part);
            }
        }
        return out;
    }

    /** Python's non-strict {@code Path.resolve()}: absolute, links followed as far as they exist, {@code ..} applied after. */
    static Path resolve(Path path) {
        try {
            return path.toAbsolutePath().toRealPath();
        } catch (IOException | SecurityException e) {
            return resolve(path.toAbsolutePath(), 0);
        }
    }

    private static Path resolve(Path absolute, int depth) {
        Path current = absolute.getRoot();
        for (Path part : absolute) {
            String name = part.toString();
            if (name.equals(".")) {
                continue;
            }
            if (name.equals("..")) {
                current = current.getParent() == null ? current : current.getParent();
                continue;
            }
            current = current.resolve(name);
            if (depth < 40 && Files.isSymbolicLink(current)) {
                try {
                    current = resolve(current.getParent().resolve(Files.readSymbolicLink(current)), depth + 1);
                } catch (IOException | SecurityException e) {
                    // keep the link itself
                }
            }
        }
        return current;
    }

    private static String decode(byte[] data) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(data)).toString();
    }

    /** Python's universal newlines: {@code \r\n} and {@code \r} read as {@code \n}. */
    static String universalNewlines(String text) {
        return text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** One subtitle of an SRT file. */
    static final class Subtitle {
        final double start;
        final double end;
        final List<String> lines;

        Subtitle(double start, double end, List<String> lines) {
            this.start = start;
            this.end = end;
            this.lines = lines;
        }
    }

    /** One file and what has been read from it since it last changed. */
    static final class Entry {
        private static final Object MISSING = new Object();

        private final Path path;
        private final String absolute;
        private final Map<String, Object> cache = new HashMap<>();
        private FileTime mtime;
        private long touched;

        Entry(Path path, String absolute) throws BuiltinException {
            this.path = path;
            this.absolute = absolute;
            unmodified();
        }

        /** Whether the file's modification time is the one last seen; forgets everything read when not. */
        private boolean unmodified() throws BuiltinException {
            touched = System.nanoTime();
            FileTime now;
            try {
                now = Files.getLastModifiedTime(Path.of(absolute));
            } catch (NoSuchFileException e) {
                now = null;
            } catch (FileSystemException e) {
                throw new BuiltinException(osError(e));
            } catch (IOException e) {
                now = null;
            }
            if (now == null ? mtime == null : now.equals(mtime)) {
                return true;
            }
            mtime = now;
            cache.clear();
            return false;
        }

        private String osError(FileSystemException e) {
            String reason = e.getReason();
            int errno;
            if (reason == null) {
                return e.getMessage();
            }
            switch (reason) {
                case "Not a directory":
                    errno = 20;
                    break;
                case "Permission denied":
                    errno = 13;
                    break;
                case "File name too long":
                    errno = 36;
                    break;
                default:
                    if (reason.startsWith("Too many levels of symbolic links")) {
                        errno = 40;
                        reason = "Too many levels of symbolic links";
                    } else {
                        return reason + ": " + Vector.of(absolute).repr();
                    }
            }
            return "[Errno " + errno + "] " + reason + ": " + Vector.of(absolute).repr();
        }

        private Object cached(String key) throws BuiltinException {
            if (unmodified()) {
                return cache.get(key);
            }
            return null;
        }

        private static Object unwrap(Object value) {
            return value == MISSING ? null : value;
        }

        private byte[] bytes(String what) {
            if (mtime == null) {
                log.warning("File not found: " + path, null);
                return null;
            }
            try {
                return Files.readAllBytes(path);
            } catch (IOException | RuntimeException e) {
                log.warning("Error reading " + what + ": " + path, e);
                return null;
            }
        }

        private String text(String what) {
            byte[] data = bytes(what);
            if (data == null) {
                return null;
            }
            try {
                return universalNewlines(decode(data));
            } catch (CharacterCodingException e) {
                log.warning("Error reading " + what + ": " + path, e);
                return null;
            }
        }

        /** The file's text (UTF-8, universal newlines), or null when missing or unreadable. */
        synchronized String readText() throws BuiltinException {
            Object value = cached("text");
            if (value == null) {
                String text = text("text");
                cache.put("text", text == null ? MISSING : text);
                return text;
            }
            return (String) unwrap(value);
        }

        /** The file's bytes, or null when missing or unreadable. */
        synchronized byte[] readBytes() throws BuiltinException {
            Object value = cached("bytes");
            if (value == null) {
                byte[] data = bytes("bytes");
                cache.put("bytes", data == null ? MISSING : data);
                return data;
            }
            return (byte[]) unwrap(value);
        }

        /** Row {@code row} of the file read as CSV, each value a number where it reads as one, or null. */
        synchronized Vector readCsvRow(long row) throws BuiltinException {
            @SuppressWarnings("unchecked")
            List<Vector> rows = (List<Vector>) cached("csv");
            if (rows == null) {
                rows = new ArrayList<>();
                byte[] data = bytes("CSV");
                if (data != null) {
                    try {
                        // the CSV reader sees the file's own line ends
                        rows = FileCsv.rows(decode(data));
                    } catch (CharacterCodingException | RuntimeException e) {
                        log.warning("Error reading CSV: " + path, e);
                    }
                }
                cache.put("csv", rows);
            }
            return row >= 0 && row < rows.size() ? rows.get((int) row) : Vector.NULL;
        }

        /** The file's subtitles, or null when missing or not valid SRT. */
        synchronized List<Subtitle> readSrt() throws BuiltinException {
            Object value = cached("srt");
            if (value == null) {
                List<Subtitle> subtitles = null;
                String text = text("subtitles");
                if (text != null) {
                    try {
                        subtitles = parseSrt(text);
                    } catch (IllegalArgumentException e) {
                        log.warning("Error reading subtitles: " + path, e);
                    }
                }
                cache.put("srt", subtitles == null ? MISSING : subtitles);
                return subtitles;
            }
            @SuppressWarnings("unchecked")
            List<Subtitle> subtitles = (List<Subtitle>) unwrap(value);
            return subtitles;
        }

        @Override
        public String toString() {
            return path.toString();
        }
    }

    private static double integer(String text) {
        Double value = TextPython.parseInt(text);
        if (value == null) {
            throw new IllegalArgumentException("invalid literal for int() with base 10: " + Vector.of(text).repr());
        }
        return value;
    }

    /** An SRT timestamp ({@code HH:MM:SS,mmm}, any number of colon-separated parts) in seconds. */
    static double timestamp(String text) {
        double seconds = 0;
        int comma = text.indexOf(',');
        if (comma >= 0) {
            seconds = integer(text.substring(comma + 1)) / 1000;
            text = text.substring(0, comma);
        }
        double multiplier = 1;
        List<String> parts = TextPython.split(text, ":");
        for (int i = parts.size() - 1; i >= 0; i--) {
            seconds += integer(parts.get(i)) * multiplier;
            multiplier *= 60;
        }
        return seconds;
    }

    /** SRT subtitles: blocks separated by blank lines, each an index, a time range and lines of text. */
    static List<Subtitle> parseSrt(String text) {
        List<Subtitle> subtitles = new ArrayList<>();
        for (String section : TextPython.split(text, "\n\n")) {
            List<String> lines = TextPython.splitLines(section);
            if (lines.size() < 2) {
                throw new IllegalArgumentException("not enough values to unpack");
            }
            integer(lines.get(0));
            List<String> times = TextPython.split(lines.get(1), " --> ");
            if (times.size() != 2) {
                throw new IllegalArgumentException("expected a start and an end time");
            }
            double start = timestamp(times.get(0));
            double end = timestamp(times.get(1));
            subtitles.add(new Subtitle(start, end, List.copyOf(lines.subList(2, lines.size()))));
        }
        return subtitles;
    }
}
