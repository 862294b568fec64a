package flitter.render.gl.impl;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

import flitter.engine.Renderer;
import flitter.engine.RendererFactory;

/**
 * {@code !window}. On-screen windows are not implemented yet: every {@code !window} renders its tree
 * offscreen (as with {@code --offscreen}), and says so once.
 */
@Component(property = RendererFactory.KIND + "=window")
public final class WindowRendererFactory implements RendererFactory {
    private final WindowKinds kinds;
    private final Logger log;
    private boolean warned;

    @Activate
    public WindowRendererFactory(@Reference WindowKinds kinds, @Reference(service = LoggerFactory.class) Logger log) {
        this.kinds = kinds;
        this.log = log;
    }

    @Override
    public synchronized Renderer create() {
        if (!warned) {
            warned = true;
            log.warn("!window renders offscreen: this host does not open on-screen windows yet");
        }
        return new TreeRenderer(kinds, log::error);
    }
}
