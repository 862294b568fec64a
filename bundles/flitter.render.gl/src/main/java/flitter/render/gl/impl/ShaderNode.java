package flitter.render.gl.impl;

import flitter.model.Node;
import flitter.render.gl.GlContext;
import flitter.render.gl.ProgramNode;
import flitter.render.gl.WindowFrame;

/** {@code !shader}: a program node, and nothing more (see {@link ProgramNode}). */
final class ShaderNode extends ProgramNode {
    ShaderNode(GlContext gl) {
        super(gl);
    }

    @Override
    protected void prepare(Node node, WindowFrame frame, boolean resized) {
    }
}
