package flitter.bench;

import static org.lwjgl.opengl.GL33C.*;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import flitter.language.ParseError;
import flitter.language.Program;
import flitter.language.Result;
import flitter.language.impl.FlitterCompiler;
import flitter.model.Node;
import flitter.model.State;
import flitter.model.Vector;
import flitter.render.gl.GlContext;
import flitter.render.gl.ProgramNode;
import flitter.render.gl.WindowFrame;
import flitter.render.gl.WindowNodeFactory;
import flitter.render.gl.impl.EglContext;
import flitter.render.gl.impl.ShaderNodeFactory;

/**
 * {@code ./flitter bench render}: what a frame costs through Flitter (evaluate the program, update the
 * window tree, render) against the same shader drawn by a bare OpenGL loop, in the same run and the same
 * headless context, at 1280x720 and 1920x1080; and a program with a few composited nodes. Each frame
 * ends with {@code glFinish}, so the GPU (Mesa's llvmpipe: the CPU here) time is counted.
 */
public final class RenderBenchmark {
    private static final int WARMUP = 30;
    private static final int FRAMES = 150;

    private RenderBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String plasma = resource("plasma.frag");
        EglContext egl = EglContext.create();
        GlContext gl = new GlContext();
        System.out.println("renderer: " + gl.renderer() + ", " + gl.version());
        System.out.println("Flitter frames alternate with bare-loop frames, so both see the same machine load.");
        System.out.printf("%-34s %9s %9s %9s %9s %9s%n", "program", "fps", "eval ms", "render ms", "bare fps", "overhead");
        for (int[] size : new int[][] {{1280, 720}, {1920, 1080}}) {
            String dims = size[0] + ";" + size[1];
            measure("plasma " + size[0] + "x" + size[1], "!offscreen size=" + dims + " colorbits=8 fragment=plasma",
                plasma, gl, size);
            measure("  the same as a child !shader", "!offscreen size=" + dims + " colorbits=8\n    !shader fragment=plasma",
                plasma, gl, size);
        }
        String few = String.join("\n",
            "!offscreen size=1280;720 colorbits=8",
            "    !shader composite=:add",
            "        !shader fragment=plasma",
            "        !shader fragment=\"${HEADER}\\nin vec2 coord;\\nout vec4 color;\\nuniform float beat;\\n"
                + "void main() { color = vec4(coord, fract(beat), 1.0) * 0.5; }\"",
            "    !shader alpha=0.5",
            "        !shader fragment=\"${HEADER}\\nout vec4 color;\\nvoid main() { color = vec4(0.1, 0.2, 0.3, 1.0); }\"");
        measure("few nodes 1280x720 (5 shaders)", few, plasma, gl, null);
        measure("  the same in 16-bit float", few.replace("colorbits=8", "colorbits=16"), plasma, gl, null);
        gl.close();
        egl.close();
    }

    private static void measure(String label, String source, String plasma, GlContext gl, int[] bareSize)
            throws ParseError {
        Program program = new FlitterCompiler().compile(source, Path.of("bench.fl"));
        Map<String, WindowNodeFactory> kinds = Map.of("shader", new ShaderNodeFactory());
        ProgramNode root = new ProgramNode(gl) {
        };
        State state = new State();
        Map<String, Vector> names = new HashMap<>();
        names.put("plasma", Vector.of(plasma));
        List<String> errors = new ArrayList<>();
        WindowFrame frame = BenchFrame.of(names, state, kinds, errors);
        Bare bare = bareSize == null ? null : new Bare(gl, plasma.replace("${HEADER}", gl.header()), bareSize[0], bareSize[1]);
        long evaluate = 0;
        long render = 0;
        long bareTotal = 0;
        for (int i = 0; i < WARMUP + FRAMES; i++) {
            long t0 = System.nanoTime();
            names.put("time", Vector.of(i / 60.0));
            names.put("beat", Vector.of(i / 30.0));
            Result result = program.run(names, state);
            Node node = result.nodes().get(0);
            long t1 = System.nanoTime();
            try {
                root.update(node, frame, 512, 512);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            glFinish();
            long t2 = System.nanoTime();
            long bareTime = bare == null ? 0 : bare.frame(i / 60f);
            if (i >= WARMUP) {
                evaluate += t1 - t0;
                render += t2 - t1;
                bareTotal += bareTime;
            }
        }
        if (!errors.isEmpty()) {
            throw new IllegalStateException(label + ": " + errors);
        }
        double evalMs = evaluate / 1e6 / FRAMES;
        double renderMs = render / 1e6 / FRAMES;
        double fps = 1000 / (evalMs + renderMs);
        double bareFps = bare == null ? Double.NaN : 1e9 * FRAMES / bareTotal;
        System.out.printf("%-34s %9.1f %9.3f %9.2f %9s %9s%n", label, fps, evalMs, renderMs,
            Double.isNaN(bareFps) ? "" : String.format("%.1f", bareFps),
            Double.isNaN(bareFps) ? "" : String.format("%+.1f%%", 100 * (bareFps / fps - 1)));
        if (bare != null) {
            bare.close();
        }
        root.close();
    }

    /** The same shader drawn by a bare loop: one framebuffer, one program, a quad, glFinish. */
    private static final class Bare implements AutoCloseable {
        private final int program;
        private final int texture;
        private final int framebuffer;
        private final int buffer;
        private final int vao;
        private final int time;
        private final int width;
        private final int height;

        Bare(GlContext gl, String fragment, int width, int height) {
            this.width = width;
            this.height = height;
            int vertex = shader(GL_VERTEX_SHADER, gl.header() + "\nin vec2 position;\nout vec2 coord;\n"
                + "void main() { gl_Position = vec4(position, 0.0, 1.0); coord = position * 0.5 + 0.5; }\n");
            program = glCreateProgram();
            glAttachShader(program, vertex);
            glAttachShader(program, shader(GL_FRAGMENT_SHADER, fragment));
            glLinkProgram(program);
            texture = glGenTextures();
            glBindTexture(GL_TEXTURE_2D, texture);
            glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, (java.nio.ByteBuffer) null);
            glBindTexture(GL_TEXTURE_2D, 0);
            framebuffer = glGenFramebuffers();
            glBindFramebuffer(GL_FRAMEBUFFER, framebuffer);
            glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, texture, 0);
            glBindFramebuffer(GL_FRAMEBUFFER, 0);
            buffer = glGenBuffers();
            glBindBuffer(GL_ARRAY_BUFFER, buffer);
            glBufferData(GL_ARRAY_BUFFER, new float[] {-1, 1, -1, -1, 1, 1, 1, -1}, GL_STATIC_DRAW);
            vao = glGenVertexArrays();
            glBindVertexArray(vao);
            int position = glGetAttribLocation(program, "position");
            glEnableVertexAttribArray(position);
            glVertexAttribPointer(position, 2, GL_FLOAT, false, 0, 0L);
            glBindVertexArray(0);
            glBindBuffer(GL_ARRAY_BUFFER, 0);
            time = glGetUniformLocation(program, "time");
        }

        /** Draws one frame; returns its time in nanoseconds. */
        long frame(float t) {
            long t0 = System.nanoTime();
            glBindFramebuffer(GL_FRAMEBUFFER, framebuffer);
            glViewport(0, 0, width, height);
            glUseProgram(program);
            glUniform1f(time, t);
            glUniform2f(glGetUniformLocation(program, "size"), width, height);
            glClear(GL_COLOR_BUFFER_BIT);
            glBindVertexArray(vao);
            glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
            glFinish();
            long elapsed = System.nanoTime() - t0;
            glBindVertexArray(0);
            glUseProgram(0);
            glBindFramebuffer(GL_FRAMEBUFFER, 0);
            return elapsed;
        }

        @Override
        public void close() {
            glDeleteVertexArrays(vao);
            glDeleteBuffers(buffer);
            glDeleteFramebuffers(framebuffer);
            glDeleteTextures(texture);
            glDeleteProgram(program);
        }
    }

    private static int shader(int kind, String source) {
        int shader = glCreateShader(kind);
        glShaderSource(shader, source);
        glCompileShader(shader);
        if (glGetShaderi(shader, GL_COMPILE_STATUS) != GL_TRUE) {
            throw new IllegalStateException(glGetShaderInfoLog(shader));
        }
        return shader;
    }

    static String resource(String name) throws IOException {
        try (InputStream in = RenderBenchmark.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
