package flitter.webrtc.impl;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import flitter.render.gl.GlContext;
import flitter.render.gl.WindowNode;
import flitter.render.gl.WindowNodeFactory;
import flitter.webrtc.Signalling;

/**
 * Makes {@code !webrtc} nodes, and keeps the signalling kinds on offer: a kind that arrives is bound
 * by nodes at their next frame; one that leaves closes the calls using it before it is gone.
 */
@Component(property = WindowNodeFactory.KIND + "=webrtc")
public final class WebRtcNodeFactory implements WindowNodeFactory {
    private final PeerConnections service;
    private final Map<String, Signalling> signallings = new ConcurrentHashMap<>();
    private final Set<Endpoint> endpoints = ConcurrentHashMap.newKeySet();

    @Activate
    public WebRtcNodeFactory(@Reference PeerConnections service) {
        this.service = service;
    }

    @Override
    public WindowNode create(GlContext gl) {
        Endpoint endpoint = new Endpoint(service);
        endpoints.add(endpoint);
        return new WebRtcNode(gl, this, endpoint, new OutgoingVideo(service.video(), service.log()));
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
        policyOption = ReferencePolicyOption.GREEDY)
    public void addSignalling(Signalling signalling, Map<String, Object> properties) {
        Object kind = properties.get(Signalling.KIND);
        if (kind != null) {
            signallings.put(kind.toString(), signalling);
        }
    }

    void removeSignalling(Signalling signalling, Map<String, Object> properties) {
        Object kind = properties.get(Signalling.KIND);
        if (kind != null) {
            signallings.remove(kind.toString(), signalling);
        }
        for (Endpoint endpoint : endpoints) {
            endpoint.signallingGone(signalling);
        }
    }

    /** The signalling service for a node kind, or null. */
    Signalling signalling(String kind) {
        return signallings.get(kind);
    }

    /** A node is closed (render thread): its call ends without the frame waiting for it. */
    void closed(Endpoint endpoint) {
        if (endpoints.remove(endpoint)) {
            endpoint.close();
        }
    }

    /** The nodes outlive this factory until their window's next frame: their calls end now. */
    @Deactivate
    public void deactivate() {
        for (Endpoint endpoint : endpoints) {
            if (endpoints.remove(endpoint)) {
                endpoint.closeNow();
            }
        }
    }
}
