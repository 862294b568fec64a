package flitter.webrtc;

import java.time.Duration;
import java.util.Map;

/**
 * One {@code !webrtc} endpoint as an operator sees it.
 *
 * @param endpoint the node's {@code id=}, else its path in its window
 * @param signalling the kind of its signalling node ({@code broadcast}), or null when it has none bound
 * @param parameters the signalling node's attributes in Flitter's text form; secrets are masked
 * @param state its connection's state, or null when it has none
 * @param peer the remote address of the connection's selected candidate pair, or null before connecting
 * @param connectedFor how long it has been connected, or null when it is not
 * @param provider the bundle that provides its signalling ({@code symbolic.name version (bundle N)}), or null
 */
public record CallInfo(String endpoint, String signalling, Map<String, String> parameters, CallState state, String peer,
        Duration connectedFor, String provider) {
}
