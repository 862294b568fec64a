package flitter.language.builtins;

import static flitter.language.builtins.RecordingContext.INF;
import static flitter.language.builtins.RecordingContext.NAN;
import static flitter.language.builtins.RecordingContext.NULL;
import static flitter.language.builtins.RecordingContext.node;
import static flitter.language.builtins.RecordingContext.s;
import static flitter.language.builtins.RecordingContext.v;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import flitter.model.Vector;

/**
 * The file functions against the original, run on the same files as the reference implementation
 * (whose error messages name the Python functions {@code read_text}, {@code read_csv} and
 * {@code read_srt}; here the Flitter names). Paths in expectations are relative to the program's
 * directory, written {@code @/}.
 */
class FileLibraryTest {
    @TempDir
    Path directory;

    private Path root;
    private RecordingContext context;
    private final List<String> warnings = new ArrayList<>();
    private FileCache.Log savedLog;

    @BeforeEach
    void createFiles() throws IOException {
        root = directory.toRealPath();
        context = new RecordingContext(root.resolve("p.fl"));
        savedLog = FileCache.log;
        FileCache.log = (message, cause) -> warnings.add(message.replace(root + "/", "@/"));
        Files.createDirectories(root.resolve("sub/deeper"));
        Files.createDirectories(root.resolve(".hid"));
        write("p.fl", "!r\n");
        write("text.txt", "hello\r\nworld\rend\n");
        write("empty.txt", "");
        Files.write(root.resolve("bad.txt"), new byte[] {(byte) 0xff, (byte) 0xfe});
        write("data.csv", "a,b,1.5\n\"x, y\",2,,\n\n  3 ,nan,inf,1_000,1e3,0x10,1d\n\"q\"\"uote\"z,\"multi\nline\",\n");
        for (String name : new String[] {"sub/a.txt", "sub/b.dat", "sub/deeper/c.txt", ".hidden.txt", ".hid/h.txt"}) {
            write(name, "");
        }
        write("subs.srt", "1\n00:00:01,000 --> 00:00:02,500\nHello\nWorld\n\n2\n00:00:02,000 --> 00:00:04,000\nSecond\n");
        write("trailing.srt", "1\n00:00:01,000 --> 00:00:02,000\nA\n\n");
        write("nomillis.srt", "1\n00:00:01 --> 00:01:00,5\nA\n");
    }

    @AfterEach
    void restoreLog() {
        FileCache.log = savedLog;
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(root.resolve(name), text, StandardCharsets.UTF_8);
    }

    /** The result's text form with the program's directory written {@code @}. */
    private String repr(String name, Vector... args) {
        return context.call(name, args).repr().replace(root.toString(), "@");
    }

    private void expectWarnings(String... messages) {
        assertEquals(List.of(messages), warnings);
        warnings.clear();
    }

    @Test
    void read() {
        assertEquals("'hello\\nworld\\nend\\n'", repr("read", s("text.txt")));
        assertEquals("''", repr("read", s("empty.txt")));
        assertEquals("null", repr("read", s("bad.txt")));
        assertEquals("null", repr("read", s("missing.txt")));
        assertEquals("null", repr("read", s("")));
        assertEquals("null", repr("read", NULL));
        expectWarnings("Error reading text: @/bad.txt", "File not found: @/missing.txt");
        assertEquals("'hello\\nworld\\nend\\n'", repr("read", s(root.resolve("text.txt").toString())));
        assertEquals("'hello\\nworld\\nend\\n'", repr("read", s("./sub/../text.txt")));
        assertEquals("null", repr("read", s("sub")));
        expectWarnings("Error reading text: @/sub");
        context.assertErrors();
        assertEquals("null", repr("read", s("text.txt/foo")));
        context.assertErrors("Error calling read_text: [Errno 20] Not a directory: '" + root + "/text.txt/foo'");
        assertEquals("null", repr("read"));
        context.assertErrors("Error calling read_text: read_text() takes exactly 2 positional arguments (1 given)");
    }

    @Test
    void readBytes() {
        assertEquals("104;101;108;108;111;13;10;119;111;114;108;100;13;101;110;100;10", repr("read_bytes", s("text.txt")));
        assertEquals("null", repr("read_bytes", s("empty.txt")));
        assertEquals("255;254", repr("read_bytes", s("bad.txt")));
        assertEquals("null", repr("read_bytes", s("missing.txt")));
        assertEquals("null", repr("read_bytes", v(0)));
        expectWarnings("File not found: @/missing.txt", "File not found: @/0");
        context.assertErrors();
        assertEquals("null", repr("read_bytes", v(1), v(2)));
        context.assertErrors("Error calling read_bytes: read_bytes() takes exactly 2 positional arguments (3 given)");
    }

    @Test
    void csv() {
        Vector file = s("data.csv");
        assertEquals("'a';'b';1.5", repr("csv", file, v(0)));
        assertEquals("'x, y';2", repr("csv", file, v(1)));
        assertEquals("null", repr("csv", file, v(2)));
        assertEquals("3;nan;inf;1000;1000;'0x10';'1d'", repr("csv", file, v(3)));
        assertEquals("'q\"uotez';'multi\\nline'", repr("csv", file, v(4)));
        assertEquals("null", repr("csv", file, v(5)));
        assertEquals("null", repr("csv", file, v(-1)));
        assertEquals("'x, y';2", repr("csv", file, v(1.7)));
        assertEquals("'x, y';2", repr("csv", file, s("1")));
        assertEquals("3;nan;inf;1000;1000;'0x10';'1d'", repr("csv", file, s(" 3 ")));
        assertEquals("null", repr("csv", file, s("1.5")));
        assertEquals("null", repr("csv", file, NULL));
        assertEquals("null", repr("csv", file, Vector.symbol("foo")));
        assertEquals("null", repr("csv", s("nope.csv"), v(0)));
        assertEquals("null", repr("csv", v(0), v(0)));
        expectWarnings("File not found: @/nope.csv");
        context.assertErrors();
        assertEquals("null", repr("csv", file, v(NAN)));
        context.assertErrors("Error calling read_csv: cannot convert float NaN to integer");
        assertEquals("null", repr("csv", file, v(INF)));
        context.assertErrors("Error calling read_csv: cannot convert float infinity to integer");
        assertEquals("null", repr("csv", file, node("foo")));
        context.assertErrors("Error calling read_csv: int() argument must be a string, a bytes-like object or a real "
            + "number, not 'flitter.model.Node'");
        assertEquals("null", repr("csv", v(1)));
        context.assertErrors("Error calling read_csv: read_csv() takes exactly 3 positional arguments (2 given)");
        assertEquals("null", context.callNamed("csv", new Vector[0], "filename", s("x")).repr());
        context.assertErrors("Error calling read_csv: read_csv() takes exactly 3 positional arguments (2 given)");
    }

    @Test
    void srt() {
        Vector file = s("subs.srt");
        assertEquals("null", repr("srt", file, v(0.5)));
        assertEquals("'Hello';'World'", repr("srt", file, v(1)));
        assertEquals("'Hello';'World';'Second'", repr("srt", file, v(2.2)));
        assertEquals("'Second'", repr("srt", file, v(2.5)));
        assertEquals("null", repr("srt", file, v(4)));
        assertEquals("'Hello';'World'", repr("srt", file, s(" 1.5 ")));
        assertEquals("null", repr("srt", file, NULL));
        assertEquals("null", repr("srt", file, v(1, 2)));
        assertEquals("null", repr("srt", file, Vector.symbol("foo")));
        assertEquals("null", repr("srt", s("trailing.srt"), v(1.5)));
        assertEquals("'A'", repr("srt", s("nomillis.srt"), v(1.5)));
        assertEquals("'A'", repr("srt", s("nomillis.srt"), v(60.004)));
        assertEquals("null", repr("srt", s("none.srt"), v(1)));
        expectWarnings("Error reading subtitles: @/trailing.srt", "File not found: @/none.srt");
        context.assertErrors();
        assertEquals("null", repr("srt", file, node("foo")));
        context.assertErrors("Error calling read_srt: float() argument must be a string or a real number, not 'flitter.model.Node'");
        assertEquals("null", repr("srt", s("x")));
        context.assertErrors("Error calling read_srt: read_srt() takes exactly 3 positional arguments (2 given)");
    }

    @Test
    void glob() {
        assertEquals("'@/.hidden.txt';'@/bad.txt';'@/empty.txt';'@/text.txt'", repr("glob", s("*.txt")));
        assertEquals("'@/sub/a.txt';'@/sub/b.dat';'@/sub/deeper'", repr("glob", s("sub/*")));
        assertEquals("'@/.hid/h.txt';'@/.hidden.txt';'@/bad.txt';'@/empty.txt';'@/sub/a.txt';'@/sub/deeper/c.txt';"
            + "'@/text.txt'", repr("glob", s("**/*.txt")));
        assertEquals("null", repr("glob", s("nothing*")));
        assertEquals("'@/sub'", repr("glob", s("sub")));
        assertEquals("'@/sub/a.txt';'@/sub/b.dat'", repr("glob", s("s?b/[ab].*")));
        assertEquals("'@';'@/.hid';'@/sub';'@/sub/deeper'", repr("glob", s("**")));
        assertEquals("'@/sub'", repr("glob", s("sub/")));
        assertEquals("'@/sub';'@/sub/deeper'", repr("glob", s("sub/**")));
        assertEquals("null", repr("glob", s("[")));
        assertEquals("'@/sub/a.txt'", repr("glob", s("**/deeper/../*.txt")));
        assertEquals("'@/.hid';'@/sub'", repr("glob", s("*/")));
        context.assertErrors();
        assertEquals("null", repr("glob", s("")));
        context.assertErrors("Error calling glob: Unacceptable pattern: ''");
        assertEquals("null", repr("glob", s("/tmp/*")));
        context.assertErrors("Error calling glob: Non-relative patterns are unsupported");
        assertEquals("null", repr("glob", s(".")));
        context.assertErrors("Error calling glob: tuple index out of range");
        assertEquals("null", repr("glob", s("a**b")));
        context.assertErrors("Error calling glob: Invalid pattern: '**' can only be an entire path component");
        assertEquals("null", repr("glob"));
        context.assertErrors("Error calling glob: glob() takes exactly 2 positional arguments (1 given)");
    }

    /** The glob's parent-relative form: sorted(p.resolve() for p in glob("../NAME/*.srt")). */
    @Test
    void globThroughTheParent() {
        String up = "../" + root.getFileName() + "/*.srt";
        assertEquals("'@/nomillis.srt';'@/subs.srt';'@/trailing.srt'", repr("glob", s(up)));
    }

    /** Character sets as Python's fnmatch reads them, on single-character file names. */
    @Test
    void globCharacterSets() throws IOException {
        Path g = root.resolve("g");
        Files.createDirectories(g);
        for (String name : new String[] {"a-", "b", "c", "!", "]", "z", "x.y"}) {
            Files.writeString(g.resolve(name), "");
        }
        assertEquals("'@/g/b';'@/g/c'", repr("glob", s("g/[a-c-]")));
        assertEquals("'@/g/]';'@/g/b';'@/g/c';'@/g/z'", repr("glob", s("g/[!!]")));
        assertEquals("null", repr("glob", s("g/[z-a]")));
        assertEquals("'@/g/!';'@/g/]';'@/g/b';'@/g/c';'@/g/z'", repr("glob", s("g/[!z-a]")));
        assertEquals("'@/g/]'", repr("glob", s("g/[]]")));
        context.assertErrors();
    }

    @Test
    void filesAreCachedUntilTheirModificationTimeChanges() throws IOException {
        Path file = root.resolve("cached.txt");
        write("cached.txt", "one");
        FileTime time = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(file, time);
        assertEquals("'one'", repr("read", s("cached.txt")));
        write("cached.txt", "two");
        Files.setLastModifiedTime(file, time);
        assertEquals("'one'", repr("read", s("cached.txt")));
        assertEquals("116;119;111", repr("read_bytes", s("cached.txt")));
        Files.setLastModifiedTime(file, FileTime.fromMillis(1_000_000_001_000L));
        assertEquals("'two'", repr("read", s("cached.txt")));
        Files.delete(file);
        assertEquals("null", repr("read", s("cached.txt")));
        assertEquals("null", repr("read", s("cached.txt")));
        expectWarnings("File not found: @/cached.txt");
        write("cached.txt", "three");
        assertEquals("'three'", repr("read", s("cached.txt")));
        expectWarnings();
    }
}
