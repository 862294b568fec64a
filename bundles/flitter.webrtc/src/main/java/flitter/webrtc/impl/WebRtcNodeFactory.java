package flitter.webrtc.impl;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

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
import flitter.webrtc.CallInfo;
import flitter.webrtc.CallStats;
import flitter.webrtc.Calls;
import flitter.webrtc.Signalling;
import flitter.webrtc.SignallingInfo;

/**
 * Makes {@code !webrtc} nodes, and keeps the signalling kinds on offer: a kind that arrives is bound
 * by nodes at their next frame; one that leaves closes the calls using it before it is gone. As the
 * {@link Calls} service it shows operators every node's call.
 */
@Component(service = {WindowNodeFactory.class, Calls.class}, property = WindowNodeFactory.KIND + "=webrtc")
public final class WebRtcNodeFactory implements WindowNodeFactory, Calls {
    /** How long {@link #stats(String)} measures rates over. */
    static final long STATS_MILLIS = 1000;

    private final PeerConnections service;
    private final Map<String, Signalling> signallings = new ConcurrentHashMap<>();
    private final Map<Signalling, SignallingInfo> providers = new ConcurrentHashMap<>();
    private final Set<Endpoint> endpoints = ConcurrentHashMap.newKeySet();

    @Activate
    public WebRtcNodeFactory(@Reference PeerConnections service) {
        this.service = service;
    }

    @Override
    public WindowNode create(GlContext gl) {
        Endpoint endpoint = new Endpoint(service, softwareRenderer(gl.renderer()));
        endpoints.add(endpoint);
        return new WebRtcNode(gl, this, endpoint, new OutgoingVideo(service.video(), service.log()));
    }

    /** Whether {@code GL_RENDERER} names a renderer that runs on the CPU. */
    static boolean softwareRenderer(String renderer) {
        String name = renderer == null ? "" : renderer.toLowerCase(Locale.ROOT);
        return name.contains("llvmpipe") || name.contains("softpipe") || name.contains("swrast")
            || name.contains("swiftshader");
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
        policyOption = ReferencePolicyOption.GREEDY)
    public void addSignalling(Signalling signalling, Map<String, Object> properties) {
        Object kind = properties.get(Signalling.KIND);
        if (kind != null) {
            signallings.put(kind.toString(), signalling);
            providers.put(signalling, provider(kind.toString(), properties.get("service.bundleid")));
        }
    }

    /** The bundle that registered a signalling service, from its {@code service.bundleid}. */
    private static SignallingInfo provider(String kind, Object bundleId) {
        long id = bundleId instanceof Number number ? number.longValue() : -1;
        Bundle self = FrameworkUtil.getBundle(WebRtcNodeFactory.class);
        Bundle bundle = self == null || self.getBundleContext() == null ? null : self.getBundleContext().getBundle(id);
        return bundle == null ? new SignallingInfo(kind, id, null, null)
            : new SignallingInfo(kind, id, bundle.getSymbolicName(), bundle.getVersion().toString());
    }

    void removeSignalling(Signalling signalling, Map<String, Object> properties) {
        Object kind = properties.get(Signalling.KIND);
        if (kind != null) {
            signallings.remove(kind.toString(), signalling);
        }
        providers.remove(signalling);
        for (Endpoint endpoint : endpoints) {
            endpoint.signallingGone(signalling);
        }
    }

    /** The signalling service for a node kind, or null. */
    Signalling signalling(String kind) {
        return signallings.get(kind);
    }

    @Override
    public List<CallInfo> calls() {
        return endpoints.stream()
            .map(endpoint -> endpoint.info(signalling -> {
                SignallingInfo info = providers.get(signalling);
                return info == null ? null : info.bundle() + " " + info.version() + " (bundle " + info.bundleId() + ")";
            }))
            .sorted(Comparator.comparing(CallInfo::endpoint))
            .toList();
    }

    @Override
    public CompletionStage<Optional<CallStats>> stats(String endpoint) {
        return find(endpoint).map(found -> found.stats(STATS_MILLIS))
            .orElse(CompletableFuture.completedFuture(Optional.empty()));
    }

    @Override
    public boolean hangUp(String endpoint) {
        Optional<Endpoint> found = find(endpoint);
        found.ifPresent(Endpoint::hangUp);
        return found.isPresent();
    }

    @Override
    public List<SignallingInfo> signalling() {
        return providers.values().stream().sorted(Comparator.comparing(SignallingInfo::kind)).toList();
    }

    private Optional<Endpoint> find(String name) {
        return endpoints.stream().filter(endpoint -> endpoint.name().equals(name)).findFirst();
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
