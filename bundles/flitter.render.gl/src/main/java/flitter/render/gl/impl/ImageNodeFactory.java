package flitter.render.gl.impl;

import java.util.function.LongSupplier;

import org.osgi.service.component.annotations.Component;

import flitter.render.gl.GlContext;
import flitter.render.gl.WindowNode;
import flitter.render.gl.WindowNodeFactory;

/** The {@code !image} window node kind. */
@Component(property = WindowNodeFactory.KIND + "=image")
public final class ImageNodeFactory implements WindowNodeFactory {
    private final LongSupplier clock;

    public ImageNodeFactory() {
        this(System::nanoTime);
    }

    /** For tests: a clock (nanoseconds) that decides when the file is next checked. */
    ImageNodeFactory(LongSupplier clock) {
        this.clock = clock;
    }

    @Override
    public WindowNode create(GlContext gl) {
        return new ImageNode(gl, clock);
    }
}
