package flitter.engine.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.log.Logger;

import flitter.language.Compiler;
import flitter.language.Program;
import flitter.language.Result;
import flitter.model.State;
import flitter.model.Vector;

/** The frame loop without a framework: a stand-in program records the names of every frame. */
class ShowTest {
    private static final double EPSILON = 1e-9;

    @TempDir
    Path folder;

    private final List<Map<String, Vector>> frames = new ArrayList<>();

    @Test
    void lockstepFramesAdvanceExactlyAndATempoPragmaKeepsTheBeatContinuous() throws Exception {
        Path file = Files.writeString(folder.resolve("show.fl"), "");
        Show show = show(file, Map.of("tempo", Vector.of(60)), "--lockstep", "--fps", "10", "--runtime", "1");

        assertEquals(0, show.run());
        assertEquals(10, frames.size());
        for (int frame = 0; frame < 10; frame++) {
            Map<String, Vector> names = frames.get(frame);
            assertEquals(frame, names.get("frame").asDouble());
            assertEquals(frame / 10.0, names.get("time").asDouble(), EPSILON);
            // the pragma applies from the second frame, at time 0: beat 0 stays beat 0
            assertEquals(frame / 10.0, names.get("beat").asDouble(), EPSILON);
            assertEquals(frame == 0 ? 120 : 60, names.get("tempo").asDouble(), EPSILON);
            assertEquals(2, names.get("performance").asDouble());
            assertEquals(Vector.FALSE, names.get("realtime"));
            assertEquals(Vector.of(1), names.get("run_time"));
        }
    }

    @Test
    void stateIsSavedAtTheEndAndRestoredWithTheBeatCounter() throws Exception {
        Path file = Files.writeString(folder.resolve("show.fl"), "");
        Path state = folder.resolve("state.txt");
        assertEquals(0, show(file, Map.of("tempo", Vector.of(90)), "--lockstep", "--runtime", "1", "--state", state.toString()).run());
        String saved = Files.readString(state);
        assertTrue(saved.contains("\"_counter\"\t90.0;4.0;0.0\n"), saved);
        assertTrue(saved.contains("\"seen\"\t1.0\n"), saved);

        frames.clear();
        assertEquals(0, show(file, Map.of(), "--lockstep", "--runtime", "0.1", "--state", state.toString()).run());
        // the restored counter wins over the (now absent) pragma: tempo 90 from the first frame
        assertEquals(90, frames.get(0).get("tempo").asDouble(), EPSILON);
    }

    private Show show(Path file, Map<String, Vector> pragmas, String... options) {
        List<String> args = new ArrayList<>(List.of(file.toString()));
        args.addAll(List.of(options));
        Program program = new Program() {
            @Override
            public Path path() {
                return file;
            }

            @Override
            public Map<String, Vector> pragmas() {
                return pragmas;
            }

            @Override
            public Set<Path> dependencies() {
                return Set.of(file.toAbsolutePath());
            }

            @Override
            public Result run(Map<String, Vector> names, State state) {
                frames.add(Map.copyOf(names));
                state.set(Vector.of("seen"), Vector.TRUE);
                return new Result(List.of(), Set.of(), List.of());
            }
        };
        Compiler compiler = new Compiler() {
            @Override
            public Program compile(String source, Path path) {
                return program;
            }

            @Override
            public Program compile(Path path) {
                return program;
            }
        };
        return new Show(1, Options.parse(args), compiler, kind -> null, silent(), new PrintStream(new ByteArrayOutputStream()));
    }

    private static Logger silent() {
        return (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(), new Class<?>[] {Logger.class},
            (proxy, method, args) -> method.getReturnType() == boolean.class ? false
                : method.getReturnType() == String.class ? "test" : null);
    }
}
