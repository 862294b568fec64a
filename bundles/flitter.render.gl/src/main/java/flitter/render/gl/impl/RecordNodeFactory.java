package flitter.render.gl.impl;

import org.osgi.service.component.annotations.Component;

import flitter.render.gl.GlContext;
import flitter.render.gl.WindowNode;
import flitter.render.gl.WindowNodeFactory;

/** The {@code !record} window node kind. */
@Component(property = WindowNodeFactory.KIND + "=record")
public final class RecordNodeFactory implements WindowNodeFactory {
    @Override
    public WindowNode create(GlContext gl) {
        return new RecordNode(gl);
    }
}
