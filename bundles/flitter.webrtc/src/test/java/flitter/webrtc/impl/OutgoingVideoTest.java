package flitter.webrtc.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.onvoid.webrtc.media.video.NativeI420Buffer;

/** The RGBA-to-I420 conversion of outgoing frames: colours as BT.601 limited range, rows top down. */
class OutgoingVideoTest {
    @BeforeAll
    static void loadNativeLibrary() throws ClassNotFoundException {
        // The factory class loads webrtc-java's native library, as the endpoint service does first.
        Class.forName("dev.onvoid.webrtc.PeerConnectionFactory");
    }

    /** 4x4 RGBA, bottom row first as GL reads it: the bottom half red, the top half white. */
    private static ByteBuffer redBelowWhite() {
        ByteBuffer rgba = ByteBuffer.allocateDirect(4 * 4 * 4);
        for (int row = 0; row < 4; row++) {
            for (int column = 0; column < 4; column++) {
                boolean bottom = row < 2;
                rgba.put((byte) 255).put((byte) (bottom ? 0 : 255)).put((byte) (bottom ? 0 : 255)).put((byte) 255);
            }
        }
        return rgba.flip();
    }

    @Test
    void theFirstVideoRowIsTheTopOfTheImageAndColoursAreBt601LimitedRange() throws Exception {
        NativeI420Buffer i420 = OutgoingVideo.toI420(redBelowWhite(), 4, 4);
        try {
            ByteBuffer y = i420.getDataY();
            ByteBuffer u = i420.getDataU();
            ByteBuffer v = i420.getDataV();
            // Top rows white: Y 235, U = V = 128.
            assertEquals(235, y.get(0) & 0xff, 2);
            assertEquals(128, u.get(0) & 0xff, 2);
            assertEquals(128, v.get(0) & 0xff, 2);
            // Bottom rows red: Y 81, U 90, V 240.
            int lastRow = 3 * i420.getStrideY();
            assertEquals(81, y.get(lastRow) & 0xff, 2);
            assertEquals(90, u.get(i420.getStrideU()) & 0xff, 2);
            assertEquals(240, v.get(i420.getStrideV()) & 0xff, 2);
        } finally {
            i420.release();
        }
    }

    @Test
    void oddSizesConvertEveryRow() throws Exception {
        ByteBuffer rgba = ByteBuffer.allocateDirect(3 * 5 * 4);
        for (int row = 0; row < 5; row++) {
            for (int column = 0; column < 3; column++) {
                byte grey = (byte) (row * 50);
                rgba.put(grey).put(grey).put(grey).put((byte) 255);
            }
        }
        NativeI420Buffer i420 = OutgoingVideo.toI420(rgba.flip(), 3, 5);
        try {
            // The bottom GL row (black) is the last video row; the top one (grey 200) the first.
            assertEquals(16 + Math.round(200 * 219 / 255f), i420.getDataY().get(0) & 0xff, 2);
            assertEquals(16, i420.getDataY().get(4 * i420.getStrideY()) & 0xff, 2);
        } finally {
            i420.release();
        }
    }
}
