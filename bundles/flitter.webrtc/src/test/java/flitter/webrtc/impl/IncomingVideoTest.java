package flitter.webrtc.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lwjgl.opengl.GL45C.GL_RGBA;
import static org.lwjgl.opengl.GL45C.GL_UNSIGNED_BYTE;
import static org.lwjgl.opengl.GL45C.glGetTextureImage;

import java.nio.ByteBuffer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.onvoid.webrtc.media.video.NativeI420Buffer;

import flitter.render.gl.GlContext;
import flitter.render.gl.RenderTarget;
import flitter.render.gl.impl.EglContext;

/**
 * Received frames drawn both ways, headless on Mesa: the shader and the CPU conversion give the same
 * image, texel for texel within one step, the right way up.
 */
class IncomingVideoTest {
    private static EglContext egl;
    private static GlContext gl;

    @BeforeAll
    static void context() throws Exception {
        Class.forName("dev.onvoid.webrtc.PeerConnectionFactory");  // loads webrtc-java's native library
        egl = EglContext.create();
        gl = new GlContext();
    }

    @AfterAll
    static void release() {
        gl.close();
        egl.close();
    }

    /** An odd-sized frame of gradients: luma across, U down, V along the diagonal; the first row white. */
    private static NativeI420Buffer frame(int width, int height) {
        NativeI420Buffer frame = NativeI420Buffer.allocate(width, height);
        for (int row = 0; row < height; row++) {
            for (int column = 0; column < width; column++) {
                int luma = row == 0 ? 235 : 16 + 219 * column / (width - 1);
                frame.getDataY().put(row * frame.getStrideY() + column, (byte) luma);
            }
        }
        for (int row = 0; row < (height + 1) / 2; row++) {
            for (int column = 0; column < (width + 1) / 2; column++) {
                frame.getDataU().put(row * frame.getStrideU() + column, (byte) (16 + 224 * row / (height / 2)));
                frame.getDataV().put(row * frame.getStrideV() + column, (byte) (16 + (7 * (row + column)) % 225));
            }
        }
        return frame;
    }

    private static ByteBuffer pixels(RenderTarget target) {
        ByteBuffer pixels = ByteBuffer.allocateDirect(4 * target.width() * target.height());
        glGetTextureImage(target.texture(), 0, GL_RGBA, GL_UNSIGNED_BYTE, pixels);
        return pixels;
    }

    private static int brightness(ByteBuffer pixels, int offset) {
        return (pixels.get(offset) & 0xff) + (pixels.get(offset + 1) & 0xff) + (pixels.get(offset + 2) & 0xff);
    }

    @Test
    void theCpuConversionDrawsWhatTheShaderDraws() {
        int width = 37;
        int height = 23;
        NativeI420Buffer frame = frame(width, height);
        try (IncomingVideo shader = new IncomingVideo(gl); IncomingVideo cpu = new IncomingVideo(gl)) {
            shader.show(frame);
            ByteBuffer rgba = ByteBuffer.allocateDirect(4 * width * height);
            YuvToRgb.convert(frame, rgba);
            cpu.show(new ReceivedFrames.Image(rgba, width, height));
            assertEquals(width, cpu.target().width());
            assertEquals(height, cpu.target().height());
            ByteBuffer drawn = pixels(shader.target());
            ByteBuffer uploaded = pixels(cpu.target());
            for (int i = 0; i < 4 * width * height; i++) {
                int texel = i / 4;
                assertEquals(drawn.get(i) & 0xff, uploaded.get(i) & 0xff, 1,
                    "column " + texel % width + ", GL row " + texel / width + ", channel " + i % 4);
            }
            // The first video row (luma 235, over black at the left below it) is the top of the image:
            // the last GL row.
            int top = 4 * width * (height - 1);
            int below = 4 * width * (height - 2);
            assertTrue(brightness(uploaded, top) > brightness(uploaded, below) + 200,
                brightness(uploaded, top) + " at the top, " + brightness(uploaded, below) + " below it");
            assertEquals(255, uploaded.get(top + 3) & 0xff);
        } finally {
            frame.release();
        }
    }
}
