package flitter.render.gl.impl;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import flitter.render.gl.WindowNodeFactory;

/**
 * The window node kinds on offer: every {@link WindowNodeFactory} service, by kind. A kind that
 * arrives is used from the next frame; nodes of a kind that leaves are released at the next frame.
 */
@Component(service = WindowKinds.class)
public final class WindowKinds {
    private final Map<String, WindowNodeFactory> factories = new ConcurrentHashMap<>();

    public WindowKinds() {
    }

    /** For tests outside a framework: a fixed set of kinds. */
    WindowKinds(Map<String, WindowNodeFactory> factories) {
        this.factories.putAll(factories);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
        policyOption = ReferencePolicyOption.GREEDY)
    void addFactory(WindowNodeFactory factory, Map<String, Object> properties) {
        Object kind = properties.get(WindowNodeFactory.KIND);
        if (kind != null) {
            factories.put(kind.toString(), factory);
        }
    }

    void removeFactory(WindowNodeFactory factory, Map<String, Object> properties) {
        Object kind = properties.get(WindowNodeFactory.KIND);
        if (kind != null) {
            factories.remove(kind.toString(), factory);
        }
    }

    WindowNodeFactory get(String kind) {
        return factories.get(kind);
    }
}
