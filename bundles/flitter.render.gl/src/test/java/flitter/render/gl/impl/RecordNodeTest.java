package flitter.render.gl.impl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import flitter.render.gl.ProgramNode;
import flitter.render.gl.RenderTarget;
import flitter.render.gl.WindowNodeFactory;

/** {@code !record}: still images written the right way up, once per file. */
class RecordNodeTest {
    @TempDir
    Path folder;

    private Offscreen window() {
        return new Offscreen().at(folder.resolve("program.fl"))
            .with("image", new ImageNodeFactory())
            .with("record", new RecordNodeFactory());
    }

    private Path png(String name, int width, int... argb) throws IOException {
        BufferedImage image = new BufferedImage(width, argb.length / width, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(0, 0, width, argb.length / width, argb, 0, width);
        Path file = folder.resolve(name);
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    private BufferedImage read(String name) throws IOException {
        BufferedImage image = ImageIO.read(folder.resolve(name).toFile());
        if (image == null) {
            throw new AssertionError(name + " is not an image");
        }
        return image;
    }

    private static String record(String attributes) {
        return "!offscreen size=2;2 colorbits=8\n    !record " + attributes + "\n        !image filename='square.png'";
    }

    @Test
    void aPngIsWrittenTheRightWayUp() throws Exception {
        png("square.png", 2, 0xffff0000, 0xff00ff00, 0xff0000ff, 0xff808080);
        try (Offscreen window = window()) {
            RenderTarget out = window.render(record("filename='out/frame.png'"));
            BufferedImage image = read("out/frame.png");
            assertEquals(2, image.getWidth());
            assertEquals(2, image.getHeight());
            assertFalse(image.getColorModel().hasAlpha(), "no alpha without keep_alpha");
            assertEquals(0xff0000, image.getRGB(0, 0) & 0xffffff, "top left");
            assertEquals(0x00ff00, image.getRGB(1, 0) & 0xffffff, "top right");
            assertEquals(0x0000ff, image.getRGB(0, 1) & 0xffffff, "bottom left");
            int gray = image.getRGB(1, 1) & 0xff;
            assertEquals(0x80, gray, 1, "sRGB levels survive the round trip through linear light");
            assertArrayEquals(new int[] {255, 0, 0, 255}, Offscreen.pixel(out, 0, 1), "the output is the recorded image");
            assertEquals(List.of(), window.errors);
        }
    }

    @Test
    void keepAlphaWritesStraightAlphaAndOtherwiseTheImageIsOverBlack() throws Exception {
        png("square.png", 2, 0x80ff0000, 0x80ff0000, 0x80ff0000, 0x00000000);
        try (Offscreen window = window()) {
            window.render(record("filename='alpha.png' keep_alpha=true"));
            window.render(record("filename='black.png'"));
            BufferedImage alpha = read("alpha.png");
            assertTrue(alpha.getColorModel().hasAlpha());
            int pixel = alpha.getRGB(0, 0);
            assertEquals(0x80, pixel >>> 24, 1);
            assertEquals(0xff, pixel >> 16 & 0xff, 2, "red, not premultiplied");
            assertEquals(0, alpha.getRGB(1, 1) >>> 24, "transparent");
            int black = read("black.png").getRGB(0, 0);
            assertEquals(0x80, black >> 16 & 0xff, 1, "half red over black");
        }
    }

    @Test
    void aFileIsWrittenOnceUntilItGoesOrTheFilenameChanges() throws Exception {
        png("square.png", 2, 0xffff0000, 0xff00ff00, 0xff0000ff, 0xffffffff);
        try (Offscreen window = window()) {
            window.render(record("filename='once.png'"));
            Path once = folder.resolve("once.png");
            Files.writeString(once, "replaced");
            window.render(record("filename='once.png'"));
            assertEquals("replaced", Files.readString(once), "not written again");
            Files.delete(once);
            window.render(record("filename='once.png'"));
            assertEquals(0xff0000, read("once.png").getRGB(0, 0) & 0xffffff, "written again once deleted");
            for (int frame = 0; frame < 3; frame++) {
                window.render(record("filename='frame';frame;'.png'"));
            }
            assertTrue(Files.exists(folder.resolve("frame4.png")));
            assertTrue(Files.exists(folder.resolve("frame5.png")));
            assertEquals(List.of(), window.errors);
            window.render(record("filename=null"));
        }
    }

    @Test
    void anExistingFileIsOverwrittenWithAWarning() throws Exception {
        png("square.png", 2, 0xffff0000, 0xff00ff00, 0xff0000ff, 0xffffffff);
        Files.writeString(folder.resolve("old.png"), "old");
        try (Offscreen window = window()) {
            window.render(record("filename='old.png'"));
            assertEquals(0xff0000, read("old.png").getRGB(0, 0) & 0xffffff);
            assertEquals(1, window.errors.size(), window.errors.toString());
            assertTrue(window.errors.get(0).contains("overwriting"), window.errors.get(0));
        }
    }

    @Test
    void jpegQualityChangesTheCompression() throws Exception {
        int[] noise = new int[64 * 64];
        java.util.Random random = new java.util.Random(1);
        for (int i = 0; i < noise.length; i++) {
            noise[i] = 0xff000000 | random.nextInt(0x1000000);
        }
        png("square.png", 64, noise);
        try (Offscreen window = window()) {
            String program = "!offscreen size=64;64 colorbits=8\n    !record filename=NAME quality=Q\n        !image filename='square.png'";
            window.render(program.replace("NAME", "'low.jpg'").replace("Q", "10"));
            window.render(program.replace("NAME", "'high.jpeg'").replace("Q", "95"));
            assertTrue(Files.size(folder.resolve("low.jpg")) < Files.size(folder.resolve("high.jpeg")));
            assertEquals(64, read("low.jpg").getWidth());
            assertEquals(List.of(), window.errors);
        }
    }

    @Test
    void unknownSuffixesAreReportedOnce() throws Exception {
        png("square.png", 2, 0xffff0000, 0xff00ff00, 0xff0000ff, 0xffffffff);
        try (Offscreen window = window()) {
            window.render(record("filename='data.xyz'"));
            window.render(record("filename='data.xyz'"));
            assertEquals(1, window.errors.size(), window.errors.toString());
            assertFalse(Files.exists(folder.resolve("data.xyz")));
        }
    }

    @Test
    void aVideoRecordsEveryLockstepFrameTheRightWayUp() throws Exception {
        String program = String.join("\n",
            "!offscreen size=64;48",
            "    !record filename='movie.mp4'",
            "        !shader fragment=\"${HEADER}\\nin vec2 coord;\\nout vec4 color;\\n"
                + "void main() { color = coord.y > 0.5 ? vec4(1.0) : vec4(0.0, 0.0, 0.0, 1.0); }\"");
        try (Offscreen window = window()) {
            for (int i = 0; i < 6; i++) {
                window.render(program);
            }
            assertEquals(List.of(), window.errors);
        }
        List<org.jcodec.common.model.Picture> frames = new java.util.ArrayList<>();
        try (org.jcodec.common.io.SeekableByteChannel in = org.jcodec.common.io.NIOUtils.readableChannel(
                folder.resolve("movie.mp4").toFile())) {
            org.jcodec.api.FrameGrab grab = org.jcodec.api.FrameGrab.createFrameGrab(in);
            org.jcodec.common.model.Picture picture;
            while ((picture = grab.getNativeFrame()) != null) {
                frames.add(picture.cloneCropped());
            }
        }
        assertEquals(6, frames.size(), "one video frame per lockstep frame");
        org.jcodec.common.model.Picture first = frames.get(0);
        assertEquals(64, first.getWidth());
        assertEquals(48, first.getHeight());
        // Luma (jcodec keeps samples offset by -128): the white half is the top of the picture.
        int top = first.getPlaneData(0)[5 * first.getPlaneWidth(0) + 32] + 128;
        int bottom = first.getPlaneData(0)[42 * first.getPlaneWidth(0) + 32] + 128;
        assertTrue(top > 200 && bottom < 40, "top " + top + ", bottom " + bottom);
    }

    @Test
    void aVideoKeepsItsSizeWhenTheImageChangesSize() throws Exception {
        String small = "!offscreen size=32;24\n    !record filename='resized.mp4'\n        !shader fragment=\"${HEADER}\\nout vec4 color;\\nvoid main() { color = vec4(1.0); }\"";
        try (Offscreen window = window()) {
            for (int i = 0; i < 3; i++) {
                window.render(small);
            }
            for (int i = 0; i < 3; i++) {
                window.render(small.replace("size=32;24", "size=64;48"));
            }
            window.render(small);
            assertEquals(1, window.errors.size(), window.errors.toString());
            assertTrue(window.errors.get(0).contains("the image is now 64x48"), window.errors.get(0));
        }
        int frames = 0;
        try (org.jcodec.common.io.SeekableByteChannel in = org.jcodec.common.io.NIOUtils.readableChannel(
                folder.resolve("resized.mp4").toFile())) {
            org.jcodec.api.FrameGrab grab = org.jcodec.api.FrameGrab.createFrameGrab(in);
            while (grab.getNativeFrame() != null) {
                frames++;
            }
        }
        assertEquals(4, frames, "the frames of the video's own size, and none of the other");
    }

    @Test
    void everyWriteHasItsFramesPixelsEvenWhenTheTreeChangesBackAndForth() throws Exception {
        // A regression: reading a target back with glReadPixels could return the frame before.
        WindowNodeFactory green = gl -> new ProgramNode(gl) {
            @Override
            protected String fragmentSource(flitter.model.Node node, flitter.render.gl.WindowFrame frame, int children) {
                return gl.header() + "\nout vec4 color;\nvoid main() { color = vec4(0.0, 1.0, 0.0, 1.0); }\n";
            }
        };
        try (Offscreen window = window()) {
            for (int round = 0; round < 10; round++) {
                for (String step : new String[] {"without", "with", "gone"}) {
                    if (step.equals("with")) {
                        window.with("green", green);
                    } else if (step.equals("gone")) {
                        window.without("green", green);
                    }
                    String name = step + round + ".png";
                    window.render(record("filename='" + name + "'").replace("!image filename='square.png'", "!green"));
                    int rgb = read(name).getRGB(1, 1);
                    assertEquals(step.equals("with") ? 0xff00ff00 : 0xff000000, rgb, name);
                }
            }
        }
    }
}
