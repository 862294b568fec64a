package flitter.render.gl.filters;

import org.osgi.service.component.annotations.Component;

import flitter.render.gl.GlContext;
import flitter.render.gl.WindowNode;
import flitter.render.gl.WindowNodeFactory;

/** The {@code !edges} window node kind. */
@Component(property = WindowNodeFactory.KIND + "=edges")
public final class EdgesNodeFactory implements WindowNodeFactory {
    @Override
    public WindowNode create(GlContext gl) {
        return new EdgesNode(gl);
    }
}
