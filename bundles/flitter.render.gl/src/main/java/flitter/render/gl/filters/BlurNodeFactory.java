package flitter.render.gl.filters;

import org.osgi.service.component.annotations.Component;

import flitter.render.gl.GlContext;
import flitter.render.gl.WindowNode;
import flitter.render.gl.WindowNodeFactory;

/** The {@code !blur} window node kind. */
@Component(property = WindowNodeFactory.KIND + "=blur")
public final class BlurNodeFactory implements WindowNodeFactory {
    @Override
    public WindowNode create(GlContext gl) {
        return new BlurNode(gl);
    }
}
