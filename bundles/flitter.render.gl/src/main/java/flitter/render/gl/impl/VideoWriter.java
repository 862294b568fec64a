package flitter.render.gl.impl;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

import org.jcodec.codecs.h264.H264Encoder;
import org.jcodec.codecs.h264.encode.DumbRateControl;
import org.jcodec.codecs.h264.io.model.SeqParameterSet;
import org.jcodec.codecs.h264.io.model.VUIParameters;
import org.jcodec.codecs.vpx.VP8Encoder;
import org.jcodec.common.Codec;
import org.jcodec.common.MuxerTrack;
import org.jcodec.common.VideoCodecMeta;
import org.jcodec.common.VideoEncoder;
import org.jcodec.common.io.FileChannelWrapper;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Packet;
import org.jcodec.common.model.Picture;
import org.jcodec.common.model.Rect;
import org.jcodec.common.model.Size;
import org.jcodec.containers.mp4.Brand;
import org.jcodec.containers.mp4.muxer.MP4Muxer;

/**
 * Writes rendered frames to a video file: H.264 in MP4 ({@code .mp4}, {@code .m4v}) or QuickTime
 * ({@code .mov}), or VP8 in Matroska
 * ({@code .webm}, {@code .mkv}), encoded in pure Java by JCodec on the calling thread.
 *
 * <p>Frames come as 8-bit RGBA, bottom row first (what {@code RenderTarget.read} gives), and are
 * written upright as 4:2:0 YUV with BT.601 limited-range colours (the H.264 stream says so in its
 * VUI, so players that read the tag agree). Alpha is dropped.
 *
 * <p>Timing follows Flitter's {@code !record}: the file has a constant rate of {@code fps}, and a
 * frame goes to slot {@code round((timestamp - first timestamp) * fps)}. With {@code --lockstep} the
 * engine's clock advances exactly one slot per frame, so every frame is written. In real time, a
 * frame whose slot is already filled (the engine running faster than {@code fps}) is dropped, and
 * when the engine runs slower a frame stays on screen until the next one's slot, so the video plays
 * back at the speed it was made. Encoding happens in {@link #write}, on the caller's thread (a thread
 * of its own in {@link VideoRecording}), and
 * JCodec is slow: on the project's 2-core machines a 1280x720 frame of moving content takes
 * 60-130 ms in H.264 and 20-45 ms in VP8 (of which about 2 ms is the colour conversion), and JCodec
 * itself allocates about 43 MB (H.264) or 8 MB (VP8) per frame; this class allocates nothing per frame.
 *
 * <p>JCodec's VP8 encoder writes key frames only, so WebM files are several times larger than
 * H.264 ones; H.264 has a key frame every second.
 */
public final class VideoWriter implements AutoCloseable {
    private static final String SUPPORTED =
            "'.mp4' / '.m4v' / '.mov' (H.264, codec=:h264) or '.webm' / '.mkv' (VP8, codec=:vp8)";
    /** VP8 quantiser index (0 best .. 127 smallest): visually clean for rendered graphics. */
    private static final int VP8_QUANTISER = 10;

    private final Path path;
    private final int width;
    private final int height;
    private final int fps;
    private final VideoEncoder encoder;
    private final Picture picture;
    private final byte[] rows;
    private final ByteBuffer[] encoded = new ByteBuffer[2];
    private int current;
    private final FileChannel channel;
    private final MP4Muxer mp4;
    private final MuxerTrack mp4Track;
    private final MatroskaWriter matroska;
    private final Packet pending;
    private boolean hasPending;
    private double start;
    private long lastSlot = -1;
    private int frames;
    private boolean closed;

    private VideoWriter(Path path, String container, int width, int height, int fps) throws IOException {
        this.path = path;
        this.width = width;
        this.height = height;
        this.fps = fps;
        int paddedWidth = (width + 15) & ~15;
        int paddedHeight = (height + 15) & ~15;
        boolean matroskaFile = container.equals("webm") || container.equals("mkv");
        encoder = matroskaFile ? VP8Encoder.createVP8Encoder(VP8_QUANTISER) : new TaggedH264Encoder(fps);
        ColorSpace colour = encoder.getSupportedColorSpaces()[0];
        picture = Picture.createCropped(paddedWidth, paddedHeight, colour, new Rect(0, 0, width, height));
        rows = new byte[2 * width * 4];
        int capacity = encoder.estimateBufferSize(picture);
        encoded[0] = ByteBuffer.allocate(capacity);
        encoded[1] = ByteBuffer.allocate(capacity);
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            java.nio.file.Files.createDirectories(parent);
        }
        channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        try {
            if (!matroskaFile) {
                mp4 = MP4Muxer.createMP4Muxer(new FileChannelWrapper(channel),
                        container.equals("mov") ? Brand.MOV : Brand.MP4);
                mp4Track = mp4.addVideoTrack(Codec.H264,
                        VideoCodecMeta.createSimpleVideoCodecMeta(new Size(width, height), colour));
                pending = Packet.createPacket(null, 0, fps, 1, 0, Packet.FrameType.KEY, null);
                matroska = null;
            } else {
                matroska = new MatroskaWriter(channel, container.equals("webm") ? "webm" : "matroska",
                        width, height, fps);
                mp4 = null;
                mp4Track = null;
                pending = null;
            }
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * Opens {@code path} for frames of {@code width} x {@code height} at {@code fps} frames a second.
     * {@code codec} is Flitter's {@code codec=} attribute ({@code "h264"} or {@code "vp8"}); null takes
     * the one the extension implies. An existing file is replaced.
     *
     * @throws IllegalArgumentException for an extension or codec this writer cannot produce, with
     *     a message saying what it can
     */
    public static VideoWriter open(Path path, int width, int height, int fps, String codec) throws IOException {
        String name = path.getFileName() == null ? "" : path.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        String implied = switch (extension) {
            case "mp4", "m4v", "mov" -> "h264";
            case "webm", "mkv" -> "vp8";
            default -> throw new IllegalArgumentException("Cannot write video to '" + path + "': "
                    + (extension.isEmpty() ? "no file extension" : "unsupported extension '." + extension + "'")
                    + "; use " + SUPPORTED);
        };
        if (codec != null && !codec.toLowerCase(Locale.ROOT).equals(implied)) {
            throw new IllegalArgumentException("Cannot write video to '" + path + "': codec '" + codec
                    + "' is not available for '." + extension + "' files; use " + SUPPORTED);
        }
        if (width <= 0 || height <= 0 || (width & 1) != 0 || (height & 1) != 0) {
            throw new IllegalArgumentException("Cannot write video to '" + path + "': the frame size "
                    + width + "x" + height + " must be positive and even (4:2:0 video)");
        }
        if (fps <= 0) {
            throw new IllegalArgumentException("Cannot write video to '" + path + "': fps " + fps + " must be positive");
        }
        return new VideoWriter(path, extension, width, height, fps);
    }

    /**
     * Encodes one frame of {@code width * height} RGBA pixels, bottom row first, read from the
     * buffer's position (which is left unchanged), shown from {@code timestamp} seconds.
     *
     * @return false when the frame was dropped because its slot already has a frame
     */
    public boolean write(ByteBuffer rgbaBottomRowFirst, double timestamp) throws IOException {
        if (closed) {
            throw new IllegalStateException("Video file already closed: " + path);
        }
        if (rgbaBottomRowFirst.remaining() < width * height * 4) {
            throw new IllegalArgumentException("Frame for '" + path + "' has " + rgbaBottomRowFirst.remaining()
                    + " bytes; " + width + "x" + height + " RGBA needs " + width * height * 4);
        }
        if (lastSlot < 0) {
            start = timestamp;
        }
        long slot = Math.round((timestamp - start) * fps);
        if (slot <= lastSlot) {
            return false;
        }
        toYuv(rgbaBottomRowFirst);
        ByteBuffer out = encoded[current];
        out.clear();
        VideoEncoder.EncodedFrame frame = encoder.encodeFrame(picture, out);
        ByteBuffer data = frame.getData();
        if (mp4 != null) {
            // A sample's duration is known only when the next frame arrives: hold one back.
            flushPending(slot);
            pending.setData(data);
            pending.setPts(slot);
            pending.frameNo = frames;
            pending.setFrameType(frame.isKeyFrame() ? Packet.FrameType.KEY : Packet.FrameType.INTER);
            hasPending = true;
            current ^= 1;
        } else {
            matroska.write(data, slotMillis(slot), frame.isKeyFrame());
        }
        lastSlot = slot;
        frames++;
        return true;
    }

    /** Frames written so far (dropped ones not counted). */
    public int frames() {
        return frames;
    }

    public Path path() {
        return path;
    }

    /** Finishes the file so players can open it, and closes it. Safe to call more than once. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (mp4 != null) {
                flushPending(lastSlot + 1);
                mp4.finish();
            } else {
                matroska.finish(slotMillis(lastSlot + 1));
            }
        } finally {
            channel.close();
        }
    }

    private void flushPending(long nextSlot) throws IOException {
        if (hasPending) {
            pending.setDuration(nextSlot - pending.getPts());
            mp4Track.addFrame(pending);
            hasPending = false;
        }
    }

    private long slotMillis(long slot) {
        return Math.round(slot * 1000.0 / fps);
    }

    /**
     * RGBA (bottom row first) to the picture's 4:2:0 planes, top row first, BT.601 limited range,
     * stored as JCodec keeps 8-bit samples (value - 128). The padding up to whole macroblocks repeats
     * the last row and column.
     */
    private void toYuv(ByteBuffer rgba) {
        byte[] luma = picture.getPlaneData(0);
        byte[] cb = picture.getPlaneData(1);
        byte[] cr = picture.getPlaneData(2);
        int lumaStride = picture.getPlaneWidth(0);
        int chromaStride = picture.getPlaneWidth(1);
        int paddedHeight = picture.getHeight();
        int rowBytes = width * 4;
        int base = rgba.position();
        for (int y = 0; y < paddedHeight; y += 2) {
            if (y < height) {
                // Rows y and y + 1 from the top are rows height-1-y and height-2-y from the bottom.
                rgba.get(base + (height - 1 - y) * rowBytes, rows, 0, rowBytes);
                rgba.get(base + (height - 2 - y) * rowBytes, rows, rowBytes, rowBytes);
            }
            int top = y * lumaStride;
            int bottom = top + lumaStride;
            int chroma = (y >> 1) * chromaStride;
            for (int x = 0; x < lumaStride; x += 2) {
                int p = Math.min(x, width - 2) * 4;
                int r0 = rows[p] & 0xFF, g0 = rows[p + 1] & 0xFF, b0 = rows[p + 2] & 0xFF;
                int r1 = rows[p + 4] & 0xFF, g1 = rows[p + 5] & 0xFF, b1 = rows[p + 6] & 0xFF;
                int q = p + rowBytes;
                int r2 = rows[q] & 0xFF, g2 = rows[q + 1] & 0xFF, b2 = rows[q + 2] & 0xFF;
                int r3 = rows[q + 4] & 0xFF, g3 = rows[q + 5] & 0xFF, b3 = rows[q + 6] & 0xFF;
                luma[top + x] = luma(r0, g0, b0);
                luma[top + x + 1] = luma(r1, g1, b1);
                luma[bottom + x] = luma(r2, g2, b2);
                luma[bottom + x + 1] = luma(r3, g3, b3);
                int r = r0 + r1 + r2 + r3, g = g0 + g1 + g2 + g3, b = b0 + b1 + b2 + b3;
                int c = chroma + (x >> 1);
                cb[c] = (byte) (((-38 * r - 74 * g + 112 * b + 512) >> 10));
                cr[c] = (byte) (((112 * r - 94 * g - 18 * b + 512) >> 10));
            }
        }
    }

    /** BT.601 limited-range luma (16..235), less JCodec's 128 offset. */
    private static byte luma(int r, int g, int b) {
        return (byte) (((66 * r + 129 * g + 25 * b + 128) >> 8) + 16 - 128);
    }

    /** JCodec's H.264 encoder, saying in the stream that its colours are BT.601 limited range. */
    private static final class TaggedH264Encoder extends H264Encoder {
        TaggedH264Encoder(int fps) {
            super(new DumbRateControl());
            setKeyInterval(Math.max(1, fps));
        }

        @Override
        public SeqParameterSet initSPS(Size size) {
            SeqParameterSet sps = super.initSPS(size);
            VUIParameters vui = new VUIParameters();
            vui.videoSignalTypePresentFlag = true;
            vui.videoFormat = 5;                  // unspecified
            vui.videoFullRangeFlag = false;
            vui.colourDescriptionPresentFlag = true;
            vui.colourPrimaries = 6;              // SMPTE 170M (BT.601 525)
            vui.transferCharacteristics = 6;
            vui.matrixCoefficients = 6;
            sps.vuiParams = vui;
            return sps;
        }
    }
}
