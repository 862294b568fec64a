package flitter.language.builtins;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Python's {@code pathlib.Path.glob} (3.11): a relative pattern matched one path component at a
 * time, {@code *}, {@code ?} and {@code [...]} as in {@code fnmatch} (hidden files included),
 * {@code **} for this directory and every directory below it (not following links), and a trailing
 * {@code /} for directories only.
 */
final class FileGlob {
    private final List<String> parts;
    private final Pattern[] patterns;

    private FileGlob(List<String> parts) throws BuiltinException {
        this.parts = parts;
        this.patterns = new Pattern[parts.size()];
        for (int i = 0; i < parts.size(); i++) {
            String part = parts.get(i);
            if (part.isEmpty()) {
                break;
            }
            if (!part.equals("**")) {
                if (part.contains("**")) {
                    throw new BuiltinException("Invalid pattern: '**' can only be an entire path component");
                }
                if (part.contains("*") || part.contains("?") || part.contains("[")) {
                    patterns[i] = Pattern.compile(translate(part), Pattern.DOTALL);
                }
            }
        }
    }

    /** The paths under {@code base} that match {@code pattern}, unresolved and in no particular order. */
    static List<Path> glob(Path base, String pattern) throws BuiltinException {
        if (pattern.isEmpty()) {
            throw new BuiltinException("Unacceptable pattern: ''");
        }
        if (pattern.startsWith("/")) {
            throw new BuiltinException("Non-relative patterns are unsupported");
        }
        List<String> parts = new ArrayList<>();
        for (String part : pattern.split("/")) {
            if (!part.isEmpty() && !part.equals(".")) {
                parts.add(part);
            }
        }
        if (pattern.endsWith("/")) {
            parts.add("");
        }
        if (parts.isEmpty()) {
            throw new BuiltinException("tuple index out of range");
        }
        FileGlob glob = new FileGlob(parts);
        List<Path> out = new ArrayList<>();
        if (Files.isDirectory(base)) {
            glob.select(base, 0, out);
        }
        return out;
    }

    private void select(Path parent, int index, List<Path> out) {
        if (index == parts.size() || parts.get(index).isEmpty()) {
            out.add(parent);
            return;
        }
        String part = parts.get(index);
        boolean dirOnly = index + 1 < parts.size();
        if (part.equals("**")) {
            List<Path> directories = new ArrayList<>();
            directories(parent, directories);
            Set<Path> yielded = new LinkedHashSet<>();
            for (Path start : directories) {
                List<Path> found = new ArrayList<>();
                select(start, index + 1, found);
                yielded.addAll(found);
            }
            out.addAll(yielded);
        } else if (patterns[index] != null) {
            for (Path entry : entries(parent)) {
                if (dirOnly && !Files.isDirectory(entry)) {
                    continue;
                }
                String name = entry.getFileName().toString();
                if (patterns[index].matcher(name).matches()) {
                    select(parent.resolve(name), index + 1, out);
                }
            }
        } else {
            Path path = parent.resolve(part);
            if (dirOnly ? Files.isDirectory(path) : Files.exists(path)) {
                select(path, index + 1, out);
            }
        }
    }

    private static List<Path> entries(Path directory) {
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory)) {
            for (Path entry : stream) {
                entries.add(entry);
            }
        } catch (IOException | RuntimeException e) {
            // unreadable or gone: nothing matches here, as in the original
        }
        return entries;
    }

    /** The directory and, depth first, every directory below it that is not a link. */
    private static void directories(Path directory, List<Path> out) {
        out.add(directory);
        for (Path entry : entries(directory)) {
            if (Files.isDirectory(entry) && !Files.isSymbolicLink(entry)) {
                directories(directory.resolve(entry.getFileName().toString()), out);
            }
        }
    }

    private static String literal(int c) {
        return "\\x{" + Integer.toHexString(c) + "}";
    }

    /** A Java regular expression for the {@code fnmatch} pattern, with Python's reading of {@code [...]}. */
    static String translate(String text) {
        int[] pat = text.codePoints().toArray();
        int n = pat.length;
        StringBuilder out = new StringBuilder();
        int i = 0;
        boolean star = false;
        while (i < n) {
            int c = pat[i++];
            if (c == '*') {
                if (!star) {
                    out.append(".*");
                }
                star = true;
                continue;
            }
            star = false;
            if (c == '?') {
                out.append('.');
            } else if (c == '[') {
                int j = i;
                if (j < n && pat[j] == '!') {
                    j++;
                }
                if (j < n && pat[j] == ']') {
                    j++;
                }
                while (j < n && pat[j] != ']') {
                    j++;
                }
                if (j >= n) {
                    out.append(literal('['));
                } else {
                    out.append(characterSet(pat, i, j));
                    i = j + 1;
                }
            } else {
                out.append(literal(c));
            }
        }
        return out.toString();
    }

    /** The set {@code pat[i:j]}, split into chunks at range hyphens and with empty ranges removed, as Python does. */
    private static String characterSet(int[] pat, int i, int j) {
        List<List<Integer>> chunks = new ArrayList<>();
        boolean hyphen = false;
        for (int k = i; k < j; k++) {
            hyphen |= pat[k] == '-';
        }
        if (!hyphen) {
            chunks.add(slice(pat, i, j));
        } else {
            int k = pat[i] == '!' ? i + 2 : i + 1;
            while (true) {
                int found = -1;
                for (int m = k; m < j; m++) {
                    if (pat[m] == '-') {
                        found = m;
                        break;
                    }
                }
                if (found < 0) {
                    break;
                }
                chunks.add(slice(pat, i, found));
                i = found + 1;
                k = found + 3;
            }
            List<Integer> last = slice(pat, i, j);
            if (!last.isEmpty()) {
                chunks.add(last);
            } else {
                chunks.get(chunks.size() - 1).add((int) '-');
            }
            for (int m = chunks.size() - 1; m > 0; m--) {
                List<Integer> before = chunks.get(m - 1);
                List<Integer> after = chunks.get(m);
                if (before.get(before.size() - 1) > after.get(0)) {
                    List<Integer> merged = new ArrayList<>(before.subList(0, before.size() - 1));
                    merged.addAll(after.subList(1, after.size()));
                    chunks.set(m - 1, merged);
                    chunks.remove(m);
                }
            }
        }
        // tokens: code points, with -1 for a range hyphen between chunks
        List<Integer> tokens = new ArrayList<>();
        for (int m = 0; m < chunks.size(); m++) {
            if (m > 0) {
                tokens.add(-1);
            }
            tokens.addAll(chunks.get(m));
        }
        if (tokens.isEmpty()) {
            return "(?!)";
        }
        if (tokens.size() == 1 && tokens.get(0) == '!') {
            return ".";
        }
        StringBuilder set = new StringBuilder("[");
        int start = 0;
        if (tokens.get(0) == '!') {
            set.append('^');
            start = 1;
        }
        for (int m = start; m < tokens.size(); m++) {
            int t = tokens.get(m);
            if (t == -1 && m > start && m + 1 < tokens.size()) {
                set.append('-');
            } else {
                set.append(literal(t == -1 ? '-' : t));
            }
        }
        return set.append(']').toString();
    }

    private static List<Integer> slice(int[] pat, int from, int to) {
        List<Integer> out = new ArrayList<>();
        for (int k = from; k < to; k++) {
            out.add(pat[k]);
        }
        return out;
    }
}
