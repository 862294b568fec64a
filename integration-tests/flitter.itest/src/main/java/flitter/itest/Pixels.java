package flitter.itest;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import flitter.model.Node;
import flitter.model.Vector;
import flitter.render.gl.GlContext;
import flitter.render.gl.RenderTarget;
import flitter.render.gl.WindowFrame;
import flitter.render.gl.WindowNode;
import flitter.render.gl.WindowNodeFactory;

/**
 * A window node kind for tests, {@code !pixels name=NAME}: each frame it reads its first visible
 * child's image as it is stored (8-bit, bottom row first) and keeps it under NAME.
 */
final class Pixels implements WindowNodeFactory {
    /** One image read back: width, height and RGBA bytes with the top row first. */
    record Image(int width, int height, byte[] rgba, long frame) {
        int[] rgb(double x, double y) {
            int column = Math.min(width - 1, (int) (x * width));
            int row = Math.min(height - 1, (int) (y * height));
            int i = 4 * (row * width + column);
            return new int[] {rgba[i] & 0xff, rgba[i + 1] & 0xff, rgba[i + 2] & 0xff};
        }
    }

    final Map<String, Image> images = new ConcurrentHashMap<>();

    @Override
    public WindowNode create(GlContext gl) {
        return new WindowNode(gl) {
            private long frames;

            @Override
            public RenderTarget texture() {
                return null;
            }

            @Override
            protected void render(Node node, WindowFrame frame) {
                Vector name = node.attribute("name");
                RenderTarget child = childTextures().values().stream().findFirst().orElse(null);
                if (name == null || child == null) {
                    return;
                }
                ByteBuffer pixels = ByteBuffer.allocateDirect(4 * child.width() * child.height());
                child.read(pixels);
                byte[] rgba = new byte[pixels.capacity()];
                int stride = 4 * child.width();
                for (int row = 0; row < child.height(); row++) {
                    pixels.get((child.height() - 1 - row) * stride, rgba, row * stride, stride);
                }
                images.put(name.asString(), new Image(child.width(), child.height(), rgba, ++frames));
            }
        };
    }
}
