package flitter.engine.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import flitter.model.Node;
import flitter.model.State;
import flitter.model.Vector;

class StateFileTest {
    @TempDir
    Path folder;

    @Test
    void everyPageAndValueComesBackExactly() throws IOException {
        State first = new State();
        first.set(Vector.of("_counter"), Vector.of(120, 4, 12345.678901234567));
        first.set(Vector.symbol("position"), Vector.of(0.1, -2.5e-300, Double.MAX_VALUE));
        first.set(Vector.ofObjects("key", 1.0), Vector.ofObjects("quotes \" and \\ and ; and\ttab\nnewline \u0001 é", 2.0));
        first.set(Vector.of("infinities"), Vector.of(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY));
        State second = new State();
        second.set(Vector.of("x"), Vector.of(""));
        Map<String, State> pages = new LinkedHashMap<>();
        pages.put("/shows/one.fl", first);
        pages.put("/shows/two \"quoted\".fl", second);
        pages.put("/shows/empty.fl", new State());
        Path file = folder.resolve("state.txt");

        assertEquals(0, StateFile.write(file, pages));
        Map<String, State> read = StateFile.read(file);

        assertEquals(pages.keySet(), read.keySet());
        for (String page : pages.keySet()) {
            assertEquals(pages.get(page).entries(), read.get(page).entries(), page);
            assertTrue(read.get(page).changedKeys().isEmpty());
        }
        assertTrue(Files.readString(file).contains("\"_counter\"\t120.0;4.0;12345.678901234567\n"), Files.readString(file));
        try (var files = Files.list(folder)) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void notANumberComesBack() {
        // NaN equals nothing, not even itself, so compare its text
        Vector vector = StateFile.vector("NaN;-0.0");
        assertTrue(Double.isNaN(vector.number(0)));
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(vector.number(1)));
    }

    @Test
    void nodesAndFunctionsAreLeftOut() throws IOException {
        State state = new State();
        state.set(Vector.of("node"), Vector.of(Node.of("window")));
        state.set(Vector.of("kept"), Vector.of(1));
        Path file = folder.resolve("state.txt");
        assertEquals(1, StateFile.write(file, Map.of("/p.fl", state)));
        assertEquals(Map.of(Vector.of("kept"), Vector.of(1)), StateFile.read(file).get("/p.fl").entries());
    }

    @Test
    void aDamagedFileSaysWhichLine() throws IOException {
        Path file = Files.writeString(folder.resolve("state.txt"), "# comment\npage \"/p.fl\"\n\"a\"\t1;2\n\"b\"\tnonsense\n",
            StandardCharsets.UTF_8);
        IOException e = assertThrows(IOException.class, () -> StateFile.read(file));
        assertTrue(e.getMessage().contains("state.txt:4: 'nonsense' is neither a number nor a quoted string"), e.getMessage());
        Files.writeString(file, "\"a\"\t1\n");
        e = assertThrows(IOException.class, () -> StateFile.read(file));
        assertTrue(e.getMessage().contains(":1: an entry before any page line"), e.getMessage());
        Files.writeString(file, "page \"/p.fl\"\n\"a\t1\n");
        assertThrows(IOException.class, () -> StateFile.read(file));
    }
}
