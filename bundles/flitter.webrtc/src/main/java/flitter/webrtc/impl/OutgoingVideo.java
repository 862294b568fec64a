package flitter.webrtc.impl;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.osgi.service.log.Logger;

import dev.onvoid.webrtc.media.FourCC;
import dev.onvoid.webrtc.media.video.NativeI420Buffer;
import dev.onvoid.webrtc.media.video.VideoBufferConverter;

import flitter.render.gl.RenderTarget;

/**
 * The outgoing video of one node: the composited image is read back on the render thread into one of
 * three reusable buffers (one being read, one waiting, one being converted), then converted to I420 (libyuv, through webrtc-java) and sent on the video
 * thread. Only the newest image waits for conversion: when the video thread falls behind, older ones
 * are dropped, never queued.
 */
public final class OutgoingVideo implements AutoCloseable {
    private final Executor video;
    private final Logger log;
    private final Deque<ByteBuffer> free = new ArrayDeque<>();
    private final AtomicReference<Image> pending = new AtomicReference<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private int bufferSize;
    private int buffers;

    /** An image read back and waiting for conversion. */
    private record Image(ByteBuffer pixels, int width, int height, Connection connection) {
    }

    OutgoingVideo(Executor video, Logger log) {
        this.video = video;
        this.log = log;
    }

    /** Render thread: reads {@code image} back and queues it for {@code connection}. */
    void send(RenderTarget image, Connection connection) {
        int size = image.width() * image.height() * 4;
        ByteBuffer pixels = take(size);
        if (pixels == null) {
            return;
        }
        image.read(pixels);
        Image replaced = pending.getAndSet(new Image(pixels, image.width(), image.height(), connection));
        if (replaced != null) {
            give(replaced.pixels);
        }
        if (scheduled.compareAndSet(false, true)) {
            video.execute(this::convert);
        }
    }

    /** Video thread: converts and sends what is pending. */
    private void convert() {
        scheduled.set(false);
        Image image;
        while ((image = pending.getAndSet(null)) != null) {
            try {
                if (!image.connection.closed()) {
                    image.connection.send(toI420(image.pixels, image.width, image.height));
                }
            } catch (Exception e) {
                log.warn("WebRTC: an outgoing frame could not be converted: {}", String.valueOf(e));
            } finally {
                give(image.pixels);
            }
        }
    }

    /**
     * RGBA, bottom row first (as GL reads it), to a new I420 buffer, top row first (as video is):
     * converted as it lies, then each plane's rows reversed, which moves 1.5 bytes a pixel where
     * reversing the RGBA rows would move 4.
     */
    public static NativeI420Buffer toI420(ByteBuffer rgba, int width, int height) throws Exception {
        NativeI420Buffer i420 = NativeI420Buffer.allocate(width, height);
        try {
            rgba.rewind();
            // libyuv's "ABGR" is R, G, B, A in memory.
            VideoBufferConverter.convertToI420(rgba, i420, FourCC.ABGR);
            int chromaHeight = (height + 1) / 2;
            flipRows(i420.getDataY(), i420.getStrideY(), width, height);
            flipRows(i420.getDataU(), i420.getStrideU(), (width + 1) / 2, chromaHeight);
            flipRows(i420.getDataV(), i420.getStrideV(), (width + 1) / 2, chromaHeight);
            return i420;
        } catch (Exception | Error e) {
            i420.release();
            throw e;
        }
    }

    private static void flipRows(ByteBuffer plane, int stride, int width, int rows) {
        byte[] top = new byte[width];
        byte[] bottom = new byte[width];
        for (int i = 0, j = rows - 1; i < j; i++, j--) {
            plane.get(i * stride, top);
            plane.get(j * stride, bottom);
            plane.put(i * stride, bottom);
            plane.put(j * stride, top);
        }
    }

    private synchronized ByteBuffer take(int size) {
        if (size != bufferSize) {
            free.clear();
            bufferSize = size;
            buffers = 0;
        }
        ByteBuffer buffer = free.poll();
        if (buffer == null && buffers < 3) {
            buffers++;
            buffer = ByteBuffer.allocateDirect(size);
        }
        if (buffer != null) {
            buffer.clear();
        }
        return buffer;
    }

    private synchronized void give(ByteBuffer buffer) {
        if (buffer.capacity() == bufferSize) {
            free.push(buffer);
        }
    }

    @Override
    public void close() {
        Image left = pending.getAndSet(null);
        if (left != null) {
            give(left.pixels);
        }
        synchronized (this) {
            free.clear();
            bufferSize = 0;
        }
    }
}
