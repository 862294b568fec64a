package flitter.render.gl.impl;

import org.osgi.service.component.annotations.Component;

import flitter.render.gl.GlContext;
import flitter.render.gl.WindowNode;
import flitter.render.gl.WindowNodeFactory;

/** The {@code !reference} window node kind. */
@Component(property = WindowNodeFactory.KIND + "=reference")
public final class ReferenceNodeFactory implements WindowNodeFactory {
    @Override
    public WindowNode create(GlContext gl) {
        return new ReferenceNode(gl);
    }
}
