package flitter.signalling.websocket.impl;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

import flitter.model.Node;
import flitter.webrtc.Call;
import flitter.webrtc.Signalling;

/**
 * {@code !websocket}: signalling through rooms on a WebSocket server (the original's server, or
 * {@code flitter.signalling.server}), wire-compatible with flitter-webrtc; see {@link WebSocketSession}.
 */
@Component(property = Signalling.KIND + "=websocket")
public final class WebSocketSignalling implements Signalling {
    private final Logger log;
    private final Set<WebSocketSession> sessions = ConcurrentHashMap.newKeySet();

    @Activate
    public WebSocketSignalling(@Reference(service = LoggerFactory.class) Logger log) {
        this.log = log;
    }

    @Override
    public Session start(Node node, Call call) {
        Settings settings = Settings.of(node);
        if (settings == null) {
            log.debug("{}: !websocket needs url=, room= and id=; not signalling", call.name());
            return () -> {
            };
        }
        WebSocketSession session = new WebSocketSession(settings, call, log);
        sessions.add(session);
        session.start();
        return () -> {
            sessions.remove(session);
            session.close();
        };
    }

    /** Sessions still open when the bundle stops are closed, their threads gone, before it goes. */
    @Deactivate
    public void deactivate() {
        for (WebSocketSession session : sessions) {
            session.close();
        }
        sessions.clear();
    }
}
