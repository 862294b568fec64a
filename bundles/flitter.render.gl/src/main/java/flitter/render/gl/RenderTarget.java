package flitter.render.gl;

import static org.lwjgl.opengl.GL33C.*;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;

/**
 * An image a node renders into: a framebuffer with one colour texture of 8 (optionally sRGB), 16 or
 * 32 bits per channel (16 and 32 are floating point). Targets come from and go back to their context's
 * pool.
 */
public final class RenderTarget {
    private final GlContext gl;
    private final String key;
    private final int width;
    private final int height;
    private final int colorbits;
    private final boolean srgb;
    private int texture;
    private int framebuffer;
    private boolean free;
    private long freedAt;

    RenderTarget(GlContext gl, String key, int width, int height, int colorbits, boolean srgb) {
        this.gl = gl;
        this.key = key;
        this.width = width;
        this.height = height;
        this.colorbits = colorbits;
        this.srgb = srgb;
        // Targets are made while a node binds its inputs: leave the active unit's binding as it was.
        int bound = glGetInteger(GL_TEXTURE_BINDING_2D);
        texture = glGenTextures();
        glBindTexture(GL_TEXTURE_2D, texture);
        int internal = colorbits == 32 ? GL_RGBA32F : colorbits == 16 ? GL_RGBA16F : srgb ? GL_SRGB8_ALPHA8 : GL_RGBA8;
        int type = colorbits == 8 ? GL_UNSIGNED_BYTE : GL_FLOAT;
        glTexImage2D(GL_TEXTURE_2D, 0, internal, width, height, 0, GL_RGBA, type, (ByteBuffer) null);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        glBindTexture(GL_TEXTURE_2D, bound);
        framebuffer = glGenFramebuffers();
        glBindFramebuffer(GL_FRAMEBUFFER, framebuffer);
        glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, texture, 0);
        int status = glCheckFramebufferStatus(GL_FRAMEBUFFER);
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
        if (status != GL_FRAMEBUFFER_COMPLETE) {
            delete();
            throw new IllegalStateException("cannot make a " + this + ": framebuffer status 0x" + Integer.toHexString(status));
        }
    }

    String key() {
        return key;
    }

    void acquired() {
        free = false;
    }

    /** The frame (the context's count) at which it was last given back. */
    void freedAt(long frame) {
        freedAt = frame;
    }

    long freedAt() {
        return freedAt;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int colorbits() {
        return colorbits;
    }

    public boolean srgb() {
        return srgb;
    }

    /** The GL texture name of the image. */
    public int texture() {
        return texture;
    }

    /** Makes this the framebuffer drawn into, over its whole area. */
    public void use() {
        glBindFramebuffer(GL_FRAMEBUFFER, framebuffer);
        glViewport(0, 0, width, height);
    }

    /** Clears to transparent black. */
    public void clear() {
        use();
        glClearColor(0, 0, 0, 0);
        glClear(GL_COLOR_BUFFER_BIT);
    }

    /** Reads the image as 8-bit RGBA, bottom row first, into {@code pixels} (width * height * 4 bytes). */
    public void read(ByteBuffer pixels) {
        check(pixels.remaining(), 4 * width * height);
        // Not glReadPixels: Mesa's llvmpipe (22.3) can answer a repeated read of the same target from a
        // cache and return what was drawn a frame before.
        int bound = glGetInteger(GL_TEXTURE_BINDING_2D);
        glBindTexture(GL_TEXTURE_2D, texture);
        glPixelStorei(GL_PACK_ALIGNMENT, 1);
        glGetTexImage(GL_TEXTURE_2D, 0, GL_RGBA, GL_UNSIGNED_BYTE, pixels);
        glBindTexture(GL_TEXTURE_2D, bound);
    }

    /** Reads the image as floating-point RGBA, bottom row first, into {@code pixels} (width * height * 4 floats). */
    public void read(FloatBuffer pixels) {
        check(pixels.remaining(), 4 * width * height);
        int bound = glGetInteger(GL_TEXTURE_BINDING_2D);
        glBindTexture(GL_TEXTURE_2D, texture);
        glGetTexImage(GL_TEXTURE_2D, 0, GL_RGBA, GL_FLOAT, pixels);
        glBindTexture(GL_TEXTURE_2D, bound);
    }

    /** Copies this image into {@code other}, of the same size and format, texel for texel. */
    void copyTo(RenderTarget other) {
        glBindFramebuffer(GL_READ_FRAMEBUFFER, framebuffer);
        glBindFramebuffer(GL_DRAW_FRAMEBUFFER, other.framebuffer);
        glBlitFramebuffer(0, 0, width, height, 0, 0, other.width, other.height, GL_COLOR_BUFFER_BIT, GL_NEAREST);
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
    }

    /** GL writes the whole image whatever the buffer's size: refuse one that is too small. */
    private void check(int remaining, int needed) {
        if (remaining < needed) {
            throw new IllegalArgumentException("reading " + this + " needs " + needed + " values; the buffer has " + remaining);
        }
    }

    /** Gives the target back to the pool; it must not be used afterwards. */
    public void release() {
        if (!free) {
            free = true;
            gl.recycle(this);
        }
    }

    void delete() {
        if (framebuffer != 0) {
            glDeleteFramebuffers(framebuffer);
            framebuffer = 0;
        }
        if (texture != 0) {
            glDeleteTextures(texture);
            texture = 0;
        }
    }

    @Override
    public String toString() {
        return width + "x" + height + " " + colorbits + "-bit" + (srgb ? " sRGB" : "") + " render target";
    }
}
