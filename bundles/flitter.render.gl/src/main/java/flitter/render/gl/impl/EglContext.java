package flitter.render.gl.impl;

import static org.lwjgl.egl.EGL10.EGL_EXTENSIONS;
import static org.lwjgl.egl.EGL10.EGL_NONE;
import static org.lwjgl.egl.EGL10.EGL_NO_CONTEXT;
import static org.lwjgl.egl.EGL10.EGL_NO_DISPLAY;
import static org.lwjgl.egl.EGL10.EGL_NO_SURFACE;
import static org.lwjgl.egl.EGL10.EGL_PBUFFER_BIT;
import static org.lwjgl.egl.EGL10.EGL_SURFACE_TYPE;
import static org.lwjgl.egl.EGL10.eglChooseConfig;
import static org.lwjgl.egl.EGL10.eglCreateContext;
import static org.lwjgl.egl.EGL10.eglDestroyContext;
import static org.lwjgl.egl.EGL10.eglGetError;
import static org.lwjgl.egl.EGL10.eglInitialize;
import static org.lwjgl.egl.EGL10.eglMakeCurrent;
import static org.lwjgl.egl.EGL10.eglQueryString;
import static org.lwjgl.egl.EGL12.EGL_RENDERABLE_TYPE;
import static org.lwjgl.egl.EGL14.EGL_OPENGL_API;
import static org.lwjgl.egl.EGL14.EGL_OPENGL_BIT;
import static org.lwjgl.egl.EGL14.eglBindAPI;
import static org.lwjgl.egl.EGL15.EGL_CONTEXT_MAJOR_VERSION;
import static org.lwjgl.egl.EGL15.EGL_CONTEXT_MINOR_VERSION;
import static org.lwjgl.egl.EGL15.EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT;
import static org.lwjgl.egl.EGL15.EGL_CONTEXT_OPENGL_PROFILE_MASK;
import static org.lwjgl.system.MemoryUtil.NULL;

import java.nio.IntBuffer;

import org.lwjgl.PointerBuffer;
import org.lwjgl.egl.EGL;
import org.lwjgl.opengl.GL;
import org.lwjgl.opengl.GLCapabilities;
import org.lwjgl.system.Configuration;
import org.lwjgl.system.JNI;
import org.lwjgl.system.MemoryStack;

/**
 * A headless OpenGL 3.3+ core context: EGL on Mesa's surfaceless platform, which needs no X server and
 * no GPU (llvmpipe renders on the CPU). There is no default framebuffer: everything renders into
 * {@link flitter.render.gl.RenderTarget}s.
 */
public final class EglContext implements AutoCloseable {
    private static final int EGL_PLATFORM_SURFACELESS_MESA = 0x31DD;

    private final long display;
    private final long context;
    private final GLCapabilities capabilities;

    private EglContext(long display, long context, GLCapabilities capabilities) {
        this.display = display;
        this.context = context;
        this.capabilities = capabilities;
    }

    /** Creates a context and makes it current on this thread; throws IllegalStateException saying what failed. */
    public static EglContext create() {
        Configuration.OPENGL_CONTEXT_API.set("EGL");
        String extensions = eglQueryString(EGL_NO_DISPLAY, EGL_EXTENSIONS);
        if (extensions == null || !extensions.contains("EGL_MESA_platform_surfaceless")) {
            throw new IllegalStateException("EGL has no surfaceless platform (Mesa's libEGL is needed: libegl-mesa0)");
        }
        // LWJGL's wrapper refuses the NULL native display this platform takes: call the function directly.
        long getPlatformDisplay = EGL.getFunctionProvider().getFunctionAddress("eglGetPlatformDisplayEXT");
        long display = JNI.callPPP(EGL_PLATFORM_SURFACELESS_MESA, NULL, NULL, getPlatformDisplay);
        if (display == EGL_NO_DISPLAY) {
            throw new IllegalStateException("no surfaceless EGL display (EGL error 0x" + Integer.toHexString(eglGetError()) + ")");
        }
        try (MemoryStack stack = MemoryStack.stackPush()) {
            if (!eglInitialize(display, stack.mallocInt(1), stack.mallocInt(1)) || !eglBindAPI(EGL_OPENGL_API)) {
                throw new IllegalStateException("cannot initialise EGL for OpenGL (0x" + Integer.toHexString(eglGetError()) + ")");
            }
            PointerBuffer configs = stack.mallocPointer(1);
            IntBuffer count = stack.mallocInt(1);
            if (!eglChooseConfig(display,
                    stack.ints(EGL_RENDERABLE_TYPE, EGL_OPENGL_BIT, EGL_SURFACE_TYPE, EGL_PBUFFER_BIT, EGL_NONE),
                    configs, count) || count.get(0) == 0) {
                throw new IllegalStateException("no EGL configuration for OpenGL");
            }
            long context = eglCreateContext(display, configs.get(0), EGL_NO_CONTEXT, stack.ints(
                EGL_CONTEXT_MAJOR_VERSION, 3, EGL_CONTEXT_MINOR_VERSION, 3,
                EGL_CONTEXT_OPENGL_PROFILE_MASK, EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT, EGL_NONE));
            if (context == EGL_NO_CONTEXT || !eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, context)) {
                throw new IllegalStateException("cannot create an OpenGL 3.3 core context (0x"
                    + Integer.toHexString(eglGetError()) + ")");
            }
            return new EglContext(display, context, GL.createCapabilities());
        }
    }

    /** Makes this the current context of the calling thread. */
    public void makeCurrent() {
        if (!eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, context)) {
            throw new IllegalStateException("cannot make the EGL context current (0x" + Integer.toHexString(eglGetError()) + ")");
        }
        GL.setCapabilities(capabilities);
    }

    /**
     * Destroys the context. The display stays initialised: Mesa shares one per process, and other
     * contexts may still use it.
     */
    @Override
    public void close() {
        eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
        GL.setCapabilities(null);
        eglDestroyContext(display, context);
    }
}
