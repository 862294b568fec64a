package flitter.render.gl;

import static org.lwjgl.opengl.GL33C.*;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * One OpenGL context of a window rendering tree, current on the engine's frame thread while the tree
 * renders: the pool of render targets its nodes share, and the full-screen quad program nodes draw.
 * Everything here must be called with this context current.
 *
 * <p>A released target waits in the pool for a node that wants its size; one that waited
 * {@value #IDLE_FRAMES} frames is deleted, so a show whose sizes change (an animated {@code size=},
 * incoming video that WebRTC scales) does not keep every size it ever used.
 */
public final class GlContext implements AutoCloseable {
    /** Frames a free render target is kept for reuse before it is deleted. */
    public static final int IDLE_FRAMES = 120;

    private final Map<String, Deque<RenderTarget>> pool = new HashMap<>();
    private final Set<RenderTarget> all = new HashSet<>();
    private final Map<Sampling, Integer> samplers = new HashMap<>();
    private final String renderer;
    private final String version;
    private int quadBuffer;
    private int zero;
    private long frames;

    public GlContext() {
        this.renderer = glGetString(GL_RENDERER);
        this.version = glGetString(GL_VERSION);
    }

    /** {@code GL_RENDERER}, e.g. {@code llvmpipe (LLVM 15.0.6, 256 bits)}. */
    public String renderer() {
        return renderer;
    }

    /** {@code GL_VERSION}. */
    public String version() {
        return version;
    }

    /** The GLSL version line every program starts with ({@code ${HEADER}} in shader sources). */
    public String header() {
        return "#version 330 core";
    }

    /** A render target of this size and colour depth, from the pool when one is free. */
    public RenderTarget target(int width, int height, int colorbits, boolean srgb) {
        int bits = colorbits == 8 || colorbits == 16 || colorbits == 32 ? colorbits : 16;
        String key = width + "x" + height + "x" + bits + (srgb ? "s" : "");
        Deque<RenderTarget> free = pool.get(key);
        RenderTarget target = free == null ? null : free.poll();
        if (target == null) {
            target = new RenderTarget(this, key, width, height, bits, srgb);
            all.add(target);
        }
        target.acquired();
        return target;
    }

    void recycle(RenderTarget target) {
        target.freedAt(frames);
        pool.computeIfAbsent(target.key(), k -> new ArrayDeque<>()).push(target);
    }

    /**
     * Ends a frame of the tree: render targets free for {@value #IDLE_FRAMES} frames are deleted. The
     * newest free ones of each size are at the head of their queue, the oldest at its tail.
     */
    public void endFrame() {
        frames++;
        Iterator<Deque<RenderTarget>> sizes = pool.values().iterator();
        while (sizes.hasNext()) {
            Deque<RenderTarget> free = sizes.next();
            while (!free.isEmpty() && frames - free.peekLast().freedAt() > IDLE_FRAMES) {
                RenderTarget idle = free.pollLast();
                idle.delete();
                all.remove(idle);
            }
            if (free.isEmpty()) {
                sizes.remove();
            }
        }
    }

    /** How many render targets this context holds, in use or free. */
    public int targets() {
        return all.size();
    }

    /** A vertex buffer holding a triangle strip over the whole frame, [-1, 1] on both axes. */
    int quadBuffer() {
        if (quadBuffer == 0) {
            quadBuffer = glGenBuffers();
            glBindBuffer(GL_ARRAY_BUFFER, quadBuffer);
            glBufferData(GL_ARRAY_BUFFER, new float[] {-1, 1, -1, -1, 1, 1, 1, -1}, GL_STATIC_DRAW);
            glBindBuffer(GL_ARRAY_BUFFER, 0);
        }
        return quadBuffer;
    }

    /** How a texture is sampled: filter, wrap on each axis, and the border colour for clamping to the border. */
    record Sampling(int filter, int wrapS, int wrapT, float red, float green, float blue, float alpha) {
    }

    /** The sampler object for {@code sampling}, made once per context. */
    int sampler(Sampling sampling) {
        return samplers.computeIfAbsent(sampling, s -> {
            int sampler = glGenSamplers();
            glSamplerParameteri(sampler, GL_TEXTURE_MIN_FILTER, s.filter());
            glSamplerParameteri(sampler, GL_TEXTURE_MAG_FILTER, s.filter());
            glSamplerParameteri(sampler, GL_TEXTURE_WRAP_S, s.wrapS());
            glSamplerParameteri(sampler, GL_TEXTURE_WRAP_T, s.wrapT());
            glSamplerParameterfv(sampler, GL_TEXTURE_BORDER_COLOR, new float[] {s.red(), s.green(), s.blue(), s.alpha()});
            return sampler;
        });
    }

    /** A 1x1 transparent texture: what a sampler with nothing to sample reads. */
    int zeroTexture() {
        if (zero == 0) {
            int bound = glGetInteger(GL_TEXTURE_BINDING_2D);
            zero = glGenTextures();
            glBindTexture(GL_TEXTURE_2D, zero);
            glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, 1, 1, 0, GL_RGBA, GL_UNSIGNED_BYTE, new int[] {0});
            glBindTexture(GL_TEXTURE_2D, bound);
        }
        return zero;
    }

    /** Deletes every render target, sampler and buffer made in this context. */
    @Override
    public void close() {
        for (int sampler : samplers.values()) {
            glDeleteSamplers(sampler);
        }
        samplers.clear();
        for (RenderTarget target : all) {
            target.delete();
        }
        all.clear();
        pool.clear();
        if (quadBuffer != 0) {
            glDeleteBuffers(quadBuffer);
            quadBuffer = 0;
        }
        if (zero != 0) {
            glDeleteTextures(zero);
            zero = 0;
        }
    }
}
