package flitter.render.gl.impl;

import static org.lwjgl.glfw.GLFW.*;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.lwjgl.system.MemoryStack;

import flitter.engine.Frame;
import flitter.model.Node;
import flitter.model.State;
import flitter.model.Vector;

/**
 * A window's keyboard and pointer, written into the state mapping as the {@code !key} and
 * {@code !pointer} children of the {@code !window} ask: for a key with {@code state=PREFIX}, PREFIX and
 * {@code PREFIX;:pushed} are 1 while it is down, {@code PREFIX;:released} 1 while it is up, and
 * {@code PREFIX;:pushed;:beat} / {@code PREFIX;:released;:beat} the beat of the last press / release;
 * for the pointer, PREFIX is its position in [0, 1] (left/top 0) or null outside the window, and
 * {@code PREFIX;N} is 1 while button N is down.
 */
final class WindowInput {
    private static final Vector PUSHED = Vector.symbol("pushed");
    private static final Vector RELEASED = Vector.symbol("released");
    private static final Vector BEAT = Vector.symbol("beat");

    private record Event(int key, int button, boolean down, double x, double y, boolean moved) {
    }

    private final long window;
    private final Map<Integer, Vector> keys = new HashMap<>();
    private final List<Event> events = new ArrayList<>();
    private Vector pointer;

    WindowInput(long window) {
        this.window = window;
        glfwSetKeyCallback(window, (w, key, scancode, action, mods) -> {
            if (action == GLFW_PRESS || action == GLFW_RELEASE) {
                key(key, action == GLFW_PRESS);
            }
        });
        glfwSetMouseButtonCallback(window, (w, button, action, mods) -> button(button, action == GLFW_PRESS));
        glfwSetCursorPosCallback(window, (w, x, y) -> moved(x, y));
    }

    /** A key went down or up (GLFW calls this while polling events). */
    void key(int key, boolean down) {
        events.add(new Event(key, -1, down, 0, 0, false));
    }

    void button(int button, boolean down) {
        events.add(new Event(-1, button, down, 0, 0, false));
    }

    /** The pointer moved to (x, y) in screen coordinates of the window's area. */
    void moved(double x, double y) {
        events.add(new Event(-1, -1, false, x, y, true));
    }

    /** Takes this frame's {@code !key} and {@code !pointer} children; keys new to the state start as they are now. */
    void bind(Node window, State state) {
        keys.clear();
        pointer = null;
        for (Node child : window.children()) {
            Vector prefix = child.attribute("state");
            if (prefix == null) {
                continue;
            }
            if (child.kind().equals("key")) {
                Vector name = child.attribute("name");
                Integer code = name == null ? null : keyCode(name.asString());
                if (code != null) {
                    keys.put(code, prefix);
                    if (!state.contains(prefix)) {
                        setKey(state, prefix, glfwGetKey(this.window, code) == GLFW_PRESS, null);
                    }
                }
            } else if (child.kind().equals("pointer")) {
                pointer = prefix;
            }
        }
    }

    /**
     * Writes the events since the last frame into the state, at {@code beat}; the left and right arrow
     * keys, unless a {@code !key} takes them, turn to the previous and next page when released.
     */
    void apply(Frame frame, Vector beat) {
        State state = frame.state();
        for (Event event : events) {
            if (event.key() >= 0) {
                Vector prefix = keys.get(event.key());
                if (prefix != null) {
                    setKey(state, prefix, event.down(), beat);
                } else if (event.key() == GLFW_KEY_LEFT && !event.down()) {
                    frame.previousPage();
                } else if (event.key() == GLFW_KEY_RIGHT && !event.down()) {
                    frame.nextPage();
                }
            } else if (pointer != null && event.button() >= 0) {
                state.set(Vector.compose(pointer, Vector.of(event.button())), Vector.of(event.down()));
            } else if (pointer != null && event.moved()) {
                try (MemoryStack stack = MemoryStack.stackPush()) {
                    java.nio.IntBuffer w = stack.mallocInt(1);
                    java.nio.IntBuffer h = stack.mallocInt(1);
                    glfwGetWindowSize(window, w, h);
                    double x = event.x() / w.get(0);
                    double y = event.y() / h.get(0);
                    state.set(pointer, x >= 0 && x <= 1 && y >= 0 && y <= 1 ? Vector.of(x, y) : Vector.NULL);
                }
            }
        }
        events.clear();
    }

    private static void setKey(State state, Vector prefix, boolean down, Vector beat) {
        state.set(prefix, Vector.of(down));
        state.set(Vector.compose(prefix, PUSHED), Vector.of(down));
        state.set(Vector.compose(prefix, RELEASED), Vector.of(!down));
        if (beat != null) {
            state.set(Vector.compose(prefix, down ? PUSHED : RELEASED, BEAT), beat);
        }
    }

    /** GLFW's key number for a key name as the original spells it ({@code space}, {@code a}, {@code left}, …). */
    static Integer keyCode(String name) {
        try {
            Field field = org.lwjgl.glfw.GLFW.class.getField("GLFW_KEY_" + name.toUpperCase(Locale.ROOT));
            return field.getInt(null);
        } catch (NoSuchFieldException | IllegalAccessException e) {
            return null;
        }
    }
}
