package flitter.render.gl.impl;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

import flitter.engine.Renderer;
import flitter.engine.RendererFactory;

/** {@code !offscreen}: a window rendering tree that is never shown. */
@Component(property = RendererFactory.KIND + "=offscreen")
public final class OffscreenRendererFactory implements RendererFactory {
    private final WindowKinds kinds;
    private final Logger log;

    @Activate
    public OffscreenRendererFactory(@Reference WindowKinds kinds, @Reference(service = LoggerFactory.class) Logger log) {
        this.kinds = kinds;
        this.log = log;
    }

    @Override
    public Renderer create() {
        return new TreeRenderer(kinds, log::error);
    }
}
