package flitter.render.gl.impl;

import flitter.engine.Frame;
import flitter.model.Node;
import flitter.render.gl.RenderTarget;

/** Where a window rendering tree's context lives, and where its final image goes. */
interface Surface extends AutoCloseable {
    /** Makes the surface's context current on the calling thread. */
    void makeCurrent();

    /** Shows this frame's final image and takes in input (a no-op offscreen). */
    void present(RenderTarget image, Node node, Frame frame);

    @Override
    void close();

    /** A headless surface: an EGL context with nothing to show. */
    static Surface offscreen() {
        EglContext egl = EglContext.create();
        return new Surface() {
            @Override
            public void makeCurrent() {
                egl.makeCurrent();
            }

            @Override
            public void present(RenderTarget image, Node node, Frame frame) {
            }

            @Override
            public void close() {
                egl.close();
            }
        };
    }
}
