package flitter.render.gl.impl;

import static org.lwjgl.glfw.GLFW.glfwGetError;
import static org.lwjgl.glfw.GLFW.glfwInit;

import org.lwjgl.PointerBuffer;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.system.MemoryUtil;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

import flitter.engine.Frame;
import flitter.engine.Renderer;
import flitter.engine.RendererFactory;
import flitter.model.Node;
import flitter.model.Vector;

/**
 * {@code !window}: an on-screen window when there is a display, else (and with {@code --offscreen})
 * the same tree rendered offscreen, said once.
 */
@Component(property = RendererFactory.KIND + "=window")
public final class WindowRendererFactory implements RendererFactory {
    private final WindowKinds kinds;
    private final Logger log;
    private boolean glfwReady;
    private boolean said;

    @Activate
    public WindowRendererFactory(@Reference WindowKinds kinds, @Reference(service = LoggerFactory.class) Logger log) {
        this.kinds = kinds;
        this.log = log;
    }

    @Override
    public Renderer create() {
        return new TreeRenderer(kinds, log::error, this::surface);
    }

    /** Called on the frame thread at a window's first frame. */
    private synchronized Surface surface(Node node, Frame frame) {
        String reason = null;
        if (frame.offscreen()) {
            reason = "--offscreen";
        } else if (System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null) {
            reason = "there is no display (DISPLAY is not set)";
        } else if (!glfwReady && !(glfwReady = glfwInit())) {
            reason = "GLFW cannot start: " + glfwError();
        }
        if (reason == null) {
            Vector size = node.attribute("size");
            double[] wh = size == null ? null : size.numbers(2);
            int width = wh == null ? TreeRenderer.DEFAULT_SIZE : Math.max(1, (int) wh[0]);
            int height = wh == null ? TreeRenderer.DEFAULT_SIZE : Math.max(1, (int) wh[1]);
            try {
                return GlfwWindow.open(node, width, height);
            } catch (IllegalStateException e) {
                reason = e.getMessage() + ": " + glfwError();
            }
        }
        if (!said) {
            said = true;
            if (frame.offscreen()) {
                log.info("!window renders offscreen: {}", reason);
            } else {
                log.warn("!window renders offscreen: {}", reason);
            }
        }
        return Surface.offscreen();
    }

    private static String glfwError() {
        try (MemoryStack stack = MemoryStack.stackPush()) {
            PointerBuffer description = stack.mallocPointer(1);
            int code = glfwGetError(description);
            return code == 0 ? "no error reported" : MemoryUtil.memUTF8(description.get(0));
        }
    }
}
