package flitter.render.gl.impl;

import static org.lwjgl.opengl.GL33C.*;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Objects;
import java.util.function.LongSupplier;

import javax.imageio.ImageIO;

import org.lwjgl.system.MemoryUtil;

import flitter.model.Node;
import flitter.model.Vector;
import flitter.render.gl.GlContext;
import flitter.render.gl.RenderTarget;
import flitter.render.gl.WindowFrame;
import flitter.render.gl.WindowNode;

/**
 * {@code !image filename=PATH}: the image in a PNG or JPEG file (or any format {@code javax.imageio}
 * reads), relative to the program's folder, as an 8-bit sRGB texture with premultiplied alpha. The
 * size is the image's own unless {@code size=} is given, and then the image is resized bilinearly;
 * {@code flip=:horizontal}, {@code :vertical} or {@code :both} mirrors it. The image's top row is the top
 * of the output. The file is checked for changes at most once a second and read again when it changes;
 * a file that is missing or cannot be read is reported once and gives no output (transparent).
 */
final class ImageNode extends WindowNode {
    static final long CHECK_INTERVAL_NANOS = 1_000_000_000L;

    private final LongSupplier clock;
    private Path file;
    private Stamp stamp;
    private long checkedAt;
    private boolean checked;
    private Pixels image;
    private boolean changed;
    private String filename;
    private String flip;
    private RenderTarget target;

    /** {@code clock} gives nanoseconds ({@link System#nanoTime}), for the once-a-second check. */
    ImageNode(GlContext gl, LongSupplier clock) {
        super(gl);
        this.clock = clock;
    }

    /** The decoded image: premultiplied sRGB RGBA bytes, top row first. */
    private record Pixels(int width, int height, byte[] rgba) {
    }

    /** What says a file has changed. */
    private record Stamp(FileTime modified, long length) {
    }

    @Override
    public RenderTarget texture() {
        return target;
    }

    @Override
    public void update(Node node, WindowFrame frame, int defaultWidth, int defaultHeight) throws Exception {
        load(node, frame);
        super.update(node, frame, defaultWidth, defaultHeight);
    }

    /** The image's own size unless {@code size=} says otherwise; never the parent's. */
    @Override
    protected int[] size(Node node, int defaultWidth, int defaultHeight) {
        return image == null ? new int[] {1, 1} : super.size(node, image.width(), image.height());
    }

    @Override
    protected void render(Node node, WindowFrame frame) {
        if (image == null) {
            releaseTarget();
            return;
        }
        Vector flipValue = node.attribute("flip");
        String newFlip = flipValue == null ? null : flipValue.asString();
        if (changed || target == null || target.width() != width() || target.height() != height()
                || !Objects.equals(newFlip, flip)) {
            flip = newFlip;
            upload();
            changed = false;
        }
    }

    /** Reads the file when it is new or has changed (looking at most once a second). */
    private void load(Node node, WindowFrame frame) {
        Vector value = node.attribute("filename");
        filename = value == null ? null : value.asString();
        Path path;
        try {
            path = filename == null ? null : ProgramFiles.resolve(frame.path(), filename);
        } catch (InvalidPathException e) {
            frame.error(path(node) + ": invalid file name '" + filename + "': " + e.getMessage());
            path = null;
        }
        long now = clock.getAsLong();
        if (!Objects.equals(path, file)) {
            file = path;
            checked = false;
        } else if (checked && now - checkedAt < CHECK_INTERVAL_NANOS) {
            return;
        }
        if (file == null) {
            forget();
            return;
        }
        Stamp current;
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            current = new Stamp(attributes.lastModifiedTime(), attributes.size());
        } catch (NoSuchFileException e) {
            current = null;
        } catch (IOException e) {
            current = new Stamp(null, -1);
        }
        boolean first = !checked;
        checked = true;
        checkedAt = now;
        if (!first && Objects.equals(current, stamp)) {
            return;
        }
        stamp = current;
        forget();
        if (current == null) {
            frame.error(path(node) + ": image file not found: " + file + "; the node renders nothing");
            return;
        }
        try {
            BufferedImage read = ImageIO.read(file.toFile());
            if (read == null) {
                frame.error(path(node) + ": not an image file that can be read: " + file + "; the node renders nothing");
                return;
            }
            image = decode(read);
            changed = true;
        } catch (IOException | RuntimeException e) {
            frame.error(path(node) + ": cannot read image file " + file + ": " + e.getMessage() + "; the node renders nothing");
        }
    }

    private void forget() {
        image = null;
        changed = true;
    }

    /** The image as premultiplied sRGB RGBA bytes, top row first. */
    static Pixels decode(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        byte[] rgba = new byte[width * height * 4];
        Raster raster = image.getRaster();
        int bands = raster.getNumBands();
        boolean gray = bands <= 2 && image.getColorModel().getNumColorComponents() == 1
            && image.getColorModel().getPixelSize() > 1 && !(image.getColorModel() instanceof java.awt.image.IndexColorModel);
        int[] argb = gray ? null : image.getRGB(0, 0, width, height, null, 0, width);
        int max = gray ? (1 << raster.getSampleModel().getSampleSize(0)) - 1 : 255;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r;
                int g;
                int b;
                int a;
                if (gray) {
                    // Gray images are stored encoded already; converting through Java's linear gray space would lighten them.
                    r = g = b = scale(raster.getSample(x, y, 0), max);
                    a = bands == 2 ? scale(raster.getSample(x, y, 1), max) : 255;
                } else {
                    int pixel = argb[y * width + x];
                    a = pixel >>> 24;
                    r = pixel >> 16 & 0xff;
                    g = pixel >> 8 & 0xff;
                    b = pixel & 0xff;
                }
                int at = (y * width + x) * 4;
                rgba[at] = (byte) premultiply(r, a);
                rgba[at + 1] = (byte) premultiply(g, a);
                rgba[at + 2] = (byte) premultiply(b, a);
                rgba[at + 3] = (byte) a;
            }
        }
        return new Pixels(width, height, rgba);
    }

    private static int scale(int sample, int max) {
        return max == 255 ? sample : (sample * 255 + max / 2) / max;
    }

    private static int premultiply(int channel, int alpha) {
        return (channel * alpha * 2 + 255) / 510;
    }

    /** Resizes and flips the image into the target, bottom row first as OpenGL wants it. */
    private void upload() {
        int width = width();
        int height = height();
        byte[] pixels = image.width() == width && image.height() == height
            ? image.rgba() : Resize.rgba(image.rgba(), image.width(), image.height(), width, height);
        boolean horizontal = "horizontal".equals(flip) || "both".equals(flip);
        boolean vertical = "vertical".equals(flip) || "both".equals(flip);
        if (target == null || target.width() != width || target.height() != height) {
            releaseTarget();
            target = gl.target(width, height, 8, true);
        }
        ByteBuffer buffer = MemoryUtil.memAlloc(width * height * 4);
        try {
            for (int row = 0; row < height; row++) {
                int sourceRow = vertical ? row : height - 1 - row;
                for (int column = 0; column < width; column++) {
                    int sourceColumn = horizontal ? width - 1 - column : column;
                    buffer.put(pixels, (sourceRow * width + sourceColumn) * 4, 4);
                }
            }
            buffer.flip();
            int bound = glGetInteger(GL_TEXTURE_BINDING_2D);
            glBindTexture(GL_TEXTURE_2D, target.texture());
            glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
            glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, buffer);
            glBindTexture(GL_TEXTURE_2D, bound);
        } finally {
            MemoryUtil.memFree(buffer);
        }
    }

    /** Same kind, tags and id, and the same file too unless the id says which node this is. */
    @Override
    public boolean similarTo(Node node) {
        if (!super.similarTo(node)) {
            return false;
        }
        Vector value = node.attribute("filename");
        return id() != null || Objects.equals(value == null ? null : value.asString(), filename);
    }

    private void releaseTarget() {
        if (target != null) {
            target.release();
            target = null;
        }
    }

    @Override
    protected void release() {
        releaseTarget();
        image = null;
        file = null;
        checked = false;
    }
}
