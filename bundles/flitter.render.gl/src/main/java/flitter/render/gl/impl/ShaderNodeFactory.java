package flitter.render.gl.impl;

import org.osgi.service.component.annotations.Component;

import flitter.render.gl.GlContext;
import flitter.render.gl.WindowNode;
import flitter.render.gl.WindowNodeFactory;

/** The {@code !shader} window node kind. */
@Component(property = WindowNodeFactory.KIND + "=shader")
public final class ShaderNodeFactory implements WindowNodeFactory {
    @Override
    public WindowNode create(GlContext gl) {
        return new ShaderNode(gl);
    }
}
