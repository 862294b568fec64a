package flitter.engine.impl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import flitter.model.State;
import flitter.model.Vector;

/**
 * The {@code --state} file: every page's state mapping, as UTF-8 text.
 *
 * <pre>
 * # Flitter state
 * page "/home/me/show.fl"
 * "_counter"	120;4;1234.5
 * 1.5e9	"hello";2
 * </pre>
 *
 * A {@code page} line names a program (its absolute path); each line after it until the next
 * {@code page} line is one entry of that page's state: the key, a tab, the value. A vector is its items
 * separated by {@code ;} (nothing for the empty vector): a number as Java writes a double (which reads
 * back exactly; symbols are numbers), or a string in double quotes with {@code \\ \" \n \r \t \}{@code uXXXX}
 * escapes. Lines starting with {@code #} and blank lines are ignored. Values holding nodes or functions
 * are not saved. The file is written to a temporary name and renamed, so a crash never leaves half a file.
 */
final class StateFile {
    private StateFile() {
    }

    /** Reads the file; an IOException says which line is wrong. */
    static Map<String, State> read(Path file) throws IOException {
        Map<String, State> pages = new LinkedHashMap<>();
        State state = null;
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            try {
                if (line.startsWith("page ")) {
                    Vector page = vector(line.substring(5).strip());
                    if (page.length() != 1 || !(page.get(0) instanceof String)) {
                        throw new IllegalArgumentException("a page is named by one string");
                    }
                    state = pages.computeIfAbsent((String) page.get(0), p -> new State());
                    continue;
                }
                int tab = line.indexOf('\t');
                if (tab < 0 || state == null) {
                    throw new IllegalArgumentException(state == null ? "an entry before any page line" : "no tab between key and value");
                }
                state.set(vector(line.substring(0, tab)), vector(line.substring(tab + 1)));
            } catch (IllegalArgumentException e) {
                throw new IOException(file + ":" + (n + 1) + ": " + e.getMessage(), e);
            }
        }
        for (State page : pages.values()) {
            page.clearChanged();
        }
        return pages;
    }

    /** Writes every page's state (entries with nodes or functions left out); returns how many were left out. */
    static int write(Path file, Map<String, State> pages) throws IOException {
        StringBuilder out = new StringBuilder("# Flitter state: 'page \"PATH\"', then KEY<tab>VALUE lines (see the README)\n");
        int skipped = 0;
        for (Map.Entry<String, State> page : pages.entrySet()) {
            out.append("page ");
            string(out, page.getKey());
            out.append('\n');
            for (Map.Entry<Vector, Vector> entry : page.getValue().entries().entrySet()) {
                int mark = out.length();
                if (text(out, entry.getKey()) && out.append('\t') != null && text(out, entry.getValue())) {
                    out.append('\n');
                } else {
                    out.setLength(mark);
                    skipped++;
                }
            }
        }
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path temporary = Files.createTempFile(folder, "." + file.getFileName(), ".part");
        try {
            Files.writeString(temporary, out, StandardCharsets.UTF_8);
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
        return skipped;
    }

    /** Appends the vector's text; false (with part of it appended) when it holds a node or a function. */
    static boolean text(StringBuilder out, Vector vector) {
        for (int i = 0; i < vector.length(); i++) {
            if (i > 0) {
                out.append(';');
            }
            Object item = vector.get(i);
            if (item instanceof Double number) {
                out.append(number.doubleValue());
            } else if (item instanceof String string) {
                string(out, string);
            } else {
                return false;
            }
        }
        return true;
    }

    private static void string(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == 0x2028 || c == 0x2029 || c == 0x85) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** Reads a vector's text; IllegalArgumentException when it is not one. */
    static Vector vector(String text) {
        Vector.Builder items = new Vector.Builder(4);
        int i = 0;
        int n = text.length();
        if (n == 0) {
            return Vector.NULL;
        }
        while (true) {
            if (i < n && text.charAt(i) == '"') {
                StringBuilder string = new StringBuilder();
                i++;
                while (true) {
                    if (i >= n) {
                        throw new IllegalArgumentException("a string without its closing quote");
                    }
                    char c = text.charAt(i++);
                    if (c == '"') {
                        break;
                    }
                    if (c == '\\') {
                        if (i >= n) {
                            throw new IllegalArgumentException("a string without its closing quote");
                        }
                        char e = text.charAt(i++);
                        switch (e) {
                            case 'n' -> string.append('\n');
                            case 'r' -> string.append('\r');
                            case 't' -> string.append('\t');
                            case '"', '\\' -> string.append(e);
                            case 'u' -> {
                                if (i + 4 > n) {
                                    throw new IllegalArgumentException("a short \\u escape");
                                }
                                try {
                                    string.append((char) Integer.parseInt(text.substring(i, i + 4), 16));
                                } catch (NumberFormatException ex) {
                                    throw new IllegalArgumentException("a bad \\u escape");
                                }
                                i += 4;
                            }
                            default -> throw new IllegalArgumentException("an unknown escape \\" + e);
                        }
                    } else {
                        string.append(c);
                    }
                }
                items.add(string.toString());
            } else {
                int end = text.indexOf(';', i);
                end = end < 0 ? n : end;
                String number = text.substring(i, end);
                try {
                    if (!number.matches("-?(NaN|Infinity|[0-9.]+([eE][-+]?[0-9]+)?)")) {
                        throw new NumberFormatException();
                    }
                    items.add(Double.parseDouble(number));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + number + "' is neither a number nor a quoted string");
                }
                i = end;
            }
            if (i == n) {
                return items.build();
            }
            if (text.charAt(i) != ';') {
                throw new IllegalArgumentException("expected ';' after an item at column " + (i + 1));
            }
            i++;
        }
    }
}
