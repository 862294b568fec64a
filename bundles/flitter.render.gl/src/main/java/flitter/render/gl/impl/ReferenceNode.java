package flitter.render.gl.impl;

import flitter.model.Node;
import flitter.render.gl.GlContext;
import flitter.render.gl.RenderTarget;
import flitter.render.gl.WindowFrame;
import flitter.render.gl.WindowNode;

/**
 * {@code !reference id=ID}: the output of the node with that {@code id}. A node rendered earlier in
 * the frame gives this frame's image; one rendered later (a parent, a later sibling of a parent)
 * gives the image it kept from the previous frame, and nothing on the first frame.
 */
final class ReferenceNode extends WindowNode {
    private WindowNode referenced;

    ReferenceNode(GlContext gl) {
        super(gl);
    }

    @Override
    protected boolean registers() {
        return false;
    }

    @Override
    public RenderTarget texture() {
        WindowNode node = referenced;
        return node == null ? null : node.texture();
    }

    @Override
    protected void render(Node node, WindowFrame frame) {
        String id = id();
        referenced = id == null ? null : frame.reference(id);
    }

    @Override
    protected void release() {
        referenced = null;
    }
}
