package flitter.webrtc.impl;

import static org.lwjgl.system.MemoryUtil.memAlloc;
import static org.lwjgl.system.MemoryUtil.memFree;

import java.nio.ByteBuffer;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;

import dev.onvoid.webrtc.media.video.I420Buffer;
import dev.onvoid.webrtc.media.video.VideoFrame;
import dev.onvoid.webrtc.media.video.VideoFrameBuffer;

/**
 * The newest frame received on one connection, waiting for the render thread: each arrival replaces
 * (and releases) the one before. Kept as WebRTC's native frame, for the render thread's shader to
 * convert, or, when told to {@linkplain #convertToRgba(boolean) convert to RGBA}, converted at once on
 * WebRTC's thread into one of a few reusable buffers and the native frame released; that is the cheaper
 * way where the GL renderer itself runs on the CPU. Safe to use from any thread.
 *
 * <p>The RGBA buffers are native memory owned here and freed as soon as they are not wanted (a new
 * size, dropping), not left to the garbage collector: each is in exactly one place at a time (being
 * written, waiting, taken by the render thread, or free), and only whoever removed it from there frees it.
 */
public final class ReceivedFrames {
    /** A received frame as RGBA, bottom row first; give it back with {@link #recycle(Image)}. */
    public record Image(ByteBuffer pixels, int width, int height) {
    }

    private final AtomicReference<VideoFrame> frame = new AtomicReference<>();
    private final AtomicReference<Image> image = new AtomicReference<>();
    /**
     * Free buffers; one of an old size is freed when it next comes up. At most three exist at a time:
     * one being drawn, one waiting, one being written (WebRTC delivers frames on one thread, and a
     * waiting image is replaced, never queued).
     */
    private final ConcurrentLinkedQueue<ByteBuffer> free = new ConcurrentLinkedQueue<>();
    private volatile boolean rgba;
    private volatile boolean dropping;

    /** Whether frames that arrive from now on are converted to RGBA on arrival. */
    void convertToRgba(boolean convert) {
        rgba = convert;
    }

    /**
     * Whether arrivals are released unseen (between calls); turning it on also releases what waits.
     */
    void drop(boolean drop) {
        dropping = drop;
        if (drop) {
            clear();
        }
    }

    /** On a WebRTC thread: keeps {@code arrived} (which this now owns) in place of what waited. */
    void received(VideoFrame arrived) {
        if (dropping) {
            arrived.release();
            return;
        }
        if (!rgba) {
            release(frame.getAndSet(arrived));
        } else {
            Image converted;
            try {
                converted = convert(arrived.buffer);
            } finally {
                arrived.release();
            }
            Image replaced = image.getAndSet(converted);
            if (replaced != null) {
                recycle(replaced);
            }
        }
        if (dropping) {
            clear();  // dropping began while this one was being kept
        }
    }

    private Image convert(VideoFrameBuffer buffer) {
        int width = buffer.getWidth();
        int height = buffer.getHeight();
        ByteBuffer pixels = take(4 * width * height);
        try {
            if (buffer instanceof I420Buffer i420) {
                YuvToRgb.convert(i420, pixels);
            } else {
                I420Buffer i420 = buffer.toI420();
                try {
                    YuvToRgb.convert(i420, pixels);
                } finally {
                    i420.release();
                }
            }
            return new Image(pixels, width, height);
        } catch (RuntimeException | Error e) {
            memFree(pixels);
            throw e;
        }
    }

    /** The newest native frame not yet taken, or null; the caller must release it. */
    VideoFrame takeFrame() {
        return frame.getAndSet(null);
    }

    /** The newest converted image not yet taken, or null; the caller gives it back with {@link #recycle(Image)}. */
    Image takeImage() {
        return image.getAndSet(null);
    }

    /** Takes back an image's buffer, for another frame, or frees it when dropping. */
    void recycle(Image done) {
        if (dropping || free.size() >= 3) {
            memFree(done.pixels());
        } else {
            free.offer(done.pixels());
            if (dropping) {
                clear();  // dropping began while this one was being given back
            }
        }
    }

    private ByteBuffer take(int size) {
        ByteBuffer pixels;
        while ((pixels = free.poll()) != null) {
            if (pixels.capacity() == size) {
                return pixels.clear();
            }
            memFree(pixels);  // the size changed
        }
        return memAlloc(size);
    }

    /** Releases the waiting frame, and frees the waiting image and the free buffers. */
    private void clear() {
        release(frame.getAndSet(null));
        Image waiting = image.getAndSet(null);
        if (waiting != null) {
            memFree(waiting.pixels());
        }
        ByteBuffer pixels;
        while ((pixels = free.poll()) != null) {
            memFree(pixels);
        }
    }

    private static void release(VideoFrame waiting) {
        if (waiting != null) {
            waiting.release();
        }
    }
}
