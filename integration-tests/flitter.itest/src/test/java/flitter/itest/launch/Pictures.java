package flitter.itest.launch;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

/**
 * What a Java host running src/test/fl/call.fl shows: it records its output once a second as
 * STATE-SECOND.png, a four-quadrant picture (its own, or the other side's once video arrives).
 */
final class Pictures {
    /** Codec tolerance per channel, as in the in-framework WebRTC tests. */
    static final int TOLERANCE = 60;
    /** A Java host's picture, and the Python peers': red, green, blue, white (TL, TR, BL, BR). */
    static final String[] RGBW = {"1;0;0", "0;1;0", "0;0;1", "1;1;1"};
    static final int[][] RGBW_SEEN = {{255, 0, 0}, {0, 255, 0}, {0, 0, 255}, {255, 255, 255}};
    /** The other Java host's picture: yellow, magenta, cyan, black. */
    static final String[] YMCK = {"1;1;0", "1;0;1", "0;1;1", "0;0;0"};
    static final int[][] YMCK_SEEN = {{255, 255, 0}, {255, 0, 255}, {0, 255, 255}, {0, 0, 0}};

    private Pictures() {
    }

    /**
     * Waits for a picture recorded in {@code state} ({@code ""} for none) that shows {@code expected};
     * returns it. Pictures are looked at newest first.
     */
    static Path await(Path out, String state, int[][] expected, Duration timeout) throws Exception {
        return await(out, state, expected, timeout, 0);
    }

    /** {@link #await(Path, String, int[][], Duration)} among pictures written at {@code since} or later. */
    static Path await(Path out, String state, int[][] expected, Duration timeout, long since) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        String seen = "nothing";
        while (System.nanoTime() < deadline) {
            for (Path picture : list(out, state)) {
                if (Files.getLastModifiedTime(picture).toMillis() < since) {
                    continue;
                }
                int[][] quadrants = quadrants(picture);
                if (quadrants != null && close(quadrants, expected)) {
                    return picture;
                }
                if (quadrants != null) {
                    seen = picture.getFileName() + " " + Arrays.deepToString(quadrants);
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no " + state + "-*.png in " + out + " showed " + Arrays.deepToString(expected)
            + " within " + timeout + "; last seen: " + seen + "; files: " + list(out, null));
    }

    /** Pictures recorded in {@code state} (any state when null), newest first. */
    static List<Path> list(Path out, String state) throws IOException {
        try (Stream<Path> files = Files.list(out)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".png"))
                .filter(p -> state == null || p.getFileName().toString().startsWith(state + "-"))
                .sorted(Comparator.comparingLong(Pictures::second).reversed())
                .toList();
        }
    }

    private static long second(Path picture) {
        String name = picture.getFileName().toString();
        return Long.parseLong(name.substring(name.lastIndexOf('-') + 1, name.length() - 4));
    }

    /** The colours at the quadrants' centres (TL, TR, BL, BR), or null while the file is being written. */
    private static int[][] quadrants(Path picture) {
        try {
            BufferedImage image = ImageIO.read(picture.toFile());
            if (image == null) {
                return null;
            }
            double[][] centres = {{0.25, 0.25}, {0.75, 0.25}, {0.25, 0.75}, {0.75, 0.75}};
            int[][] rgb = new int[4][];
            for (int q = 0; q < 4; q++) {
                int p = image.getRGB((int) (centres[q][0] * image.getWidth()), (int) (centres[q][1] * image.getHeight()));
                rgb[q] = new int[] {(p >> 16) & 0xff, (p >> 8) & 0xff, p & 0xff};
            }
            return rgb;
        } catch (IOException e) {
            return null;
        }
    }

    static boolean close(int[][] seen, int[][] expected) {
        for (int q = 0; q < 4; q++) {
            for (int c = 0; c < 3; c++) {
                if (Math.abs(seen[q][c] - expected[q][c]) > TOLERANCE) {
                    return false;
                }
            }
        }
        return true;
    }
}
