package flitter.render.gl.impl;

import static org.lwjgl.glfw.GLFW.*;
import static org.lwjgl.opengl.GL33C.*;
import static org.lwjgl.system.MemoryUtil.NULL;

import java.nio.ByteBuffer;

import org.lwjgl.glfw.Callbacks;
import org.lwjgl.opengl.GL;
import org.lwjgl.opengl.GLCapabilities;
import org.lwjgl.system.Configuration;
import org.lwjgl.system.MemoryStack;

import flitter.engine.Frame;
import flitter.model.Node;
import flitter.model.Vector;
import flitter.render.gl.RenderTarget;

/**
 * An on-screen window (GLFW, with an EGL context like the headless ones). Each frame it shows the
 * tree's final image scaled to fit (black bars keep the aspect ratio), converted from linear to sRGB
 * as the original's window does. {@code title=}, {@code vsync=}, {@code fullscreen=} (on {@code screen=}
 * N, else the {@code --screen} option) and {@code cursor=} (default: shown unless full screen) follow the
 * node; the {@code screen}, {@code fullscreen} and {@code vsync} frame names (the command-line options)
 * are the defaults.
 */
final class GlfwWindow implements Surface {
    private static final String VERTEX = "#version 330 core\n"
        + "in vec2 position;\nout vec2 coord;\n"
        + "void main() { gl_Position = vec4(position, 0.0, 1.0); coord = position * 0.5 + 0.5; }\n";
    private static final String FRAGMENT = "#version 330 core\n"
        + "in vec2 coord;\nout vec4 color;\nuniform sampler2D image;\n"
        + "vec3 encode(vec3 c) {\n"
        + "    c = clamp(c, 0.0, 1.0);\n"
        + "    return mix(c * 12.92, 1.055 * pow(c, vec3(1.0 / 2.4)) - 0.055, step(0.0031308, c));\n"
        + "}\n"
        + "void main() { color = vec4(encode(texture(image, coord).rgb), 1.0); }\n";

    private final long window;
    private final GLCapabilities capabilities;
    private final int program;
    private final int vertexArray;
    private final int buffer;
    private final WindowInput input;
    private String title;
    private boolean vsync;
    private long monitor;
    private Boolean cursor;
    private int windowedWidth;
    private int windowedHeight;

    private GlfwWindow(long window, GLCapabilities capabilities, int program, int vertexArray, int buffer, String title) {
        this.window = window;
        this.capabilities = capabilities;
        this.program = program;
        this.vertexArray = vertexArray;
        this.buffer = buffer;
        this.title = title;
        this.input = new WindowInput(window);
    }

    /** Opens a window for {@code node}; GLFW must be initialised. */
    static GlfwWindow open(Node node, int width, int height) {
        Configuration.OPENGL_CONTEXT_API.set("EGL");
        glfwDefaultWindowHints();
        glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_API);
        glfwWindowHint(GLFW_CONTEXT_CREATION_API, GLFW_EGL_CONTEXT_API);
        glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
        glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
        glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
        String title = title(node);
        long window = glfwCreateWindow(width, height, title, NULL, NULL);
        if (window == NULL) {
            throw new IllegalStateException("GLFW cannot open a " + width + "x" + height + " window");
        }
        glfwMakeContextCurrent(window);
        GLCapabilities capabilities = GL.createCapabilities();
        int program = link();
        int buffer = glGenBuffers();
        glBindBuffer(GL_ARRAY_BUFFER, buffer);
        glBufferData(GL_ARRAY_BUFFER, new float[] {-1, 1, -1, -1, 1, 1, 1, -1}, GL_STATIC_DRAW);
        int vertexArray = glGenVertexArrays();
        glBindVertexArray(vertexArray);
        int position = glGetAttribLocation(program, "position");
        glEnableVertexAttribArray(position);
        glVertexAttribPointer(position, 2, GL_FLOAT, false, 0, 0L);
        glBindVertexArray(0);
        glBindBuffer(GL_ARRAY_BUFFER, 0);
        GlfwWindow opened = new GlfwWindow(window, capabilities, program, vertexArray, buffer, title);
        opened.vsync(node);
        return opened;
    }

    private static int link() {
        int vertex = glCreateShader(GL_VERTEX_SHADER);
        glShaderSource(vertex, VERTEX);
        glCompileShader(vertex);
        int fragment = glCreateShader(GL_FRAGMENT_SHADER);
        glShaderSource(fragment, FRAGMENT);
        glCompileShader(fragment);
        int program = glCreateProgram();
        glAttachShader(program, vertex);
        glAttachShader(program, fragment);
        glLinkProgram(program);
        glDeleteShader(vertex);
        glDeleteShader(fragment);
        if (glGetProgrami(program, GL_LINK_STATUS) != GL_TRUE) {
            throw new IllegalStateException("the window's presentation shader does not build: " + glGetProgramInfoLog(program));
        }
        return program;
    }

    private static String title(Node node) {
        Vector title = node.attribute("title");
        return title == null ? "Flitter" : title.asString();
    }

    private void vsync(Node node) {
        Vector value = node.attribute("vsync");
        boolean wanted = value != null && value.asBool();
        if (wanted != vsync) {
            vsync = wanted;
            glfwSwapInterval(wanted ? 1 : 0);
        }
    }

    /** Full screen on the chosen monitor or windowed, and the cursor, as the node and options say. */
    private void display(Node node, Frame frame, int width, int height) {
        boolean fullscreen = flag(node.attribute("fullscreen"), frame.names().get("fullscreen"));
        long wanted = 0;
        if (fullscreen) {
            org.lwjgl.PointerBuffer monitors = glfwGetMonitors();
            int screen = (int) number(node.attribute("screen"), number(frame.names().get("screen"), 0));
            if (monitors != null && monitors.limit() > 0) {
                wanted = monitors.get(Math.floorMod(screen, monitors.limit()));
            }
        }
        if (wanted != monitor) {
            if (wanted != NULL) {
                org.lwjgl.glfw.GLFWVidMode mode = glfwGetVideoMode(wanted);
                glfwSetWindowMonitor(window, wanted, 0, 0, mode.width(), mode.height(), mode.refreshRate());
            } else {
                glfwSetWindowMonitor(window, NULL, 40, 40, width, height, GLFW_DONT_CARE);
            }
            monitor = wanted;
        } else if (wanted == NULL && (width != windowedWidth || height != windowedHeight)) {
            glfwSetWindowSize(window, width, height);
        }
        windowedWidth = width;
        windowedHeight = height;
        Vector cursorValue = node.attribute("cursor");
        boolean shown = cursorValue != null ? cursorValue.asBool() : !fullscreen;
        if (cursor == null || cursor != shown) {
            cursor = shown;
            glfwSetInputMode(window, GLFW_CURSOR, shown ? GLFW_CURSOR_NORMAL : GLFW_CURSOR_HIDDEN);
        }
    }

    private static boolean flag(Vector attribute, Vector option) {
        return attribute != null ? attribute.asBool() : option != null && option.asBool();
    }

    private static double number(Vector value, double otherwise) {
        return value != null && value.numbers() != null && value.length() == 1 ? value.asDouble() : otherwise;
    }

    @Override
    public void makeCurrent() {
        glfwMakeContextCurrent(window);
        GL.setCapabilities(capabilities);
    }

    @Override
    public void present(RenderTarget image, Node node, Frame frame) {
        input.bind(node, frame.state());
        String wanted = title(node);
        if (!wanted.equals(title)) {
            title = wanted;
            glfwSetWindowTitle(window, wanted);
        }
        vsync(node);
        display(node, frame, image.width(), image.height());
        draw(image);
        glfwSwapBuffers(window);
        glfwPollEvents();
        Vector beat = frame.names().get("beat");
        input.apply(frame, beat == null ? Vector.NULL : beat);
    }

    /** Draws {@code image} into the window's back buffer, letterboxed. */
    void draw(RenderTarget image) {
        int width;
        int height;
        try (MemoryStack stack = MemoryStack.stackPush()) {
            java.nio.IntBuffer w = stack.mallocInt(1);
            java.nio.IntBuffer h = stack.mallocInt(1);
            glfwGetFramebufferSize(window, w, h);
            width = w.get(0);
            height = h.get(0);
        }
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
        glViewport(0, 0, width, height);
        glClearColor(0, 0, 0, 1);
        glClear(GL_COLOR_BUFFER_BIT);
        double scale = Math.min((double) width / image.width(), (double) height / image.height());
        int w = (int) Math.round(image.width() * scale);
        int h = (int) Math.round(image.height() * scale);
        glViewport((width - w) / 2, (height - h) / 2, w, h);
        glUseProgram(program);
        glActiveTexture(GL_TEXTURE0);
        glBindTexture(GL_TEXTURE_2D, image.texture());
        glUniform1i(glGetUniformLocation(program, "image"), 0);
        glBindVertexArray(vertexArray);
        glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
        glBindVertexArray(0);
        glUseProgram(0);
    }

    /** Reads the back buffer's pixel (x, y) as 8-bit RGBA (for tests, before the swap). */
    int[] pixel(int x, int y) {
        try (MemoryStack stack = MemoryStack.stackPush()) {
            ByteBuffer rgba = stack.malloc(4);
            glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
            glReadBuffer(GL_BACK);
            glReadPixels(x, y, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, rgba);
            return new int[] {rgba.get(0) & 0xff, rgba.get(1) & 0xff, rgba.get(2) & 0xff, rgba.get(3) & 0xff};
        }
    }

    /** Whether the window is full screen on a monitor now. */
    boolean fullscreen() {
        return glfwGetWindowMonitor(window) != NULL;
    }

    WindowInput input() {
        return input;
    }

    @Override
    public void close() {
        makeCurrent();
        glDeleteVertexArrays(vertexArray);
        glDeleteBuffers(buffer);
        glDeleteProgram(program);
        GL.setCapabilities(null);
        glfwMakeContextCurrent(NULL);
        Callbacks.glfwFreeCallbacks(window);
        glfwDestroyWindow(window);
    }
}
