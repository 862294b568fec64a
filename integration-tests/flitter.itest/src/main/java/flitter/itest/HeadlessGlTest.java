package flitter.itest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lwjgl.egl.EGL10.EGL_NONE;
import static org.lwjgl.egl.EGL10.EGL_NO_CONTEXT;
import static org.lwjgl.egl.EGL10.EGL_NO_DISPLAY;
import static org.lwjgl.egl.EGL10.EGL_NO_SURFACE;
import static org.lwjgl.egl.EGL10.EGL_EXTENSIONS;
import static org.lwjgl.egl.EGL10.EGL_SURFACE_TYPE;
import static org.lwjgl.egl.EGL10.EGL_PBUFFER_BIT;
import static org.lwjgl.egl.EGL10.eglChooseConfig;
import static org.lwjgl.egl.EGL10.eglCreateContext;
import static org.lwjgl.egl.EGL10.eglDestroyContext;
import static org.lwjgl.egl.EGL10.eglInitialize;
import static org.lwjgl.egl.EGL10.eglMakeCurrent;
import static org.lwjgl.egl.EGL10.eglQueryString;
import static org.lwjgl.egl.EGL10.eglTerminate;
import static org.lwjgl.egl.EGL12.EGL_RENDERABLE_TYPE;
import static org.lwjgl.egl.EGL14.EGL_OPENGL_API;
import static org.lwjgl.egl.EGL14.EGL_OPENGL_BIT;
import static org.lwjgl.egl.EGL14.eglBindAPI;
import static org.lwjgl.egl.EGL15.EGL_CONTEXT_MAJOR_VERSION;
import static org.lwjgl.egl.EGL15.EGL_CONTEXT_MINOR_VERSION;
import static org.lwjgl.egl.EGL15.EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT;
import static org.lwjgl.egl.EGL15.EGL_CONTEXT_OPENGL_PROFILE_MASK;
import static org.lwjgl.opengl.GL11C.GL_RENDERER;
import static org.lwjgl.opengl.GL11C.GL_RGBA;
import static org.lwjgl.opengl.GL11C.GL_UNSIGNED_BYTE;
import static org.lwjgl.opengl.GL11C.GL_VERSION;
import static org.lwjgl.opengl.GL11C.GL_COLOR_BUFFER_BIT;
import static org.lwjgl.opengl.GL11C.glClear;
import static org.lwjgl.opengl.GL11C.glClearColor;
import static org.lwjgl.opengl.GL11C.glGetString;
import static org.lwjgl.opengl.GL11C.glReadPixels;
import static org.lwjgl.opengl.GL11C.glViewport;
import static org.lwjgl.opengl.GL30C.GL_COLOR_ATTACHMENT0;
import static org.lwjgl.opengl.GL30C.GL_FRAMEBUFFER;
import static org.lwjgl.opengl.GL30C.GL_FRAMEBUFFER_COMPLETE;
import static org.lwjgl.opengl.GL30C.GL_RENDERBUFFER;
import static org.lwjgl.opengl.GL30C.GL_RGBA8;
import static org.lwjgl.opengl.GL30C.glBindFramebuffer;
import static org.lwjgl.opengl.GL30C.glBindRenderbuffer;
import static org.lwjgl.opengl.GL30C.glCheckFramebufferStatus;
import static org.lwjgl.opengl.GL30C.glDeleteFramebuffers;
import static org.lwjgl.opengl.GL30C.glDeleteRenderbuffers;
import static org.lwjgl.opengl.GL30C.glFramebufferRenderbuffer;
import static org.lwjgl.opengl.GL30C.glGenFramebuffers;
import static org.lwjgl.opengl.GL30C.glGenRenderbuffers;
import static org.lwjgl.opengl.GL30C.glRenderbufferStorage;
import static org.lwjgl.system.MemoryStack.stackPush;
import static org.lwjgl.system.MemoryUtil.NULL;

import java.nio.ByteBuffer;
import java.nio.IntBuffer;

import org.junit.jupiter.api.Test;
import org.lwjgl.PointerBuffer;
import org.lwjgl.egl.EGL;
import org.lwjgl.opengl.GL;
import org.lwjgl.system.Configuration;
import org.lwjgl.system.JNI;
import org.lwjgl.system.MemoryStack;

/**
 * The wrapped LWJGL makes a headless OpenGL context inside the framework: EGL on Mesa's surfaceless
 * platform (no X server), desktop OpenGL core profile, and a real draw read back.
 */
class HeadlessGlTest {
    private static final int EGL_PLATFORM_SURFACELESS_MESA = 0x31DD;

    @Test
    void surfacelessEglContextRendersAndReadsBack() {
        Configuration.OPENGL_CONTEXT_API.set("EGL");
        String clientExtensions = eglQueryString(EGL_NO_DISPLAY, EGL_EXTENSIONS);
        assertTrue(clientExtensions.contains("EGL_MESA_platform_surfaceless"), clientExtensions);

        // LWJGL's wrapper refuses the NULL native display this platform takes: call the function directly.
        long getPlatformDisplay = EGL.getFunctionProvider().getFunctionAddress("eglGetPlatformDisplayEXT");
        assertNotEquals(NULL, getPlatformDisplay, "eglGetPlatformDisplayEXT");
        long display = JNI.callPPP(EGL_PLATFORM_SURFACELESS_MESA, NULL, NULL, getPlatformDisplay);
        assertNotEquals(EGL_NO_DISPLAY, display, "no surfaceless EGL display");

        try (MemoryStack stack = stackPush()) {
            assertTrue(eglInitialize(display, stack.mallocInt(1), stack.mallocInt(1)), "eglInitialize");
            assertTrue(eglBindAPI(EGL_OPENGL_API), "eglBindAPI(OpenGL)");
            PointerBuffer configs = stack.mallocPointer(1);
            IntBuffer count = stack.mallocInt(1);
            assertTrue(eglChooseConfig(display,
                stack.ints(EGL_RENDERABLE_TYPE, EGL_OPENGL_BIT, EGL_SURFACE_TYPE, EGL_PBUFFER_BIT, EGL_NONE),
                configs, count) && count.get(0) > 0, "no EGL config for OpenGL");
            long context = eglCreateContext(display, configs.get(0), EGL_NO_CONTEXT, stack.ints(
                EGL_CONTEXT_MAJOR_VERSION, 3, EGL_CONTEXT_MINOR_VERSION, 3,
                EGL_CONTEXT_OPENGL_PROFILE_MASK, EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT, EGL_NONE));
            assertNotEquals(EGL_NO_CONTEXT, context, "eglCreateContext");
            try {
                assertTrue(eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, context), "eglMakeCurrent");
                GL.createCapabilities();
                String renderer = glGetString(GL_RENDERER);
                String version = glGetString(GL_VERSION);
                System.out.println("GL_RENDERER: " + renderer + "\nGL_VERSION: " + version);
                assertTrue(version.matches("4\\.\\d+ \\(Core Profile\\).*"), "not a 4.x core context: " + version);
                assertTrue(renderer != null && !renderer.isBlank(), "no renderer");

                assertArrayEquals(new int[] {255, 128, 64, 255}, clearAndReadBack(stack, 1f, 0.5f, 0.25f, 1f));
            } finally {
                GL.setCapabilities(null);
                eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
                eglDestroyContext(display, context);
                eglTerminate(display);
            }
        }
    }

    /** Clears a 4x4 offscreen framebuffer (there is no default one without a surface) and reads a pixel. */
    private static int[] clearAndReadBack(MemoryStack stack, float r, float g, float b, float a) {
        int framebuffer = glGenFramebuffers();
        int colour = glGenRenderbuffers();
        try {
            glBindRenderbuffer(GL_RENDERBUFFER, colour);
            glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, 4, 4);
            glBindFramebuffer(GL_FRAMEBUFFER, framebuffer);
            glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, colour);
            assertEquals(GL_FRAMEBUFFER_COMPLETE, glCheckFramebufferStatus(GL_FRAMEBUFFER));
            glViewport(0, 0, 4, 4);
            glClearColor(r, g, b, a);
            glClear(GL_COLOR_BUFFER_BIT);
            ByteBuffer pixel = stack.malloc(4);
            glReadPixels(1, 1, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, pixel);
            return new int[] {pixel.get(0) & 0xff, pixel.get(1) & 0xff, pixel.get(2) & 0xff, pixel.get(3) & 0xff};
        } finally {
            glBindFramebuffer(GL_FRAMEBUFFER, 0);
            glDeleteRenderbuffers(colour);
            glDeleteFramebuffers(framebuffer);
        }
    }
}
