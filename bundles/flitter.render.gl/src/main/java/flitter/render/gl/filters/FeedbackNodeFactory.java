package flitter.render.gl.filters;

import org.osgi.service.component.annotations.Component;

import flitter.render.gl.GlContext;
import flitter.render.gl.WindowNode;
import flitter.render.gl.WindowNodeFactory;

/** The {@code !feedback} window node kind. */
@Component(property = WindowNodeFactory.KIND + "=feedback")
public final class FeedbackNodeFactory implements WindowNodeFactory {
    @Override
    public WindowNode create(GlContext gl) {
        return new FeedbackNode(gl);
    }
}
