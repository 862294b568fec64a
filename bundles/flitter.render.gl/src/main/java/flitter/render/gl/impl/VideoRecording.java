package flitter.render.gl.impl;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.lwjgl.system.MemoryUtil;

import flitter.render.gl.RenderTarget;

/**
 * A video being recorded by {@code !record}: frames are read back on the frame thread and encoded on a
 * thread of their own through a one-second buffer. Live (real-time) frames that find the buffer full
 * are dropped, as in the original; with {@code --lockstep} the frame thread waits instead, so every
 * frame is in the file. {@code limit} seconds of video, when given, close the file.
 */
final class VideoRecording implements AutoCloseable {
    private static final ByteBuffer END = ByteBuffer.allocate(0);

    private final Path path;
    private final String codec;
    private final VideoWriter writer;
    private final int width;
    private final int height;
    private final int bytes;
    private final double limit;
    private final BlockingQueue<ByteBuffer> frames;
    private final BlockingQueue<Double> times;
    private final BlockingQueue<ByteBuffer> free;
    private final Thread encoder;
    private final Consumer<String> errors;
    private volatile boolean failed;
    private double start = Double.NaN;
    private boolean ended;

    VideoRecording(Path path, String codec, int width, int height, int fps, double limit, Consumer<String> errors)
            throws IOException {
        this.path = path;
        this.codec = codec;
        this.writer = VideoWriter.open(path, width, height, fps, codec);
        this.width = width;
        this.height = height;
        this.bytes = width * height * 4;
        this.limit = limit;
        this.errors = errors;
        int buffered = Math.max(2, fps);
        this.frames = new ArrayBlockingQueue<>(buffered + 1);
        this.times = new ArrayBlockingQueue<>(buffered + 1);
        this.free = new ArrayBlockingQueue<>(buffered + 1);
        this.encoder = new Thread(this::encode, "flitter-record " + path.getFileName());
        encoder.setDaemon(true);
        encoder.start();
    }

    boolean records(Path otherPath, String otherCodec) {
        return path.equals(otherPath) && java.util.Objects.equals(codec, otherCodec);
    }

    /** Whether {@code image} has the size of this video's frames. */
    boolean fits(RenderTarget image) {
        return image.width() == width && image.height() == height;
    }

    /** Adds this frame's image, shown from {@code time} seconds. */
    void frame(RenderTarget image, double time, boolean realtime) {
        if (ended || failed) {
            return;
        }
        if (Double.isNaN(start)) {
            start = time;
        }
        if (limit > 0 && time - start >= limit) {
            finish();
            return;
        }
        if (realtime && frames.remainingCapacity() <= 1) {
            // The encoder is a second behind: this live frame is dropped (one place stays for the end).
            return;
        }
        ByteBuffer pixels = free.poll();
        if (pixels == null) {
            pixels = MemoryUtil.memAlloc(bytes);
        }
        image.read(pixels);
        try {
            if (realtime) {
                times.offer(time);
                frames.offer(pixels);
            } else {
                times.put(time);
                frames.put(pixels);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void encode() {
        try {
            while (true) {
                ByteBuffer pixels = frames.take();
                if (pixels == END) {
                    break;
                }
                double time = times.take();
                if (!failed) {
                    try {
                        writer.write(pixels, time);
                    } catch (IOException | RuntimeException e) {
                        failed = true;
                        errors.accept("cannot write video file " + path + ": " + e.getMessage());
                    }
                }
                if (!free.offer(pixels)) {
                    MemoryUtil.memFree(pixels);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                writer.close();
            } catch (IOException | RuntimeException e) {
                errors.accept("cannot finish video file " + path + ": " + e.getMessage());
            }
        }
    }

    /** Stops taking frames and lets the encoder finish the file in the background. */
    private void finish() {
        if (!ended) {
            ended = true;
            try {
                frames.put(END);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Finishes the file: everything buffered is encoded first. */
    @Override
    public void close() {
        finish();
        try {
            encoder.join(TimeUnit.SECONDS.toMillis(60));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ByteBuffer pixels;
        while ((pixels = free.poll()) != null) {
            MemoryUtil.memFree(pixels);
        }
    }
}
