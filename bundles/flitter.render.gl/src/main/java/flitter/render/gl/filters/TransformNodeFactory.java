package flitter.render.gl.filters;

import org.osgi.service.component.annotations.Component;

import flitter.render.gl.GlContext;
import flitter.render.gl.WindowNode;
import flitter.render.gl.WindowNodeFactory;

/** The {@code !transform} window node kind. */
@Component(property = WindowNodeFactory.KIND + "=transform")
public final class TransformNodeFactory implements WindowNodeFactory {
    @Override
    public WindowNode create(GlContext gl) {
        return new TransformNode(gl);
    }
}
