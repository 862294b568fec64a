package flitter.render.gl.impl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.lwjgl.glfw.GLFW;

import flitter.engine.Frame;
import flitter.language.impl.FlitterCompiler;
import flitter.model.Node;
import flitter.model.State;
import flitter.model.Vector;

/**
 * A real window (GLFW) on an X display: under Xvfb in the test run ({@code ./flitter test} provides
 * one). Skipped where there is no display.
 */
class WindowTest {
    private static Frame frame() {
        return new TestFrame(Map.of(), new State(), null, false);
    }

    @Test
    void aWindowShowsTheTreeInSrgb() throws Exception {
        Assumptions.assumeTrue(System.getenv("DISPLAY") != null, "no X display");
        assertTrue(GLFW.glfwInit(), "GLFW starts on the X display");
        List<GlfwWindow> opened = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        TreeRenderer renderer = new TreeRenderer(new WindowKinds(Map.of("shader", new ShaderNodeFactory())), errors::add,
            (node, frame) -> {
                GlfwWindow window = GlfwWindow.open(node, 64, 32);
                opened.add(window);
                return window;
            });
        try {
            Node tree = new FlitterCompiler().compile(String.join("\n",
                "!window size=64;32 title='Flitter test' colorbits=32",
                "    !shader fragment=\"${HEADER}\\nout vec4 color;\\nvoid main() { color = vec4(0.5, 0.0, 1.0, 1.0); }\""),
                null).run(Map.of(), new State()).nodes().get(0);
            renderer.update(tree, frame());
            assertEquals(List.of(), errors);
            assertEquals(1, opened.size());
            GlfwWindow window = opened.get(0);
            assertNotNull(renderer.output());
            window.draw(renderer.output());
            // Linear 0.5 is sRGB 188; 0 and 1 stay as they are.
            assertArrayEquals(new int[] {188, 0, 255, 255}, window.pixel(32, 16));
            Node fullscreen = new FlitterCompiler().compile(String.join("\n",
                "!window size=64;32 fullscreen=true colorbits=32",
                "    !shader fragment=\"${HEADER}\\nout vec4 color;\\nvoid main() { color = vec4(0.5, 0.0, 1.0, 1.0); }\""),
                null).run(Map.of(), new State()).nodes().get(0);
            assertTrue(!window.fullscreen());
            renderer.update(fullscreen, frame());
            assertEquals(List.of(), errors);
            assertTrue(window.fullscreen(), "fullscreen=true puts the window on the screen's monitor");
        } finally {
            renderer.close();
        }
    }

    @Test
    void keysAndThePointerWriteTheState() throws Exception {
        Assumptions.assumeTrue(System.getenv("DISPLAY") != null, "no X display");
        assertTrue(GLFW.glfwInit(), "GLFW starts on the X display");
        List<GlfwWindow> opened = new ArrayList<>();
        TreeRenderer renderer = new TreeRenderer(new WindowKinds(Map.of()), e -> { }, (node, frame) -> {
            GlfwWindow window = GlfwWindow.open(node, 100, 50);
            opened.add(window);
            return window;
        });
        State state = new State();
        Frame frame = new TestFrame(Map.of("beat", Vector.of(3.5)), state, null, false);
        try {
            Node tree = new FlitterCompiler().compile(String.join("\n",
                "!window size=100;50",
                "    !key name=:space state=:jump",
                "    !pointer state=:mouse"), null).run(Map.of(), new State()).nodes().get(0);
            renderer.update(tree, frame);
            Vector jump = Vector.symbol("jump");
            assertEquals(Vector.FALSE, state.get(jump), "a key starts as it is: up");
            assertEquals(Vector.TRUE, state.get(Vector.compose(jump, Vector.symbol("released"))));
            WindowInput input = opened.get(0).input();
            input.key(GLFW.GLFW_KEY_SPACE, true);
            input.moved(25, 10);
            input.button(0, true);
            renderer.update(tree, frame);
            assertEquals(Vector.TRUE, state.get(jump));
            assertEquals(Vector.of(3.5), state.get(Vector.compose(jump, Vector.symbol("pushed"), Vector.symbol("beat"))));
            Vector mouse = Vector.symbol("mouse");
            assertEquals(Vector.of(0.25, 0.2), state.get(mouse));
            assertEquals(Vector.TRUE, state.get(Vector.compose(mouse, Vector.of(0))));
            input.moved(-5, 10);
            renderer.update(tree, frame);
            assertEquals(Vector.NULL, state.get(mouse), "outside the window the pointer is null");
            input.key(GLFW.GLFW_KEY_RIGHT, true);
            input.key(GLFW.GLFW_KEY_RIGHT, false);
            renderer.update(tree, frame);
            assertEquals(1, ((TestFrame) frame).pageTurns, "the right arrow turns to the next page");
        } finally {
            renderer.close();
        }
    }
}
