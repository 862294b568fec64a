package flitter.render.gl.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jcodec.api.FrameGrab;
import org.jcodec.api.PictureWithMetadata;
import org.jcodec.common.DemuxerTrack;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.io.SeekableByteChannel;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Packet;
import org.jcodec.common.model.Picture;
import org.jcodec.containers.mkv.demuxer.MKVDemuxer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Frames of known content (four coloured quadrants and a black bar moving right along the middle),
 * written and decoded back with JCodec's own decoders.
 */
class VideoWriterTest {
    private static final int WIDTH = 256;
    private static final int HEIGHT = 144;   // not whole macroblocks: the stream is cropped
    private static final int FPS = 30;
    private static final int FRAMES = 5;
    private static final int[] TOP_LEFT = {255, 0, 0};
    private static final int[] TOP_RIGHT = {0, 255, 0};
    private static final int[] BOTTOM_LEFT = {0, 0, 255};
    private static final int[] BOTTOM_RIGHT = {255, 255, 255};
    private static final int BAR_WIDTH = 16;
    private static final int BAR_TOP = 64;
    private static final int BAR_BOTTOM = 80;
    /** Codec error allowed per channel, out of 255. */
    private static final int TOLERANCE = 24;

    @TempDir
    Path dir;

    @Test
    void mp4DecodesUprightWithItsColoursAndMotion() throws Exception {
        Path file = dir.resolve("out.mp4");
        writeLockstep(file, null);
        List<Picture> frames = new ArrayList<>();
        List<Double> times = new ArrayList<>();
        try (SeekableByteChannel in = NIOUtils.readableChannel(file.toFile())) {
            FrameGrab grab = FrameGrab.createFrameGrab(in);
            PictureWithMetadata frame;
            while ((frame = grab.getNativeFrameWithMetadata()) != null) {
                // The decoder reuses its picture: keep a copy.
                frames.add(frame.getPicture().cloneCropped());
                times.add(frame.getTimestamp());
            }
        }
        checkFrames(frames);
        for (int i = 0; i < FRAMES; i++) {
            assertEquals(i / (double) FPS, times.get(i), 1e-6, "time of frame " + i);
        }
    }

    @Test
    void movAndM4vAreH264Too() throws Exception {
        for (String name : List.of("out.mov", "out.m4v")) {
            Path file = dir.resolve(name);
            writeLockstep(file, null);
            List<Picture> frames = new ArrayList<>();
            try (SeekableByteChannel in = NIOUtils.readableChannel(file.toFile())) {
                FrameGrab grab = FrameGrab.createFrameGrab(in);
                PictureWithMetadata frame;
                while ((frame = grab.getNativeFrameWithMetadata()) != null) {
                    frames.add(frame.getPicture().cloneCropped());
                }
            }
            checkFrames(frames);
        }
        byte[] mov = Files.readAllBytes(dir.resolve("out.mov"));
        assertEquals("ftypqt  ", new String(mov, 4, 8, java.nio.charset.StandardCharsets.US_ASCII), "a QuickTime file");
    }

    @Test
    void webmHoldsEveryFrameAtItsTime() throws Exception {
        Path file = dir.resolve("out.webm");
        writeLockstep(file, "vp8");
        checkMatroska(file);
    }

    @Test
    void mkvIsMatroskaToo() throws Exception {
        Path file = dir.resolve("out.mkv");
        writeLockstep(file, null);
        checkMatroska(file);
    }

    /**
     * JCodec's VP8 decoder reads only single-partition streams, and its encoder writes several, so
     * VP8 pictures are checked with FFmpeg (and both files with it: what a standard player reads).
     * {@code ./flitter test} installs it; a bare {@code mvn} run without it skips this test.
     */
    @Test
    void ffmpegDecodesBothUprightWithTheirColoursAndMotion() throws Exception {
        Assumptions.assumeTrue(ffmpeg() != null, "ffmpeg is not installed");
        for (String name : List.of("out.webm", "out.mp4")) {
            Path file = dir.resolve(name);
            writeLockstep(file, null);
            checkFrames(decodeWithFfmpeg(file));
        }
    }

    @Test
    void realTimeFramesKeepTheirSlots() throws Exception {
        Path file = dir.resolve("realtime.mp4");
        ByteBuffer frame = frame(0);
        try (VideoWriter writer = VideoWriter.open(file, WIDTH, HEIGHT, FPS, "h264")) {
            assertTrue(writer.write(frame, 10.0));
            assertFalse(writer.write(frame, 10.01), "a second frame in the same slot is dropped");
            assertTrue(writer.write(frame, 10.0 + 1.0 / FPS));
            assertTrue(writer.write(frame, 10.0 + 4.0 / FPS), "a late frame goes to its own slot");
            assertEquals(3, writer.frames());
        }
        List<Double> times = new ArrayList<>();
        try (SeekableByteChannel in = NIOUtils.readableChannel(file.toFile())) {
            FrameGrab grab = FrameGrab.createFrameGrab(in);
            PictureWithMetadata decoded;
            while ((decoded = grab.getNativeFrameWithMetadata()) != null) {
                times.add(decoded.getTimestamp());
            }
        }
        assertEquals(List.of(0.0, 1.0 / FPS, 4.0 / FPS), times.stream().map(t -> Math.round(t * FPS) / (double) FPS).toList());
    }

    @Test
    void unknownExtensionIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> VideoWriter.open(dir.resolve("out.avi"), WIDTH, HEIGHT, FPS, null));
        assertTrue(e.getMessage().contains("unsupported extension '.avi'"), e.getMessage());
        assertTrue(e.getMessage().contains(".mp4") && e.getMessage().contains(".webm"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("out.avi")));
    }

    @Test
    void codecTheContainerCannotHoldIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> VideoWriter.open(dir.resolve("out.mp4"), WIDTH, HEIGHT, FPS, "hevc"));
        assertTrue(e.getMessage().contains("codec 'hevc'"), e.getMessage());
    }

    private static void writeLockstep(Path file, String codec) throws IOException {
        try (VideoWriter writer = VideoWriter.open(file, WIDTH, HEIGHT, FPS, codec)) {
            for (int i = 0; i < FRAMES; i++) {
                assertTrue(writer.write(frame(i), 100.0 + i / (double) FPS));
            }
            assertEquals(FRAMES, writer.frames());
        }
    }

    /** The container, read by JCodec: size, one key frame per lockstep frame, times in milliseconds. */
    private static void checkMatroska(Path file) throws IOException {
        List<Long> times = new ArrayList<>();
        try (SeekableByteChannel in = NIOUtils.readableChannel(file.toFile())) {
            MKVDemuxer demuxer = new MKVDemuxer(in);
            assertEquals(WIDTH, demuxer.getPictureWidth());
            assertEquals(HEIGHT, demuxer.getPictureHeight());
            DemuxerTrack track = demuxer.getVideoTracks().get(0);
            Packet packet;
            while ((packet = track.nextFrame()) != null) {
                ByteBuffer data = packet.getData();
                assertTrue(packet.isKeyFrame());
                // A VP8 key frame: start code 9d 01 2a, then the width and height.
                assertEquals(0x9d, data.get(data.position() + 3) & 0xFF);
                assertEquals(WIDTH, data.order(java.nio.ByteOrder.LITTLE_ENDIAN).getShort(data.position() + 6) & 0x3FFF);
                assertEquals(HEIGHT, data.getShort(data.position() + 8) & 0x3FFF);
                times.add(packet.getPts());
            }
        }
        List<Long> expected = new ArrayList<>();
        for (int i = 0; i < FRAMES; i++) {
            expected.add(Math.round(i * 1000.0 / FPS));
        }
        assertEquals(expected, times);
    }

    private static Path ffmpeg() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "ffmpeg");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static List<Picture> decodeWithFfmpeg(Path file) throws Exception {
        Process process = new ProcessBuilder(ffmpeg().toString(), "-v", "error", "-i", file.toString(),
                "-fps_mode", "passthrough", "-f", "rawvideo", "-pix_fmt", "yuv420p", "-")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        byte[] raw = process.getInputStream().readAllBytes();
        assertEquals(0, process.waitFor(), "ffmpeg exit status for " + file);
        int lumaSize = WIDTH * HEIGHT;
        int chromaSize = lumaSize / 4;
        assertEquals(0, raw.length % (lumaSize + 2 * chromaSize), "whole frames from ffmpeg");
        List<Picture> frames = new ArrayList<>();
        for (int at = 0; at < raw.length; at += lumaSize + 2 * chromaSize) {
            byte[][] planes = {
                java.util.Arrays.copyOfRange(raw, at, at + lumaSize),
                java.util.Arrays.copyOfRange(raw, at + lumaSize, at + lumaSize + chromaSize),
                java.util.Arrays.copyOfRange(raw, at + lumaSize + chromaSize, at + lumaSize + 2 * chromaSize),
            };
            for (byte[] plane : planes) {
                for (int i = 0; i < plane.length; i++) {
                    plane[i] = (byte) (plane[i] - 128);   // JCodec's sample convention
                }
            }
            frames.add(Picture.createPicture(WIDTH, HEIGHT, planes, ColorSpace.YUV420));
        }
        return frames;
    }

    /** Frame {@code i}, built as the renderer gives it: RGBA, bottom row first. */
    private static ByteBuffer frame(int i) {
        ByteBuffer rgba = ByteBuffer.allocateDirect(WIDTH * HEIGHT * 4);
        int barLeft = barLeft(i);
        for (int row = 0; row < HEIGHT; row++) {
            int y = HEIGHT - 1 - row;   // from the top
            for (int x = 0; x < WIDTH; x++) {
                int[] colour = y < HEIGHT / 2 ? (x < WIDTH / 2 ? TOP_LEFT : TOP_RIGHT)
                        : (x < WIDTH / 2 ? BOTTOM_LEFT : BOTTOM_RIGHT);
                boolean bar = y >= BAR_TOP && y < BAR_BOTTOM && x >= barLeft && x < barLeft + BAR_WIDTH;
                rgba.put((byte) (bar ? 0 : colour[0])).put((byte) (bar ? 0 : colour[1]))
                        .put((byte) (bar ? 0 : colour[2])).put((byte) 255);
            }
        }
        return rgba.flip();
    }

    private static int barLeft(int i) {
        return 16 + 40 * i;
    }

    private static void checkFrames(List<Picture> frames) {
        assertEquals(FRAMES, frames.size(), "frames decoded");
        for (int i = 0; i < FRAMES; i++) {
            Picture picture = frames.get(i);
            assertNotNull(picture);
            assertEquals(WIDTH, picture.getCroppedWidth(), "width");
            assertEquals(HEIGHT, picture.getCroppedHeight(), "height");
            String at = "frame " + i + " ";
            assertColour(TOP_LEFT, picture, WIDTH / 4, HEIGHT / 4, at + "top left");
            assertColour(TOP_RIGHT, picture, 3 * WIDTH / 4, HEIGHT / 4, at + "top right");
            assertColour(BOTTOM_LEFT, picture, WIDTH / 4, 3 * HEIGHT / 4, at + "bottom left");
            assertColour(BOTTOM_RIGHT, picture, 3 * WIDTH / 4, 3 * HEIGHT / 4, at + "bottom right");
            int middle = (BAR_TOP + BAR_BOTTOM) / 2;
            assertColour(new int[] {0, 0, 0}, picture, barLeft(i) + BAR_WIDTH / 2, middle - 4, at + "bar");
            if (i > 0) {
                int previous = barLeft(i - 1) + BAR_WIDTH / 2;
                assertColour(previous < WIDTH / 2 ? TOP_LEFT : TOP_RIGHT, picture, previous, middle - 6,
                        at + "where the bar was");
            }
        }
    }

    /** Compares with the BT.601 limited-range reading of the decoded samples at (x, y) from the top left. */
    private static void assertColour(int[] expected, Picture picture, int x, int y, String what) {
        int luma = sample(picture, 0, x, y) - 16;
        int cb = sample(picture, 1, x / 2, y / 2) - 128;
        int cr = sample(picture, 2, x / 2, y / 2) - 128;
        int[] rgb = {
            clamp(Math.round(1.164f * luma + 1.596f * cr)),
            clamp(Math.round(1.164f * luma - 0.392f * cb - 0.813f * cr)),
            clamp(Math.round(1.164f * luma + 2.017f * cb)),
        };
        for (int c = 0; c < 3; c++) {
            int channel = c;
            assertTrue(Math.abs(rgb[c] - expected[c]) <= TOLERANCE, () -> what + ": expected rgb "
                    + java.util.Arrays.toString(expected) + " but decoded " + java.util.Arrays.toString(rgb)
                    + " (channel " + channel + ")");
        }
    }

    private static int sample(Picture picture, int plane, int x, int y) {
        return picture.getPlaneData(plane)[y * picture.getPlaneWidth(plane) + x] + 128;
    }

    private static int clamp(int value) {
        return Math.max(0, Math.min(255, value));
    }
}
