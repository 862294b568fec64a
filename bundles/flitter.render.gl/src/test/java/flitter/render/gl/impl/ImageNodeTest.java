package flitter.render.gl.impl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import flitter.render.gl.RenderTarget;

/** {@code !image}: files read into textures the right way up, flipped, resized and reloaded. */
class ImageNodeTest {
    private static final int RED = 0xffff0000;
    private static final int GREEN = 0xff00ff00;
    private static final int BLUE = 0xff0000ff;
    private static final int WHITE = 0xffffffff;

    @TempDir
    Path folder;

    private long now;

    /** An offscreen window for a program in {@link #folder}, whose images check their files by {@link #now}. */
    private Offscreen window() {
        return new Offscreen().at(folder.resolve("program.fl")).with("image", new ImageNodeFactory(() -> now));
    }

    /** Writes a PNG of {@code width} columns, rows top first. */
    private Path png(String name, int width, int... argb) throws IOException {
        BufferedImage image = new BufferedImage(width, argb.length / width, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(0, 0, width, argb.length / width, argb, 0, width);
        Path file = folder.resolve(name);
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    private static int[] rgba(int argb) {
        return new int[] {argb >> 16 & 0xff, argb >> 8 & 0xff, argb & 0xff, argb >>> 24};
    }

    /** The four corners of a 2x2 (or larger) output, top-left, top-right, bottom-left, bottom-right. */
    private static void assertCorners(RenderTarget out, int topLeft, int topRight, int bottomLeft, int bottomRight) {
        int right = out.width() - 1;
        int top = out.height() - 1;
        assertArrayEquals(rgba(topLeft), Offscreen.pixel(out, 0, top), "top left");
        assertArrayEquals(rgba(topRight), Offscreen.pixel(out, right, top), "top right");
        assertArrayEquals(rgba(bottomLeft), Offscreen.pixel(out, 0, 0), "bottom left");
        assertArrayEquals(rgba(bottomRight), Offscreen.pixel(out, right, 0), "bottom right");
    }

    @Test
    void theImagesTopRowIsAtTheTop() throws Exception {
        png("square.png", 2, RED, GREEN, BLUE, WHITE);
        try (Offscreen window = window()) {
            RenderTarget out = window.render("!offscreen size=2;2 colorbits=8\n    !image filename='square.png'");
            assertCorners(out, RED, GREEN, BLUE, WHITE);
            assertEquals(List.of(), window.errors);
        }
    }

    @Test
    void flipMirrorsTheImage() throws Exception {
        png("square.png", 2, RED, GREEN, BLUE, WHITE);
        try (Offscreen window = window()) {
            String program = "!offscreen size=2;2 colorbits=8\n    !image filename='square.png' flip=";
            assertCorners(window.render(program + ":horizontal"), GREEN, RED, WHITE, BLUE);
            assertCorners(window.render(program + ":vertical"), BLUE, WHITE, RED, GREEN);
            assertCorners(window.render(program + ":both"), WHITE, BLUE, GREEN, RED);
            assertCorners(window.render(program + "null"), RED, GREEN, BLUE, WHITE);
        }
    }

    @Test
    void theImageKeepsItsOwnSizeUnlessGivenOne() throws Exception {
        png("square.png", 2, RED, GREEN, BLUE, WHITE);
        try (Offscreen window = window()) {
            // Sampled without filtering, a 2x2 image fills the 8x8 window in four solid blocks.
            RenderTarget own = window.render("!offscreen size=8;8 colorbits=8 nearest=true\n    !image filename='square.png'");
            assertCorners(own, RED, GREEN, BLUE, WHITE);
            assertArrayEquals(rgba(RED), Offscreen.pixel(own, 3, 4));
            assertArrayEquals(rgba(GREEN), Offscreen.pixel(own, 4, 4));
            assertArrayEquals(rgba(BLUE), Offscreen.pixel(own, 3, 3));
            RenderTarget scaled = window.render("!offscreen size=4;4 colorbits=8\n    !image filename='square.png' size=4;4");
            assertCorners(scaled, RED, GREEN, BLUE, WHITE);
            // Upscaled bilinearly: the second pixel of the top row is 3/4 red and 1/4 green (in sRGB bytes),
            // read here as the linear values the 8-bit window holds.
            int[] blend = Offscreen.pixel(scaled, 1, 3);
            assertEquals(linear(191), blend[0], 1);
            assertEquals(linear(64), blend[1], 1);
            assertEquals(0, blend[2]);
            assertEquals(255, blend[3]);
        }
    }

    @Test
    void anImageCanBeShrunk() throws Exception {
        png("wide.png", 4, RED, RED, BLUE, BLUE, RED, RED, BLUE, BLUE);
        try (Offscreen window = window()) {
            RenderTarget out = window.render("!offscreen size=2;1 colorbits=8\n    !image filename='wide.png' size=2;1");
            // Shrinking widens the filter to two source pixels either side: weights 3/7, 3/7, 1/7 (sRGB bytes 219 and 36).
            int[] left = Offscreen.pixel(out, 0, 0);
            int[] right = Offscreen.pixel(out, 1, 0);
            assertEquals(linear(219), left[0], 1);
            assertEquals(linear(36), left[2], 1);
            assertEquals(linear(36), right[0], 1);
            assertEquals(linear(219), right[2], 1);
            assertEquals(255, left[3]);
        }
    }

    /** An sRGB byte as the linear byte a plain 8-bit target stores. */
    private static int linear(int srgb) {
        double c = srgb / 255.0;
        double l = c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
        return (int) Math.round(l * 255);
    }

    @Test
    void theFileIsReadAgainWhenItChangesLookingAtMostOnceASecond() throws Exception {
        Path file = png("square.png", 2, RED, GREEN, BLUE, WHITE);
        String program = "!offscreen size=2;2 colorbits=8\n    !image filename='square.png'";
        try (Offscreen window = window()) {
            assertCorners(window.render(program), RED, GREEN, BLUE, WHITE);
            png("square.png", 2, WHITE, BLUE, GREEN, RED);
            Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(10)));
            now += ImageNode.CHECK_INTERVAL_NANOS / 2;
            assertCorners(window.render(program), RED, GREEN, BLUE, WHITE);
            now += ImageNode.CHECK_INTERVAL_NANOS / 2;
            assertCorners(window.render(program), WHITE, BLUE, GREEN, RED);
            assertEquals(List.of(), window.errors);
        }
    }

    @Test
    void aMissingFileIsReportedOnceAndRendersTransparent() throws Exception {
        String program = "!offscreen size=2;2 colorbits=8\n    !image filename='missing.png'";
        try (Offscreen window = window()) {
            for (int frame = 0; frame < 3; frame++) {
                assertCorners(window.render(program), 0, 0, 0, 0);
                now += ImageNode.CHECK_INTERVAL_NANOS;
            }
            assertEquals(1, window.errors.size(), window.errors.toString());
            String error = window.errors.get(0);
            assertTrue(error.startsWith("offscreen/image: image file not found: " + folder.resolve("missing.png")), error);
            png("missing.png", 2, RED, GREEN, BLUE, WHITE);
            assertCorners(window.render(program), RED, GREEN, BLUE, WHITE);
        }
    }

    @Test
    void aFileThatIsNoImageIsReportedOnceAndRendersTransparent() throws Exception {
        Files.writeString(folder.resolve("notes.png"), "not a picture");
        String program = "!offscreen size=2;2 colorbits=8\n    !image filename='notes.png'";
        try (Offscreen window = window()) {
            assertCorners(window.render(program), 0, 0, 0, 0);
            now += ImageNode.CHECK_INTERVAL_NANOS;
            assertCorners(window.render(program), 0, 0, 0, 0);
            assertEquals(1, window.errors.size(), window.errors.toString());
            assertTrue(window.errors.get(0).contains(folder.resolve("notes.png").toString()), window.errors.get(0));
        }
    }

    @Test
    void coloursArePremultipliedAndGrayImagesKeepTheirLevels() throws Exception {
        png("translucent.png", 1, 0x80ff0000);
        BufferedImage gray = new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_GRAY);
        gray.getRaster().setSample(0, 0, 0, 128);
        ImageIO.write(gray, "png", folder.resolve("gray.png").toFile());
        try (Offscreen window = window()) {
            int[] translucent = Offscreen.pixel(window.render("!offscreen size=1;1 colorbits=8\n    !image filename='translucent.png'"), 0, 0);
            assertEquals(linear(128), translucent[0], 1);
            assertEquals(128, translucent[3]);
            int[] level = Offscreen.pixel(window.render("!offscreen size=1;1 colorbits=8\n    !image filename='gray.png'"), 0, 0);
            assertArrayEquals(new int[] {linear(128), linear(128), linear(128), 255}, level);
        }
    }

    @Test
    void jpegFilesAreReadToo() throws Exception {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                image.setRGB(x, y, y < 4 ? 0xffffff : 0x000000);
            }
        }
        ImageIO.write(image, "jpeg", folder.resolve("photo.jpg").toFile());
        try (Offscreen window = window()) {
            RenderTarget out = window.render("!offscreen size=8;8 colorbits=8\n    !image filename='photo.jpg'");
            assertTrue(Offscreen.pixel(out, 0, 7)[0] > 240, "white at the top");
            assertTrue(Offscreen.pixel(out, 0, 0)[0] < 15, "black at the bottom");
        }
    }
}
