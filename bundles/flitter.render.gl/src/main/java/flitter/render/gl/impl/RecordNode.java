package flitter.render.gl.impl;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Locale;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import org.lwjgl.system.MemoryUtil;

import flitter.model.Node;
import flitter.model.Vector;
import flitter.render.gl.GlContext;
import flitter.render.gl.ProgramNode;
import flitter.render.gl.RenderTarget;
import flitter.render.gl.WindowFrame;

/**
 * {@code !record filename=PATH}: composites its children like a bare {@code !shader}, always into an
 * 8-bit sRGB image that is also its output, and writes that image to the file (relative to the
 * program's folder) in the format its suffix names ({@code .png}, {@code .jpg}, … whatever
 * {@code javax.imageio} writes), the image's top row first. As in the original, a file is written once:
 * the node does nothing more until {@code filename}, {@code quality} or {@code keep_alpha} changes or the
 * file is deleted, so a filename that changes every frame writes every frame. {@code quality=} (1–100)
 * sets the compression of formats that have one (JPEG). Without {@code keep_alpha=true} the image is
 * written without alpha, over black; with it, formats that hold alpha (PNG, TIFF) get straight
 * (un-premultiplied) colours. {@code filename=null} records nothing.
 *
 * <p>A video suffix ({@code .mp4}, {@code .m4v}, {@code .mov}: H.264; {@code .webm}, {@code .mkv}: VP8; {@code codec=} may say which)
 * records every frame instead, at the engine's frame rate, until the file name changes or
 * {@code limit=} seconds have been written (see {@link VideoRecording}).
 */
final class RecordNode extends ProgramNode {
    private static final Set<String> VIDEO = Set.of("mp4", "mov", "m4v", "mkv", "webm", "ogg");
    private static final Set<String> ALPHA = Set.of("png", "tif", "tiff");

    /** The writes done: the same file with the same settings is not written again while it exists. */
    private final Set<Written> written = new HashSet<>();
    /** Messages from the video encoder's thread, reported on the frame thread. */
    private final Queue<String> videoErrors = new ConcurrentLinkedQueue<>();
    private final Set<Path> refusedVideos = new HashSet<>();
    private VideoRecording recording;

    private record Written(Path path, Integer quality, boolean alpha) {
    }

    RecordNode(GlContext gl) {
        super(gl);
    }

    @Override
    protected boolean srgb(Node node) {
        return true;
    }

    @Override
    protected int colorbits(Node node, WindowFrame frame) {
        return 8;
    }

    @Override
    protected void render(Node node, WindowFrame frame) {
        super.render(node, frame);
        for (String message; (message = videoErrors.poll()) != null;) {
            frame.error(path() + ": " + message);
        }
        Vector filename = node.attribute("filename");
        RenderTarget image = texture();
        if (filename == null || image == null) {
            stopVideo();
            return;
        }
        Path path;
        try {
            path = ProgramFiles.resolve(frame.path(), filename.asString());
        } catch (InvalidPathException e) {
            frame.error(path() + ": invalid file name '" + filename.asString() + "': " + e.getMessage());
            return;
        }
        String name = path.getFileName() == null ? "" : path.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String suffix = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        Vector codec = node.attribute("codec");
        if (VIDEO.contains(suffix) || suffix.equals("gif") && codec != null && "gif".equals(codec.asString())) {
            video(node, frame, path, codec == null ? null : codec.asString(), image);
            return;
        }
        stopVideo();
        Vector qualityValue = node.attribute("quality");
        Integer quality = qualityValue != null && qualityValue.numbers() != null && qualityValue.length() == 1
            ? (int) Math.floor(qualityValue.asDouble()) : null;
        Vector keepAlpha = node.attribute("keep_alpha");
        boolean alpha = keepAlpha != null && keepAlpha.asBool();
        Written key = new Written(path, quality, alpha);
        if (written.contains(key) && Files.exists(path)) {
            return;
        }
        boolean again = written.contains(key);
        written.add(key);
        Iterator<ImageWriter> writers = ImageIO.getImageWritersBySuffix(suffix);
        if (!writers.hasNext()) {
            frame.error(path() + ": no image format for the suffix of " + path + "; nothing is written");
            return;
        }
        if (!again && Files.exists(path)) {
            frame.error(path() + ": overwriting the existing image file " + path);
        }
        ImageWriter writer = writers.next();
        try {
            write(writer, pixels(image, alpha && ALPHA.contains(suffix)), quality, path);
        } catch (IOException | RuntimeException e) {
            frame.error(path() + ": cannot write image file " + path + ": " + e.getMessage());
        } finally {
            writer.dispose();
        }
    }

    private void video(Node node, WindowFrame frame, Path path, String codec, RenderTarget image) {
        if (recording != null && !recording.records(path, codec)) {
            stopVideo();
        }
        if (recording == null) {
            if (refusedVideos.contains(path)) {
                return;
            }
            Vector limit = node.attribute("limit");
            try {
                recording = new VideoRecording(path, codec, image.width(), image.height(),
                    (int) Math.round(number(frame.names().get("fps"), 60)), number(limit, 0), videoErrors::add);
            } catch (IOException | RuntimeException e) {
                refusedVideos.add(path);
                frame.error(path() + ": " + e.getMessage());
                return;
            }
        }
        if (!recording.fits(image)) {
            frame.error(path() + ": the image is now " + image.width() + "x" + image.height()
                + ", but a video's frames keep one size; frames of this size are not recorded in " + path);
            return;
        }
        Vector realtime = frame.names().get("realtime");
        recording.frame(image, number(frame.names().get("time"), 0), realtime == null || realtime.asBool());
    }

    private static double number(Vector value, double otherwise) {
        return value != null && value.numbers() != null && value.length() == 1 ? value.asDouble() : otherwise;
    }

    private void stopVideo() {
        if (recording != null) {
            recording.close();
            recording = null;
        }
    }

    @Override
    protected void release() {
        stopVideo();
        super.release();
    }

    /** The target's pixels as an image, top row first; alpha kept (un-premultiplied) or dropped (over black). */
    private static BufferedImage pixels(RenderTarget target, boolean alpha) {
        int width = target.width();
        int height = target.height();
        ByteBuffer bytes = MemoryUtil.memAlloc(width * height * 4);
        try {
            target.read(bytes);
            int[] argb = new int[width * height];
            for (int y = 0; y < height; y++) {
                int row = (height - 1 - y) * width * 4;
                for (int x = 0; x < width; x++) {
                    int at = row + x * 4;
                    int r = bytes.get(at) & 0xff;
                    int g = bytes.get(at + 1) & 0xff;
                    int b = bytes.get(at + 2) & 0xff;
                    int a = bytes.get(at + 3) & 0xff;
                    if (alpha) {
                        r = unpremultiply(r, a);
                        g = unpremultiply(g, a);
                        b = unpremultiply(b, a);
                    } else {
                        a = 255;
                    }
                    argb[y * width + x] = a << 24 | r << 16 | g << 8 | b;
                }
            }
            BufferedImage image = new BufferedImage(width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
            image.setRGB(0, 0, width, height, argb, 0, width);
            return image;
        } finally {
            MemoryUtil.memFree(bytes);
        }
    }

    private static int unpremultiply(int channel, int alpha) {
        return alpha == 0 ? 0 : Math.min(255, (channel * 255 * 2 + alpha) / (alpha * 2));
    }

    private static void write(ImageWriter writer, BufferedImage image, Integer quality, Path path) throws IOException {
        Path folder = path.toAbsolutePath().getParent();
        if (folder != null) {
            Files.createDirectories(folder);
        }
        ImageWriteParam parameters = writer.getDefaultWriteParam();
        if (quality != null && parameters.canWriteCompressed()) {
            parameters.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            if (parameters.getCompressionType() == null && parameters.getCompressionTypes().length > 0) {
                parameters.setCompressionType(parameters.getCompressionTypes()[0]);
            }
            parameters.setCompressionQuality(Math.max(0f, Math.min(1f, quality / 100f)));
        }
        // Written beside the file and moved into place, so that nothing ever reads half an image.
        Path part = path.resolveSibling("." + path.getFileName() + ".part");
        try {
            try (OutputStream stream = Files.newOutputStream(part);
                    ImageOutputStream out = ImageIO.createImageOutputStream(stream)) {
                writer.setOutput(out);
                writer.write(null, new IIOImage(image, null, null), parameters);
            }
            try {
                Files.move(part, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, path, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(part);
        }
    }
}
