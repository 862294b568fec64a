package flitter.shell.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import flitter.webrtc.CallInfo;
import flitter.webrtc.CallStats;
import flitter.webrtc.Calls;
import flitter.webrtc.SignallingInfo;

/**
 * {@code webrtc:calls}, {@code webrtc:stats}, {@code webrtc:hangup} and {@code webrtc:signalling}: the
 * calls of this host as values (formatted by {@link WebRtcFormats}), so they compose in Gogo (lists are
 * plain {@link ArrayList}s, whose methods Gogo can call: {@code (webrtc:calls) get 0}).
 */
@Component(service = WebRtcCommands.class, property = {
    "osgi.command.scope=webrtc",
    "osgi.command.function=calls",
    "osgi.command.function=stats",
    "osgi.command.function=hangup",
    "osgi.command.function=signalling"
})
public final class WebRtcCommands {
    private final Calls calls;

    @Activate
    public WebRtcCommands(@Reference Calls calls) {
        this.calls = calls;
    }

    @Descriptor("list every !webrtc endpoint: its signalling and parameters (secrets masked), state, peer, "
        + "time connected and the bundle providing its signalling")
    public List<CallInfo> calls() {
        return new ArrayList<>(calls.calls());
    }

    @Descriptor("measure an endpoint's call for a second: codec, resolution, frame rate, bitrate, packets lost and "
        + "jitter each way, round-trip time and the selected ICE candidate pair")
    public CallStats stats(@Descriptor("the endpoint, as webrtc:calls names it (its id= or node path)") String endpoint)
            throws Exception {
        Optional<CallStats> stats = calls.stats(endpoint).toCompletableFuture().get(10, TimeUnit.SECONDS);
        return stats.orElseThrow(() -> new IllegalArgumentException(unknown(endpoint, "has no connection")));
    }

    @Descriptor("measure the call of the only endpoint (as webrtc:stats ENDPOINT)")
    public CallStats stats() throws Exception {
        List<CallInfo> all = calls.calls();
        if (all.size() != 1) {
            throw new IllegalArgumentException("there are " + all.size() + " endpoints; name one: "
                + all.stream().map(CallInfo::endpoint).toList());
        }
        return stats(all.get(0).endpoint());
    }

    @Descriptor("hang up an endpoint's call; its signalling starts again at once, as after a failure")
    public String hangup(@Descriptor("the endpoint, as webrtc:calls names it (its id= or node path)") String endpoint) {
        if (!calls.hangUp(endpoint)) {
            throw new IllegalArgumentException(unknown(endpoint, "is not an endpoint"));
        }
        return "hung up " + endpoint + "; signalling again";
    }

    @Descriptor("list the signalling kinds on offer, with the bundle (id, name, version) that provides each")
    public List<SignallingInfo> signalling() {
        return new ArrayList<>(calls.signalling());
    }

    private String unknown(String endpoint, String problem) {
        return "'" + endpoint + "' " + problem + " (endpoints: " + calls.calls().stream().map(CallInfo::endpoint).toList()
            + ")";
    }
}
