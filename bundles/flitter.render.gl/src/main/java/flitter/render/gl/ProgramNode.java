package flitter.render.gl;

import static org.lwjgl.opengl.GL33C.*;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import flitter.model.Node;
import flitter.model.Vector;

/**
 * A node that runs a shader program over its children's images (a "program node": {@code !shader},
 * {@code !window}, {@code !offscreen}, and nodes that other bundles add, such as {@code !webrtc}).
 *
 * <p>The program draws a full-frame quad: the vertex shader gets {@code in vec2 position} in [-1, 1]
 * and the default one passes {@code out vec2 coord} in [0, 1]; the fragment shader writes
 * {@code out vec4 color}. Uniforms it declares are set each frame: {@code size}, the engine's names
 * ({@code beat}, {@code time}, {@code fps}, …), {@code alpha} (default 1), {@code texture0…N} (the
 * visible children), {@code last} (the previous frame's output, or the previous pass's), {@code first},
 * {@code pass}, {@code passes}, {@code downsample}, and any other uniform from the attribute of the
 * same name (zero when there is none). {@code vertex=} and {@code fragment=} are shader templates, as
 * in the original ({@code ${HEADER}}, {@code ${float(gain)}}, {@code % for name in child_textures:}, …).
 * Without a {@code fragment=} the program composites the children
 * ({@code composite=}: {@code :over}, {@code :dest_over}, {@code :lighten}, {@code :darken}, {@code :add},
 * {@code :difference}, {@code :multiply}) and multiplies by {@code alpha}. A program that does not
 * compile, or whose template fails, is reported once and the node renders as a bare compositing shader.
 *
 * <p>A subclass with a program of its own (the built-in filters) overrides {@link #fragmentSource},
 * builds it on {@link #mergeSource} to read its children, and gives defaults and computed uniforms,
 * passes and sampling through {@link #defaultAttribute}.
 */
public abstract class ProgramNode extends WindowNode {
    private static final Set<String> COMPOSITES =
        Set.of("over", "dest_over", "lighten", "darken", "add", "difference", "multiply");

    private static final Set<String> TEMPLATE_RESERVED = Set.of("fragment", "vertex", "loop", "context", "UNDEFINED");

    private final ShaderCache programs = new ShaderCache();
    private final ShaderTemplate.Cache vertexTemplate = new ShaderTemplate.Cache();
    private final ShaderTemplate.Cache fragmentTemplate = new ShaderTemplate.Cache();
    private RenderTarget target;
    private boolean retain;
    /** The highest texture unit this node bound a sampler to while drawing. */
    private int samplerUnits;

    protected ProgramNode(GlContext gl) {
        super(gl);
    }

    @Override
    public RenderTarget texture() {
        return target;
    }

    /**
     * The vertex shader source: {@code vertex=} run through the shader template when given, else the
     * standard one; null when the template fails (reported once).
     */
    protected String vertexSource(Node node, WindowFrame frame) {
        Vector vertex = node.attribute("vertex");
        if (vertex != null) {
            return vertexTemplate.render(vertex.asString(), templateNames(node, frame, childTextures().size()),
                path() + ": vertex template", frame::error);
        }
        return Shaders.defaultVertex(gl.header());
    }

    /**
     * The fragment shader source: {@code fragment=} run through the shader template when given, else
     * compositing of the children; null when the template fails (reported once).
     */
    protected String fragmentSource(Node node, WindowFrame frame, int children) {
        Vector fragment = node.attribute("fragment");
        if (fragment != null) {
            return fragmentTemplate.render(fragment.asString(), templateNames(node, frame, children),
                path() + ": fragment template", frame::error);
        }
        return Shaders.composite(gl.header(), children, composite(node, frame));
    }

    /**
     * The names a shader template sees, as in the original: {@code HEADER}, {@code child_textures}, the
     * node's attributes (except the reserved ones), then {@code passes}, {@code composite} and the frame's names.
     */
    private Function<String, Object> templateNames(Node node, WindowFrame frame, int children) {
        return name -> {
            if (name.equals("HEADER")) {
                return gl.header();
            }
            if (name.equals("child_textures")) {
                return childTextureNames(children);
            }
            Vector value = TEMPLATE_RESERVED.contains(name) ? null : node.attribute(name);
            if (value != null) {
                return value;
            }
            if (name.equals("passes")) {
                return 1L;
            }
            if (name.equals("composite")) {
                Vector blend = node.attribute("blend");
                return blend != null ? blend.asString() : "over";
            }
            return frame.names().get(name);
        };
    }

    private static List<String> childTextureNames(int children) {
        List<String> names = new ArrayList<>(children);
        for (int i = 0; i < children; i++) {
            names.add("texture" + i);
        }
        return names;
    }

    private String composite(Node node, WindowFrame frame) {
        String composite = compositeName(node);
        if (!COMPOSITES.contains(composite)) {
            frame.error(path() + ": unknown composite '" + composite + "'; using :over");
            return "over";
        }
        return composite;
    }

    /** {@code composite=} (or the original's older {@code blend=}), not yet checked. */
    private static String compositeName(Node node) {
        Vector value = node.attribute("composite");
        if (value == null) {
            value = node.attribute("blend");
        }
        return value == null ? "over" : value.asString();
    }

    /** Whether these are the standard sources: the children composited, sampled only at {@code coord}. */
    private boolean standard(Node node, String vertex, String fragment, int children) {
        String composite = compositeName(node);
        return fragment != null && Shaders.defaultVertex(gl.header()).equals(vertex)
            && fragment.equals(Shaders.composite(gl.header(), children, COMPOSITES.contains(composite) ? composite : "over"));
    }

    /**
     * GLSL for a fragment shader of this node that reads its children: declares {@code texture0…N} and
     * defines {@code vec4 merge(vec2 point)}, the children sampled at {@code point} and composited with
     * {@code composite=} as the default program does (transparent when there are none), not yet
     * multiplied by {@code alpha}.
     */
    protected String mergeSource(Node node, WindowFrame frame, int children) {
        return Shaders.merge(children, composite(node, frame));
    }

    /**
     * The value of attribute {@code name} when the node does not give it, or null for none. Every
     * attribute the program node reads goes through this: the uniforms (where it comes before the
     * frame's names), {@code passes}, {@code downsample}, {@code downsample_passes}, {@code border},
     * {@code repeat} and {@code nearest}. Built-in filters give their defaults and computed uniforms
     * here; {@code children} is the number of visible children this frame.
     */
    protected Vector defaultAttribute(String name, int children) {
        return null;
    }

    private Vector attribute(Node node, String name, int children) {
        Vector value = node.attribute(name);
        return value != null ? value : defaultAttribute(name, children);
    }

    /** Whether the output is sRGB-encoded (8-bit only): what is drawn is encoded, what is sampled decoded. */
    protected boolean srgb(Node node) {
        return false;
    }

    /** The output's bits per channel: {@code colorbits=}, else the window's default. */
    protected int colorbits(Node node, WindowFrame frame) {
        return (int) integer(node.attribute("colorbits"), frame.colorbits());
    }

    @Override
    protected void render(Node node, WindowFrame frame) {
        Map<String, RenderTarget> children = childTextures();
        String vertex = vertexSource(node, frame);
        String fragment = fragmentSource(node, frame, children.size());
        ShaderCache.Program program = vertex == null || fragment == null ? null
            : programs.get(vertex, fragment, path(), frame::error);
        if (program == null) {
            program = programs.get(Shaders.defaultVertex(gl.header()),
                Shaders.composite(gl.header(), children.size(), "over"), path(), frame::error);
        }
        int count = children.size();
        int passes = Math.max(1, (int) integer(attribute(node, "passes", count), 1));
        int downsample = Math.max(1, (int) integer(attribute(node, "downsample", count), 2));
        Set<Integer> downsamplePasses = new HashSet<>();
        Vector downsampled = attribute(node, "downsample_passes", count);
        if (downsampled != null && downsampled.numbers() != null) {
            for (double d : downsampled.numbers()) {
                downsamplePasses.add((int) Math.floor(d));
            }
        }
        int colorbits = colorbits(node, frame);
        boolean srgb = srgb(node) && colorbits == 8;

        boolean standard = standard(node, vertex, fragment, children.size());
        if (standard && onlyCopies(node, frame, children, passes, colorbits, srgb)) {
            RenderTarget output = gl.target(width(), height(), colorbits, srgb);
            children.values().iterator().next().copyTo(output);
            if (target != null) {
                target.release();
            }
            target = output;
            retain = id() != null;
            return;
        }
        glUseProgram(program.id());
        // Unit 0 holds a transparent texture: samplers with nothing to sample read zero from it.
        glActiveTexture(GL_TEXTURE0);
        glBindTexture(GL_TEXTURE_2D, gl.zeroTexture());
        int unit = 1;
        // The standard program samples each child at the centres of its own texels when the sizes
        // match: nearest sampling gives the same colours, and costs a CPU renderer far less.
        boolean exact = standard && passes == 1 && !downsamplePasses.contains(0);
        for (Map.Entry<String, RenderTarget> child : children.entrySet()) {
            Integer location = program.uniforms().get(child.getKey());
            if (location != null) {
                bindTexture(unit, child.getValue(), node, count, exact);
                glUniform1i(location, unit++);
            }
        }
        retain = id() != null || program.uniforms().containsKey("last");
        for (ShaderCache.Uniform uniform : program.declared()) {
            if (uniform.name().startsWith("texture") && children.containsKey(uniform.name())
                    || Set.of("last", "first", "pass", "size", "downsample").contains(uniform.name())) {
                continue;
            }
            Vector value = attribute(node, uniform.name(), count);
            if (value == null) {
                value = frame.names().get(uniform.name());
            }
            if (value == null && uniform.name().equals("passes")) {
                value = Vector.of(passes);
            }
            if (value == null && uniform.name().equals("alpha")) {
                value = Vector.TRUE;
            }
            Uniforms.set(uniform, value);
        }
        // Each pass draws once into a cleared target, so blending would only add zero: it stays off.
        glDisable(GL_BLEND);
        if (srgb) {
            glEnable(GL_FRAMEBUFFER_SRGB);
        }
        RenderTarget last = target;
        target = null;  // released by the first pass: never left pointing at a target given back
        RenderTarget first = null;
        int lastUnit = unit;
        int firstUnit = unit + 1;
        Integer lastUniform = program.uniforms().get("last");
        Integer firstUniform = program.uniforms().get("first");
        Integer passUniform = program.uniforms().get("pass");
        Integer sizeUniform = program.uniforms().get("size");
        Integer downsampleUniform = program.uniforms().get("downsample");
        for (int pass = 0; pass < passes; pass++) {
            if (passUniform != null) {
                glUniform1i(passUniform, pass);
            }
            if (lastUniform != null) {
                if (last != null) {
                    bindTexture(lastUnit, last, node, count, false);
                } else {
                    unbindTexture(lastUnit);
                }
                glUniform1i(lastUniform, lastUnit);
            }
            if (firstUniform != null) {
                if (first != null) {
                    bindTexture(firstUnit, first, node, count, false);
                } else {
                    unbindTexture(firstUnit);
                }
                glUniform1i(firstUniform, firstUnit);
            }
            boolean down = downsamplePasses.contains(pass);
            RenderTarget output = down
                ? gl.target(Math.max(1, width() / downsample), Math.max(1, height() / downsample), colorbits, srgb)
                : gl.target(width(), height(), colorbits, srgb);
            if (downsampleUniform != null) {
                glUniform1i(downsampleUniform, down ? downsample : 1);
            }
            if (sizeUniform != null) {
                glUniform2f(sizeUniform, output.width(), output.height());
            }
            output.clear();
            drawQuad(program);
            if (pass == 0 && firstUniform != null) {
                first = output;
            }
            if (last != null && last != first) {
                last.release();
            }
            last = output;
        }
        if (first != null && first != last) {
            first.release();
        }
        target = last;
        glDisable(GL_FRAMEBUFFER_SRGB);
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
        glUseProgram(0);
        clearSamplers();
    }

    /**
     * Whether drawing with the standard program would only reproduce the one visible child's image: a
     * child of this node's size and depth, in one pass, at full opacity. A copy of the image then stands
     * for the drawing; on a CPU renderer such as llvmpipe it costs a fraction of a shader pass.
     */
    private boolean onlyCopies(Node node, WindowFrame frame, Map<String, RenderTarget> children, int passes,
            int colorbits, boolean srgb) {
        if (children.size() != 1 || passes != 1) {
            return false;
        }
        RenderTarget child = children.values().iterator().next();
        if (child.width() != width() || child.height() != height() || child.colorbits() != colorbits
                || child.srgb() != srgb) {
            return false;
        }
        Vector alpha = attribute(node, "alpha", 1);
        if (alpha == null) {
            alpha = frame.names().get("alpha");
        }
        double[] opacity = alpha == null ? null : alpha.numbers(1);
        return alpha == null || opacity != null && opacity[0] == 1;
    }

    private void drawQuad(ShaderCache.Program program) {
        glBindVertexArray(program.vertexArray(gl.quadBuffer()));
        glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
        glBindVertexArray(0);
    }

    /**
     * Binds {@code target}'s image to a texture unit with the node's sampling ({@code border},
     * {@code repeat}, {@code nearest}); {@code exact} when the program samples only at the output's
     * texel centres, so that an image of the output's size is sampled nearest.
     */
    private void bindTexture(int unit, RenderTarget texture, Node node, int children, boolean exact) {
        glActiveTexture(GL_TEXTURE0 + unit);
        glBindTexture(GL_TEXTURE_2D, texture.texture());
        Vector nearest = attribute(node, "nearest", children);
        boolean texelForTexel = exact && texture.width() == width() && texture.height() == height();
        int filter = texelForTexel || nearest != null && nearest.asBool() ? GL_NEAREST : GL_LINEAR;
        Vector border = attribute(node, "border", children);
        Vector repeat = attribute(node, "repeat", children);
        double[] borderColour = border == null ? null : border.numbers(4);
        double[] repeats = repeat == null ? null : repeat.numbers(2);
        GlContext.Sampling sampling;
        if (borderColour == null && repeats != null) {
            sampling = new GlContext.Sampling(filter, repeats[0] != 0 ? GL_REPEAT : GL_CLAMP_TO_EDGE,
                repeats[1] != 0 ? GL_REPEAT : GL_CLAMP_TO_EDGE, 0, 0, 0, 0);
        } else if (borderColour == null) {
            sampling = new GlContext.Sampling(filter, GL_CLAMP_TO_BORDER, GL_CLAMP_TO_BORDER, 0, 0, 0, 0);
        } else {
            sampling = new GlContext.Sampling(filter, GL_CLAMP_TO_BORDER, GL_CLAMP_TO_BORDER, (float) borderColour[0],
                (float) borderColour[1], (float) borderColour[2], (float) borderColour[3]);
        }
        glBindSampler(unit, gl.sampler(sampling));
        samplerUnits = Math.max(samplerUnits, unit);
    }

    private void unbindTexture(int unit) {
        glActiveTexture(GL_TEXTURE0 + unit);
        glBindTexture(GL_TEXTURE_2D, gl.zeroTexture());
    }

    /** Unbinds the samplers this node bound, so that other drawing in the context samples as its textures say. */
    private void clearSamplers() {
        for (int unit = 1; unit <= samplerUnits; unit++) {
            glBindSampler(unit, 0);
        }
        samplerUnits = 0;
        glActiveTexture(GL_TEXTURE0);
    }

    private static double integer(Vector value, double otherwise) {
        return value != null && value.numbers() != null && value.length() == 1 ? Math.floor(value.asDouble()) : otherwise;
    }

    @Override
    protected void parentFinished() {
        if (!retain && target != null) {
            target.release();
            target = null;
        }
    }

    @Override
    protected void release() {
        if (target != null) {
            target.release();
            target = null;
        }
        programs.close();
    }
}
