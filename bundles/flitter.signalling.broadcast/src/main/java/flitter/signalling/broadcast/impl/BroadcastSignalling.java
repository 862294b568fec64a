package flitter.signalling.broadcast.impl;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.Designate;

import flitter.model.Node;
import flitter.webrtc.Call;
import flitter.webrtc.Signalling;

/**
 * {@code !broadcast}: signalling on a LAN by UDP broadcast, wire-compatible with flitter-webrtc (see
 * {@link BroadcastSession} and {@link Message}). Keys are derived on the sessions' threads and cached
 * for the life of the component. Configured as {@code flitter.signalling.broadcast} ({@link BroadcastConfig}).
 */
@Component(property = Signalling.KIND + "=broadcast", configurationPid = "flitter.signalling.broadcast")
@Designate(ocd = BroadcastConfig.class)
public final class BroadcastSignalling implements Signalling {
    private final Logger log;
    private final Keys keys = new Keys();
    private final Set<BroadcastSession> sessions = ConcurrentHashMap.newKeySet();
    private volatile BroadcastConfig config;

    @Activate
    public BroadcastSignalling(BroadcastConfig config, @Reference(service = LoggerFactory.class) Logger log) {
        this.log = log;
        modified(config);
    }

    /** New settings apply to sessions that start afterwards. */
    @Modified
    void modified(BroadcastConfig config) {
        this.config = config;
    }

    @Override
    public Session start(Node node, Call call) {
        BroadcastConfig defaults = config;
        Settings settings = Settings.of(node, defaults.port(), defaults.secret());
        if (settings.id() == null) {
            log.debug("{}: !broadcast has neither call= nor answer=; not signalling", call.name());
            return () -> {
            };
        }
        BroadcastSession session = new BroadcastSession(settings, call, keys, log,
            Math.max(1, defaults.logInterval()) * 1000L);
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
        for (BroadcastSession session : sessions) {
            session.close();
        }
        sessions.clear();
    }
}
