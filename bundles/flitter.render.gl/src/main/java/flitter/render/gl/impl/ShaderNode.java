package flitter.render.gl.impl;

import flitter.render.gl.GlContext;
import flitter.render.gl.ProgramNode;

/** {@code !shader}, and the root of a window's tree: a program node, and nothing more (see {@link ProgramNode}). */
final class ShaderNode extends ProgramNode {
    ShaderNode(GlContext gl) {
        super(gl);
    }
}
