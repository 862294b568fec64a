package flitter.render.gl;

import static org.lwjgl.opengl.GL33C.*;

import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.lwjgl.system.MemoryStack;

/**
 * A node's compiled shader programs, by source: compiled once per distinct source text, reported once
 * when they do not compile, deleted with the node.
 */
final class ShaderCache implements AutoCloseable {
    record Uniform(String name, int type, int size, int location) {
    }

    /** A linked program and what it declares. */
    static final class Program {
        private final int id;
        private final Map<String, Integer> uniforms;
        private final List<Uniform> declared;
        private int vertexArray;

        Program(int id, Map<String, Integer> uniforms, List<Uniform> declared) {
            this.id = id;
            this.uniforms = uniforms;
            this.declared = declared;
        }

        int id() {
            return id;
        }

        /** Uniform name (without {@code [0]}) → location. */
        Map<String, Integer> uniforms() {
            return uniforms;
        }

        List<Uniform> declared() {
            return declared;
        }

        /** The vertex array that feeds {@code quad} to the program's {@code position} input. */
        int vertexArray(int quad) {
            if (vertexArray == 0) {
                vertexArray = glGenVertexArrays();
                glBindVertexArray(vertexArray);
                int position = glGetAttribLocation(id, "position");
                if (position >= 0) {
                    glBindBuffer(GL_ARRAY_BUFFER, quad);
                    glEnableVertexAttribArray(position);
                    glVertexAttribPointer(position, 2, GL_FLOAT, false, 0, 0L);
                    glBindBuffer(GL_ARRAY_BUFFER, 0);
                }
                glBindVertexArray(0);
            }
            return vertexArray;
        }

        void delete() {
            if (vertexArray != 0) {
                glDeleteVertexArrays(vertexArray);
            }
            glDeleteProgram(id);
        }
    }

    private static final Program FAILED = new Program(0, Map.of(), List.of());

    private final Map<String, Program> programs = new HashMap<>();

    /** The program for these sources, or null (reported through {@code errors}, once) when it does not build. */
    Program get(String vertex, String fragment, String node, Consumer<String> errors) {
        String key = vertex + "\u0000" + fragment;
        Program program = programs.get(key);
        if (program == null) {
            program = build(vertex, fragment, node, errors);
            if (programs.size() > 8) {
                close();
            }
            programs.put(key, program);
        }
        return program == FAILED ? null : program;
    }

    private static Program build(String vertexSource, String fragmentSource, String node, Consumer<String> errors) {
        int vertex = compile(GL_VERTEX_SHADER, vertexSource, node, "vertex", errors);
        int fragment = compile(GL_FRAGMENT_SHADER, fragmentSource, node, "fragment", errors);
        if (vertex == 0 || fragment == 0) {
            glDeleteShader(vertex);
            glDeleteShader(fragment);
            return FAILED;
        }
        int id = glCreateProgram();
        glAttachShader(id, vertex);
        glAttachShader(id, fragment);
        glLinkProgram(id);
        glDeleteShader(vertex);
        glDeleteShader(fragment);
        if (glGetProgrami(id, GL_LINK_STATUS) != GL_TRUE) {
            errors.accept(node + ": shader program does not link: " + firstLine(glGetProgramInfoLog(id)));
            glDeleteProgram(id);
            return FAILED;
        }
        Map<String, Integer> uniforms = new HashMap<>();
        List<Uniform> declared = new ArrayList<>();
        int count = glGetProgrami(id, GL_ACTIVE_UNIFORMS);
        try (MemoryStack stack = MemoryStack.stackPush()) {
            IntBuffer size = stack.mallocInt(1);
            IntBuffer type = stack.mallocInt(1);
            for (int i = 0; i < count; i++) {
                String name = glGetActiveUniform(id, i, size, type);
                if (name.endsWith("[0]")) {
                    name = name.substring(0, name.length() - 3);
                }
                int location = glGetUniformLocation(id, name);
                uniforms.put(name, location);
                declared.add(new Uniform(name, type.get(0), size.get(0), location));
            }
        }
        return new Program(id, Collections.unmodifiableMap(uniforms), Collections.unmodifiableList(declared));
    }

    private static int compile(int kind, String source, String node, String which, Consumer<String> errors) {
        int shader = glCreateShader(kind);
        glShaderSource(shader, source);
        glCompileShader(shader);
        if (glGetShaderi(shader, GL_COMPILE_STATUS) != GL_TRUE) {
            errors.accept(node + ": " + which + " shader does not compile: " + firstLine(glGetShaderInfoLog(shader)));
            glDeleteShader(shader);
            return 0;
        }
        return shader;
    }

    /** The first message of a GLSL log, e.g. {@code 0:12(3): error: …} (source 0, line 12). */
    private static String firstLine(String log) {
        String trimmed = log.strip();
        int end = trimmed.indexOf('\n');
        return end < 0 ? trimmed : trimmed.substring(0, end);
    }

    @Override
    public void close() {
        for (Program program : programs.values()) {
            if (program != FAILED) {
                program.delete();
            }
        }
        programs.clear();
    }
}
