package flitter.webrtc.impl;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;

import dev.onvoid.webrtc.media.video.I420Buffer;

/**
 * Limited-range I420 to 8-bit RGBA on the CPU, with the same constants as {@link IncomingVideo}'s shader
 * (the original plugin's), in 16-bit fixed point: each channel is within one step of the shader's. Rows
 * are written bottom up, as GL expects them. Used where the GL renderer is itself the CPU (Mesa's
 * llvmpipe), for which a full-frame shader pass costs several times this loop.
 */
public final class YuvToRgb {
    private static final double SCALE = 1.138393;
    private static final int[] LUMA = new int[256];
    private static final int[] RED_V = new int[256];
    private static final int[] GREEN_U = new int[256];
    private static final int[] GREEN_V = new int[256];
    private static final int[] BLUE_U = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            double luma = (i / 255.0 - 0.0627451) * SCALE;
            double chroma = (i / 255.0 - 0.5) * SCALE;
            // Each term in 255ths of full scale, times 2^16; the half for rounding rides on the luma.
            LUMA[i] = (int) Math.round(luma * 255 * 65536) + 32768;
            RED_V[i] = (int) Math.round(1.28033 * chroma * 255 * 65536);
            GREEN_U[i] = (int) Math.round(-0.21482 * chroma * 255 * 65536);
            GREEN_V[i] = (int) Math.round(-0.38059 * chroma * 255 * 65536);
            BLUE_U[i] = (int) Math.round(2.12798 * chroma * 255 * 65536);
        }
    }

    private YuvToRgb() {
    }

    /** Writes {@code frame} as RGBA (alpha 255), bottom row first, into {@code rgba} from its position 0. */
    public static void convert(I420Buffer frame, ByteBuffer rgba) {
        convert(frame.getWidth(), frame.getHeight(), frame.getDataY(), frame.getStrideY(), frame.getDataU(),
            frame.getStrideU(), frame.getDataV(), frame.getStrideV(), rgba);
    }

    /** The same from planes: rows of {@code stride} bytes, chroma at half size rounded up. */
    static void convert(int width, int height, ByteBuffer y, int strideY, ByteBuffer u, int strideU, ByteBuffer v,
            int strideV, ByteBuffer rgba) {
        byte[] lumaRow = new byte[width];
        byte[] uRow = new byte[(width + 1) / 2];
        byte[] vRow = new byte[(width + 1) / 2];
        int[] out = new int[width];
        IntBuffer pixels = rgba.duplicate().order(ByteOrder.LITTLE_ENDIAN).position(0).asIntBuffer();
        for (int row = 0; row < height; row++) {
            y.get(row * strideY, lumaRow);
            if ((row & 1) == 0) {
                u.get((row >> 1) * strideU, uRow);
                v.get((row >> 1) * strideV, vRow);
            }
            for (int x = 0; x < width; x += 2) {
                int cu = uRow[x >> 1] & 0xff;
                int cv = vRow[x >> 1] & 0xff;
                int red = RED_V[cv];
                int green = GREEN_U[cu] + GREEN_V[cv];
                int blue = BLUE_U[cu];
                int l = LUMA[lumaRow[x] & 0xff];
                out[x] = pixel(l + red, l + green, l + blue);
                if (x + 1 < width) {
                    l = LUMA[lumaRow[x + 1] & 0xff];
                    out[x + 1] = pixel(l + red, l + green, l + blue);
                }
            }
            pixels.put((height - 1 - row) * width, out);
        }
    }

    /** Packs three 16-bit fixed-point channels, each clamped to 0-255, with opaque alpha. */
    private static int pixel(int red, int green, int blue) {
        int r = red >> 16;
        int g = green >> 16;
        int b = blue >> 16;
        if (((r | g | b) & ~0xff) != 0) {
            r = r < 0 ? 0 : Math.min(r, 255);
            g = g < 0 ? 0 : Math.min(g, 255);
            b = b < 0 ? 0 : Math.min(b, 255);
        }
        return 0xff000000 | b << 16 | g << 8 | r;
    }
}
