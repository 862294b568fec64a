package flitter.webrtc.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.onvoid.webrtc.media.video.NativeI420Buffer;
import dev.onvoid.webrtc.media.video.VideoFrame;

/** The hand-over of received frames from WebRTC's thread to the render thread. */
class ReceivedFramesTest {
    @BeforeAll
    static void loadNativeLibrary() throws ClassNotFoundException {
        Class.forName("dev.onvoid.webrtc.PeerConnectionFactory");
    }

    /** A frame of one grey level (luma), neutral chroma. */
    private static VideoFrame frame(int width, int height, int luma) {
        NativeI420Buffer buffer = NativeI420Buffer.allocate(width, height);
        for (int i = 0; i < buffer.getStrideY() * height; i++) {
            buffer.getDataY().put(i, (byte) luma);
        }
        int chroma = buffer.getStrideU() * ((height + 1) / 2);
        for (int i = 0; i < chroma; i++) {
            buffer.getDataU().put(i, (byte) 128);
            buffer.getDataV().put(i, (byte) 128);
        }
        return new VideoFrame(buffer, System.nanoTime());
    }

    @Test
    void withoutConversionOnlyTheNewestNativeFrameWaits() {
        ReceivedFrames frames = new ReceivedFrames();
        frames.received(frame(4, 4, 16));
        VideoFrame newest = frame(4, 4, 235);
        frames.received(newest);
        VideoFrame taken = frames.takeFrame();
        assertSame(newest, taken);
        assertNull(frames.takeFrame(), "taken once");
        assertNull(frames.takeImage(), "nothing converted");
        taken.release();
    }

    @Test
    void withConversionTheNewestArrivesAsRgbaAtItsOwnSize() {
        ReceivedFrames frames = new ReceivedFrames();
        frames.convertToRgba(true);
        frames.received(frame(4, 4, 16));
        frames.received(frame(6, 2, 235));
        assertNull(frames.takeFrame(), "no native frame is kept");
        ReceivedFrames.Image image = frames.takeImage();
        assertNotNull(image);
        assertEquals(6, image.width());
        assertEquals(2, image.height());
        assertEquals(4 * 6 * 2, image.pixels().capacity());
        assertEquals(249, image.pixels().get(1) & 0xff, 1, "luma 235 as the original shows it");
        assertEquals(255, image.pixels().get(3) & 0xff);
        assertNull(frames.takeImage(), "taken once");
        frames.recycle(image);
        // A recycled buffer serves the next frame of its size.
        frames.received(frame(6, 2, 16));
        ReceivedFrames.Image next = frames.takeImage();
        assertSame(image.pixels(), next.pixels());
        assertEquals(0, next.pixels().get(1) & 0xff, "luma 16 is black");
        frames.recycle(next);
        frames.drop(true);
    }

    @Test
    void droppingReleasesWhatWaitsAndIgnoresArrivalsUntilItEnds() {
        ReceivedFrames frames = new ReceivedFrames();
        frames.received(frame(4, 4, 16));
        frames.drop(true);
        assertNull(frames.takeFrame(), "what waited is gone");
        frames.received(frame(4, 4, 16));
        frames.convertToRgba(true);
        frames.received(frame(4, 4, 16));
        assertNull(frames.takeFrame(), "arrivals between calls are dropped");
        assertNull(frames.takeImage(), "arrivals between calls are dropped");
        frames.drop(false);
        frames.received(frame(4, 4, 16));
        ReceivedFrames.Image image = frames.takeImage();
        assertNotNull(image, "the next call's frames are kept");
        frames.drop(true);
        frames.recycle(image);  // given back after dropping began: freed, not kept
        frames.drop(false);
        frames.received(frame(4, 4, 16));
        ReceivedFrames.Image last = frames.takeImage();
        assertNotNull(last);
        frames.recycle(last);
        frames.drop(true);
    }
}
