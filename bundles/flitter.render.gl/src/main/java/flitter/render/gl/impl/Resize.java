package flitter.render.gl.impl;

/**
 * Bilinear resizing of 8-bit RGBA pixels (rows top first, colours premultiplied), as Pillow's
 * {@code BILINEAR} resampling does it: a triangle filter, widened by the scale factor when shrinking so
 * that every source pixel counts, applied across then down, edge pixels weighted within the image.
 */
final class Resize {
    private Resize() {
    }

    static byte[] rgba(byte[] pixels, int width, int height, int newWidth, int newHeight) {
        float[] source = new float[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            source[i] = pixels[i] & 0xff;
        }
        float[] across = new float[newWidth * height * 4];
        Weights columns = new Weights(width, newWidth);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < newWidth; x++) {
                for (int c = 0; c < 4; c++) {
                    float sum = 0;
                    for (int k = 0; k < columns.count[x]; k++) {
                        sum += columns.weight[x][k] * source[(y * width + columns.first[x] + k) * 4 + c];
                    }
                    across[(y * newWidth + x) * 4 + c] = sum;
                }
            }
        }
        byte[] out = new byte[newWidth * newHeight * 4];
        Weights rows = new Weights(height, newHeight);
        for (int y = 0; y < newHeight; y++) {
            for (int x = 0; x < newWidth; x++) {
                for (int c = 0; c < 4; c++) {
                    float sum = 0;
                    for (int k = 0; k < rows.count[y]; k++) {
                        sum += rows.weight[y][k] * across[((rows.first[y] + k) * newWidth + x) * 4 + c];
                    }
                    out[(y * newWidth + x) * 4 + c] = (byte) Math.max(0, Math.min(255, Math.round(sum)));
                }
            }
        }
        return out;
    }

    /** For each output pixel along one axis: the first source pixel it reads, how many, and their weights. */
    private static final class Weights {
        final int[] first;
        final int[] count;
        final float[][] weight;

        Weights(int size, int newSize) {
            first = new int[newSize];
            count = new int[newSize];
            weight = new float[newSize][];
            double scale = (double) size / newSize;
            double widen = Math.max(scale, 1);
            double support = widen;
            for (int i = 0; i < newSize; i++) {
                double centre = (i + 0.5) * scale;
                int from = Math.max(0, (int) Math.floor(centre - support + 0.5));
                int to = Math.min(size, (int) Math.floor(centre + support + 0.5));
                float[] w = new float[Math.max(0, to - from)];
                double total = 0;
                for (int j = from; j < to; j++) {
                    double distance = Math.abs((j + 0.5 - centre) / widen);
                    double v = Math.max(0, 1 - distance);
                    w[j - from] = (float) v;
                    total += v;
                }
                if (total > 0) {
                    for (int k = 0; k < w.length; k++) {
                        w[k] /= (float) total;
                    }
                }
                first[i] = from;
                count[i] = w.length;
                weight[i] = w;
            }
        }
    }
}
