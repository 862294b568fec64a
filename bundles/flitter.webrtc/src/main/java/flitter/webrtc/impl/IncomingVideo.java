package flitter.webrtc.impl;

import static org.lwjgl.opengl.GL33C.*;

import java.nio.ByteBuffer;

import dev.onvoid.webrtc.media.video.I420Buffer;
import dev.onvoid.webrtc.media.video.VideoFrame;
import dev.onvoid.webrtc.media.video.VideoFrameBuffer;

import flitter.render.gl.GlContext;
import flitter.render.gl.RenderTarget;

/**
 * The incoming video of one node, on the render thread, in an 8-bit sRGB target at the frame's own
 * size: the newest received I420 frame is uploaded as three one-channel plane textures and converted
 * to RGB by a shader, or, when the connection has already converted it to RGBA on the CPU
 * ({@link ReceivedFrames}), uploaded into the target as it is. The target keeps the last frame until a
 * newer one arrives.
 */
public final class IncomingVideo implements AutoCloseable {
    private static final String VERTEX = """
        void main() {
            gl_Position = vec4(float((gl_VertexID & 1) * 2 - 1), float((gl_VertexID >> 1) * 2 - 1), 0.0, 1.0);
        }
        """;

    // Limited-range YUV to sRGB with the original plugin's constants, so colours match it. The target
    // is the frame's size: each pixel fetches its own luma texel and its chroma texel (no filtering,
    // which costs a CPU renderer several times more). Video rows run top down, GL rows bottom up.
    private static final String FRAGMENT = """
        out vec4 color;
        uniform sampler2D y;
        uniform sampler2D u;
        uniform sampler2D v;
        uniform int height;
        const vec3 offset = vec3(0.0627451, 0.5, 0.5);
        const float scale = 1.138393;
        const mat3 srgb = mat3(1.0, 1.0, 1.0, 0.0, -0.21482, 2.12798, 1.28033, -0.38059, 0.0);
        void main() {
            ivec2 texel = ivec2(int(gl_FragCoord.x), height - 1 - int(gl_FragCoord.y));
            ivec2 chroma = texel / 2;
            vec3 yuv = vec3(texelFetch(y, texel, 0).r, texelFetch(u, chroma, 0).r, texelFetch(v, chroma, 0).r);
            color = vec4(srgb * ((yuv - offset) * scale), 1.0);
        }
        """;

    private final GlContext gl;
    private final int[] planes = new int[3];
    private int program;
    private int heightUniform;
    private int vertexArray;
    private int width;
    private int height;
    private RenderTarget target;
    private Connection source;

    public IncomingVideo(GlContext gl) {
        this.gl = gl;
    }

    /** The image of the newest frame from the current connection, or null when none has arrived. */
    public RenderTarget target() {
        return target;
    }

    /**
     * Draws the newest frame of {@code connection} (null: none) when one has arrived. A new connection
     * starts without an image.
     */
    void update(Connection connection) {
        if (connection != source) {
            source = connection;
            releaseTarget();
        }
        if (connection == null) {
            return;
        }
        ReceivedFrames frames = connection.frames();
        ReceivedFrames.Image image = frames.takeImage();
        if (image != null) {
            show(image);
            frames.recycle(image);
        }
        VideoFrame frame = frames.takeFrame();
        if (frame == null) {
            return;
        }
        try {
            VideoFrameBuffer buffer = frame.buffer;
            if (buffer instanceof I420Buffer i420) {
                show(i420);
            } else {
                I420Buffer converted = buffer.toI420();
                try {
                    show(converted);
                } finally {
                    converted.release();
                }
            }
        } finally {
            frame.release();
        }
    }

    /** Uploads an image already converted to RGBA, bottom row first, into the target. */
    public void show(ReceivedFrames.Image image) {
        width = image.width();
        height = image.height();
        ensureTarget();
        int bound = glGetInteger(GL_TEXTURE_BINDING_2D);
        glBindTexture(GL_TEXTURE_2D, target.texture());
        glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
        image.pixels().rewind();
        glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, image.pixels());
        glBindTexture(GL_TEXTURE_2D, bound);
    }

    private void ensureTarget() {
        if (target == null || target.width() != width || target.height() != height) {
            releaseTarget();
            target = gl.target(width, height, 8, true);
        }
    }

    /** Uploads {@code frame}'s planes and draws them, as RGB, into the target. */
    public void show(I420Buffer frame) {
        if (program == 0) {
            program = link(gl.header());
            heightUniform = glGetUniformLocation(program, "height");
            vertexArray = glGenVertexArrays();
        }
        int frameWidth = frame.getWidth();
        int frameHeight = frame.getHeight();
        boolean resized = frameWidth != width || frameHeight != height;
        width = frameWidth;
        height = frameHeight;
        int chromaWidth = (width + 1) / 2;
        int chromaHeight = (height + 1) / 2;
        int bound = glGetInteger(GL_TEXTURE_BINDING_2D);
        glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
        upload(0, frame.getDataY(), frame.getStrideY(), width, height, resized);
        upload(1, frame.getDataU(), frame.getStrideU(), chromaWidth, chromaHeight, resized);
        upload(2, frame.getDataV(), frame.getStrideV(), chromaWidth, chromaHeight, resized);
        glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
        glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
        glBindTexture(GL_TEXTURE_2D, bound);

        ensureTarget();
        target.use();
        // The shader computes sRGB-encoded values: store them as they are.
        glDisable(GL_FRAMEBUFFER_SRGB);
        glDisable(GL_BLEND);
        glUseProgram(program);
        glUniform1i(heightUniform, height);
        for (int unit = 0; unit < 3; unit++) {
            glActiveTexture(GL_TEXTURE1 + unit);
            glBindTexture(GL_TEXTURE_2D, planes[unit]);
            glBindSampler(1 + unit, 0);
        }
        glBindVertexArray(vertexArray);
        glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
        glBindVertexArray(0);
        glUseProgram(0);
        for (int unit = 0; unit < 3; unit++) {
            glActiveTexture(GL_TEXTURE1 + unit);
            glBindTexture(GL_TEXTURE_2D, 0);
        }
        glActiveTexture(GL_TEXTURE0);
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
    }

    private void upload(int plane, ByteBuffer data, int stride, int planeWidth, int planeHeight, boolean resized) {
        if (planes[plane] == 0) {
            planes[plane] = glGenTextures();
            glBindTexture(GL_TEXTURE_2D, planes[plane]);
            glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
            glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
            glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
            glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
            resized = true;
        }
        glBindTexture(GL_TEXTURE_2D, planes[plane]);
        glPixelStorei(GL_UNPACK_ROW_LENGTH, stride);
        data.rewind();
        if (resized) {
            glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, planeWidth, planeHeight, 0, GL_RED, GL_UNSIGNED_BYTE, data);
        } else {
            glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, planeWidth, planeHeight, GL_RED, GL_UNSIGNED_BYTE, data);
        }
    }

    private static int link(String header) {
        int vertex = compile(GL_VERTEX_SHADER, header + "\n" + VERTEX);
        int fragment = compile(GL_FRAGMENT_SHADER, header + "\n" + FRAGMENT);
        int program = glCreateProgram();
        glAttachShader(program, vertex);
        glAttachShader(program, fragment);
        glLinkProgram(program);
        glDeleteShader(vertex);
        glDeleteShader(fragment);
        if (glGetProgrami(program, GL_LINK_STATUS) == GL_FALSE) {
            String message = glGetProgramInfoLog(program);
            glDeleteProgram(program);
            throw new IllegalStateException("YUV program does not link: " + message);
        }
        glUseProgram(program);
        glUniform1i(glGetUniformLocation(program, "y"), 1);
        glUniform1i(glGetUniformLocation(program, "u"), 2);
        glUniform1i(glGetUniformLocation(program, "v"), 3);
        glUseProgram(0);
        return program;
    }

    private static int compile(int type, String source) {
        int shader = glCreateShader(type);
        glShaderSource(shader, source);
        glCompileShader(shader);
        if (glGetShaderi(shader, GL_COMPILE_STATUS) == GL_FALSE) {
            String message = glGetShaderInfoLog(shader);
            glDeleteShader(shader);
            throw new IllegalStateException("YUV shader does not compile: " + message);
        }
        return shader;
    }

    private void releaseTarget() {
        if (target != null) {
            target.release();
            target = null;
        }
    }

    /** Deletes the GL objects; the context must be current. */
    @Override
    public void close() {
        releaseTarget();
        for (int plane = 0; plane < 3; plane++) {
            if (planes[plane] != 0) {
                glDeleteTextures(planes[plane]);
                planes[plane] = 0;
            }
        }
        if (program != 0) {
            glDeleteProgram(program);
            glDeleteVertexArrays(vertexArray);
            program = 0;
            vertexArray = 0;
        }
        source = null;
    }
}
