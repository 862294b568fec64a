package flitter.shell.impl;

import java.time.Duration;
import java.util.Locale;
import java.util.stream.Collectors;

import org.apache.felix.service.command.Converter;
import org.osgi.service.component.annotations.Component;

import flitter.webrtc.CallInfo;
import flitter.webrtc.CallStats;
import flitter.webrtc.SignallingInfo;

/** How Gogo shows the WebRTC commands' values: one line each in a list, a block when shown alone. */
@Component(property = Converter.CONVERTER_CLASSES + "=flitter.webrtc.CallInfo,flitter.webrtc.CallStats,"
    + "flitter.webrtc.SignallingInfo")
public final class WebRtcFormats implements Converter {
    @Override
    public Object convert(Class<?> desiredType, Object in) {
        return null;
    }

    @Override
    public CharSequence format(Object target, int level, Converter escape) {
        if (target instanceof CallInfo call) {
            return level == INSPECT ? inspect(call) : line(call);
        }
        if (target instanceof CallStats stats) {
            return level == INSPECT ? inspect(stats) : stats.endpoint() + " out " + video(stats.outgoing(), true) + " in "
                + video(stats.incoming(), false);
        }
        if (target instanceof SignallingInfo info) {
            return "!" + info.kind() + " from " + info.bundle() + " " + info.version() + " (bundle " + info.bundleId() + ")";
        }
        return null;
    }

    static String line(CallInfo call) {
        return call.endpoint() + "  " + signalling(call) + "  " + state(call) + (call.peer() == null ? "" : "  peer " + call.peer())
            + (call.connectedFor() == null ? "" : "  up " + duration(call.connectedFor()))
            + (call.provider() == null ? "" : "  from " + call.provider());
    }

    private static String inspect(CallInfo call) {
        return "endpoint     " + call.endpoint() + "\nsignalling   " + signalling(call) + "\nstate        " + state(call)
            + "\npeer         " + (call.peer() == null ? "-" : call.peer())
            + "\nconnected    " + (call.connectedFor() == null ? "-" : duration(call.connectedFor()))
            + "\nprovided by  " + (call.provider() == null ? "-" : call.provider());
    }

    private static String inspect(CallStats stats) {
        return "endpoint     " + stats.endpoint()
            + "\noutgoing     " + video(stats.outgoing(), true)
            + "\nincoming     " + video(stats.incoming(), false)
            + "\nround trip   " + (Double.isNaN(stats.roundTripMillis()) ? "-" : format("%.1f ms", stats.roundTripMillis()))
            + "\nlocal        " + (stats.localCandidate() == null ? "-" : stats.localCandidate())
            + "\nremote       " + (stats.remoteCandidate() == null ? "-" : stats.remoteCandidate());
    }

    private static String signalling(CallInfo call) {
        if (call.signalling() == null) {
            return "(no signalling)";
        }
        return "!" + call.signalling() + call.parameters().entrySet().stream()
            .map(e -> " " + e.getKey() + "=" + e.getValue()).collect(Collectors.joining());
    }

    private static String state(CallInfo call) {
        return call.state() == null ? "null" : ":" + call.state().symbol();
    }

    /** One direction: {@code outgoing} names the coding time "encode", else "decode". */
    static String video(CallStats.Video video, boolean outgoing) {
        if (video.codec() == null) {
            return "no video yet";
        }
        return video.codec() + " " + video.width() + "x" + video.height() + format(" %.1f fps %.0f kbit/s", video.framesPerSecond(),
            video.bitsPerSecond() / 1000.0) + " lost " + video.packetsLost()
            + (Double.isNaN(video.jitterMillis()) ? "" : format(" jitter %.1f ms", video.jitterMillis()))
            + (Double.isNaN(video.codingMillis()) ? ""
                : format(" %s %.1f ms", outgoing ? "encode" : "decode", video.codingMillis()))
            + (Double.isNaN(video.bufferMillis()) ? "" : format(" buffer %.1f ms", video.bufferMillis()))
            + (video.limitation() == null || video.limitation().equals("none") ? ""
                : " limited by " + video.limitation());
    }

    static String duration(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds < 60 ? seconds + " s" : format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }

    private static String format(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
