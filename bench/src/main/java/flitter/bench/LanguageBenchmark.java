package flitter.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import flitter.language.ParseError;
import flitter.language.Program;
import flitter.language.Result;
import flitter.language.impl.FlitterCompiler;
import flitter.model.Vector;

/**
 * One run of a compiled program per operation, as the engine runs it every frame: a program that
 * builds 10 000 nodes, and a typical visual program. Run with {@code ./flitter bench LanguageBenchmark}; add
 * JMH's {@code -prof gc} for allocation per run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class LanguageBenchmark {
    @Param({"nodes10k", "visual"})
    public String program;

    private Program compiled;
    private final Map<String, Vector> names = new HashMap<>();
    private final flitter.model.State state = new flitter.model.State();
    private double beat;

    @Setup
    public void compile() throws IOException, ParseError {
        String source;
        try (InputStream in = LanguageBenchmark.class.getResourceAsStream(program + ".fl")) {
            source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        compiled = new FlitterCompiler().compile(source, Paths.get(program + ".fl"));
        state.set(Vector.symbol("count"), Vector.of(24));
        for (int k = 0; k < 24; k++) {
            state.set(Vector.ofObjects(Vector.symbol("wobble"), k), Vector.of(k / 24.0));
        }
        Result check = compiled.run(frame(), state);
        if (!check.errors().isEmpty()) {
            throw new IllegalStateException(program + ": " + check.errors());
        }
    }

    @Setup(Level.Invocation)
    public void nextFrame() {
        beat += 1 / 30.0;
    }

    private Map<String, Vector> frame() {
        names.put("beat", Vector.of(beat));
        names.put("time", Vector.of(beat / 2));
        names.put("frame", Vector.of(Math.floor(beat * 30)));
        names.put("fps", Vector.of(60));
        return names;
    }

    @Benchmark
    public Result run() {
        return compiled.run(frame(), state);
    }
}
