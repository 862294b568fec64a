package flitter.webrtc.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;

import org.junit.jupiter.api.Test;

/** Received video to RGBA on the CPU: the shader's limited-range constants, rows bottom up. */
class YuvToRgbTest {
    /** The shader's arithmetic in doubles: {@code srgb * ((yuv - offset) * scale)}, as 8-bit. */
    private static int[] expected(int y, int u, int v) {
        double luma = (y / 255.0 - 0.0627451) * 1.138393;
        double cu = (u / 255.0 - 0.5) * 1.138393;
        double cv = (v / 255.0 - 0.5) * 1.138393;
        return new int[] {
            toByte(luma + 1.28033 * cv), toByte(luma - 0.21482 * cu - 0.38059 * cv), toByte(luma + 2.12798 * cu),
        };
    }

    private static int toByte(double value) {
        return (int) Math.round(Math.max(0, Math.min(1, value)) * 255);
    }

    private static ByteBuffer plane(int... values) {
        ByteBuffer plane = ByteBuffer.allocateDirect(values.length);
        for (int value : values) {
            plane.put((byte) value);
        }
        return plane.flip();
    }

    private static int[] pixel(ByteBuffer rgba, int index) {
        return new int[] {rgba.get(4 * index) & 0xff, rgba.get(4 * index + 1) & 0xff, rgba.get(4 * index + 2) & 0xff,
            rgba.get(4 * index + 3) & 0xff};
    }

    @Test
    void everyColourIsWithinOneStepOfTheShadersAndOpaque() {
        ByteBuffer rgba = ByteBuffer.allocateDirect(4 * 2 * 2);
        for (int y = 0; y < 256; y += 3) {
            for (int u = 0; u < 256; u += 17) {
                for (int v = 0; v < 256; v += 17) {
                    YuvToRgb.convert(2, 2, plane(y, y, y, y), 2, plane(u), 1, plane(v), 1, rgba);
                    int[] want = expected(y, u, v);
                    for (int index = 0; index < 4; index++) {
                        int[] got = pixel(rgba, index);
                        for (int channel = 0; channel < 3; channel++) {
                            assertEquals(want[channel], got[channel], 1,
                                "Y " + y + " U " + u + " V " + v + ", channel " + channel);
                        }
                        assertEquals(255, got[3]);
                    }
                }
            }
        }
    }

    @Test
    void theOriginalsWhiteIsNotQuiteFullScale() {
        // The original plugin scales luma by 255/224 rather than 255/219 (and centres chroma at 0.5
        // rather than 128/255): video white shows as about 249-251, not 255.
        ByteBuffer rgba = ByteBuffer.allocateDirect(4);
        YuvToRgb.convert(1, 1, plane(235), 1, plane(128), 1, plane(128), 1, rgba);
        for (int channel = 0; channel < 3; channel++) {
            int value = pixel(rgba, 0)[channel];
            assertTrue(value >= 248 && value <= 251, "channel " + channel + ": " + value);
        }
    }

    @Test
    void theFirstVideoRowBecomesTheTopGlRowAndOddEdgesUseTheLastChromaSample() {
        // 3x3 with strides wider than the rows: luma 50, 100, 150 by row; the right column's chroma
        // differs from the left's, and the bottom row's chroma from the top's.
        int width = 3;
        int height = 3;
        ByteBuffer y = plane(50, 50, 50, 0, 100, 100, 100, 0, 150, 150, 150, 0);
        ByteBuffer u = plane(128, 90, 0, 128, 200, 0);
        ByteBuffer v = plane(128, 240, 0, 128, 60, 0);
        ByteBuffer rgba = ByteBuffer.allocateDirect(4 * width * height);
        YuvToRgb.convert(width, height, y, 4, u, 3, v, 3, rgba);
        int[][] lumas = {{50, 50, 50}, {100, 100, 100}, {150, 150, 150}};
        for (int row = 0; row < height; row++) {
            for (int column = 0; column < width; column++) {
                int chroma = (row / 2) * 3 + column / 2;
                int[] want = expected(lumas[row][column], u.get(chroma) & 0xff, v.get(chroma) & 0xff);
                // GL rows run bottom up: video row 0 is the last GL row.
                int[] got = pixel(rgba, (height - 1 - row) * width + column);
                for (int channel = 0; channel < 3; channel++) {
                    assertEquals(want[channel], got[channel], 1, "row " + row + ", column " + column);
                }
            }
        }
    }
}
