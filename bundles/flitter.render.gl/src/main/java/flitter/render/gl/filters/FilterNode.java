package flitter.render.gl.filters;

import java.util.Map;

import flitter.model.Node;
import flitter.model.Vector;
import flitter.render.gl.GlContext;
import flitter.render.gl.ProgramNode;
import flitter.render.gl.WindowFrame;

/**
 * A built-in filter: a program node with its own fragment shader and defaults for the attributes it
 * reads. Its shader starts with {@link #prologue}: the standard inputs and outputs, {@code alpha},
 * {@code size}, and {@code merge(point)}, the composited children; a filter of several passes also
 * gets {@code first}, {@code last}, {@code pass} and {@code downsample}, and runs its passes by default
 * when it has children (one pass, compositing nothing, when it has none).
 */
abstract class FilterNode extends ProgramNode {
    /** Sampling that repeats the edge colour beyond the edges, as the blurring filters want. */
    static final Vector EDGE = Vector.of(0, 0);

    private final Map<String, Vector> defaults;
    private final int passes;

    FilterNode(GlContext gl, Map<String, Vector> defaults) {
        this(gl, defaults, 1);
    }

    FilterNode(GlContext gl, Map<String, Vector> defaults, int passes) {
        super(gl);
        this.defaults = defaults;
        this.passes = passes;
    }

    @Override
    protected Vector defaultAttribute(String name, int children) {
        if (passes > 1 && name.equals("passes")) {
            return Vector.of(children == 0 ? 1 : passes);
        }
        return defaults.get(name);
    }

    /** The start of every filter's fragment shader. */
    String prologue(Node node, WindowFrame frame, int children) {
        return gl.header() + "\n"
            + "in vec2 coord;\n"
            + "out vec4 color;\n"
            + "uniform float alpha;\n"
            + "uniform vec2 size;\n"
            + (passes > 1 ? "uniform sampler2D first;\nuniform sampler2D last;\nuniform int pass;\nuniform int downsample;\n" : "")
            + mergeSource(node, frame, children);
    }

    /** The attribute as a symbol name or string, or null. */
    static String symbol(Node node, String name) {
        Vector value = node.attribute(name);
        if (value == null) {
            return null;
        }
        String symbol = value.asSymbol();
        return symbol != null ? symbol : value.asString();
    }
}
