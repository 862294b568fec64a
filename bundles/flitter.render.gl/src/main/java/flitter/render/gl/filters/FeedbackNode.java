package flitter.render.gl.filters;

import java.util.Map;

import flitter.model.Node;
import flitter.model.Vector;
import flitter.render.gl.GlContext;
import flitter.render.gl.WindowFrame;

/**
 * {@code !feedback}: mixes the composited children with this node's previous frame, which decays,
 * moves ({@code translate=} pixels, y down), scales ({@code scale=}) and turns clockwise ({@code rotate=})
 * over {@code timebase=} beats; {@code mixer=} is how much of the previous frame is left after
 * {@code timebase} beats. The first frame has nothing to feed back and is the input alone.
 */
final class FeedbackNode extends FilterNode {
    private static final Map<String, Vector> DEFAULTS = Map.of(
        "mixer", Vector.of(0), "timebase", Vector.of(1), "glow", Vector.of(0), "translate", Vector.of(0),
        "scale", Vector.of(1), "rotate", Vector.of(0), "repeat", EDGE);

    private Vector elapsed = Vector.of(0);
    private double lastBeat = Double.NaN;

    FeedbackNode(GlContext gl) {
        super(gl, DEFAULTS);
    }

    @Override
    protected Vector defaultAttribute(String name, int children) {
        return name.equals("elapsed") ? elapsed : super.defaultAttribute(name, children);
    }

    @Override
    protected void render(Node node, WindowFrame frame) {
        Vector beatValue = frame.names().get("beat");
        double beat = beatValue == null || beatValue.numbers(1) == null ? 0 : beatValue.asDouble();
        // Beats since the frame that is fed back; -1 when there is none.
        elapsed = Vector.of(texture() == null || Double.isNaN(lastBeat) ? -1 : beat - lastBeat);
        lastBeat = beat;
        super.render(node, frame);
    }

    @Override
    protected String fragmentSource(Node node, WindowFrame frame, int children) {
        return prologue(node, frame, children)
            + "uniform sampler2D last;\n"
            + "uniform float elapsed;\n"
            + "uniform float mixer;\n"
            + "uniform float timebase;\n"
            + "uniform float glow;\n"
            + "uniform vec2 translate;\n"
            + "uniform vec2 scale;\n"
            + "uniform float rotate;\n"
            + "void main() {\n"
            + "    vec4 fresh = merge(coord) * (1.0 + glow);\n"
            + "    if (elapsed < 0.0) {\n"
            + "        color = fresh * alpha;\n"
            + "        return;\n"
            + "    }\n"
            + "    float t = elapsed / timebase;\n"
            + "    float keep = mixer > 0.0 ? pow(mixer, t) : 0.0;\n"
            + "    float angle = 6.283185307179586 * rotate * t;\n"
            + "    vec2 p = (coord - 0.5) * size / pow(scale, vec2(t));\n"
            + "    p = vec2(cos(angle) * p.x - sin(angle) * p.y, sin(angle) * p.x + cos(angle) * p.y);\n"
            + "    p -= vec2(translate.x, -translate.y) * t;\n"
            + "    vec4 previous = texture(last, p / size + 0.5);\n"
            + "    color = mix(fresh, previous, keep) * alpha;\n"
            + "}\n";
    }
}
