package flitter.render.gl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import flitter.render.gl.impl.EglContext;

/** The render-target pool: free targets are reused by size, and deleted after waiting too long. */
class GlContextTest {
    private static EglContext egl;

    @BeforeAll
    static void context() {
        egl = EglContext.create();
    }

    @AfterAll
    static void release() {
        egl.close();
    }

    private static void frames(GlContext gl, int count) {
        for (int i = 0; i < count; i++) {
            gl.endFrame();
        }
    }

    @Test
    void aFreeTargetIsReusedForItsSizeAndDeletedAfterWaitingIdleFrames() {
        try (GlContext gl = new GlContext()) {
            RenderTarget first = gl.target(64, 32, 8, false);
            int texture = first.texture();
            first.release();
            frames(gl, GlContext.IDLE_FRAMES - 1);
            RenderTarget again = gl.target(64, 32, 8, false);
            assertSame(first, again, "reused while it waited");
            assertEquals(texture, again.texture());
            again.release();
            frames(gl, GlContext.IDLE_FRAMES);
            assertEquals(1, gl.targets(), "kept for " + GlContext.IDLE_FRAMES + " frames after its last use");
            frames(gl, 1);
            assertEquals(0, gl.targets(), "deleted after that");
            RenderTarget fresh = gl.target(64, 32, 8, false);
            assertNotEquals(0, fresh.texture());
            assertEquals(1, gl.targets());
        }
    }

    @Test
    void aSizeThatChangesEveryFrameKeepsOnlyTheRecentSizes() {
        try (GlContext gl = new GlContext()) {
            RenderTarget held = gl.target(16, 16, 16, false);
            for (int frame = 0; frame < 1000; frame++) {
                RenderTarget target = gl.target(100 + frame, 50, 16, false);
                target.release();
                gl.endFrame();
            }
            assertTrue(gl.targets() <= GlContext.IDLE_FRAMES + 2, gl.targets() + " targets kept");
            assertEquals(16, held.width(), "a target in use is never deleted");
            frames(gl, 10 * GlContext.IDLE_FRAMES);
            assertEquals(1, gl.targets(), "only the one in use is left");
            assertNotEquals(0, held.texture());
            held.release();
        }
    }
}
