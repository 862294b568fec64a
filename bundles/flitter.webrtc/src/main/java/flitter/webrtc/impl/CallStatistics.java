package flitter.webrtc.impl;

import java.util.Map;
import java.util.Objects;

import dev.onvoid.webrtc.RTCStats;
import dev.onvoid.webrtc.RTCStatsReport;
import dev.onvoid.webrtc.RTCStatsType;
import flitter.webrtc.CallStats;

/**
 * Reads what an operator wants from WebRTC's statistics (the W3C names, as libwebrtc reports them):
 * the video each way, the selected candidate pair and its round-trip time. Rates come from two reports
 * taken a while apart.
 */
final class CallStatistics {
    private CallStatistics() {
    }

    /** The statistics of {@code endpoint} from an earlier and a later report. */
    static CallStats of(String endpoint, RTCStatsReport earlier, RTCStatsReport later) {
        RTCStats pair = selectedPair(later);
        double rtt = pair == null ? Double.NaN : number(pair, "currentRoundTripTime", Double.NaN) * 1000;
        return new CallStats(endpoint,
            video(later, earlier, RTCStatsType.OUTBOUND_RTP, "bytesSent", RTCStatsType.REMOTE_INBOUND_RTP),
            video(later, earlier, RTCStatsType.INBOUND_RTP, "bytesReceived", null),
            rtt,
            pair == null ? null : candidate(later, text(pair, "localCandidateId")),
            pair == null ? null : candidate(later, text(pair, "remoteCandidateId")));
    }

    /** The remote address of the selected candidate pair ({@code 10.0.0.2:5000}), or null. */
    static String peer(RTCStatsReport report) {
        RTCStats pair = selectedPair(report);
        RTCStats remote = pair == null ? null : report.getStats().get(text(pair, "remoteCandidateId"));
        return remote == null ? null : address(remote);
    }

    private static CallStats.Video video(RTCStatsReport later, RTCStatsReport earlier, RTCStatsType type, String bytes,
            RTCStatsType lossReport) {
        RTCStats now = video(later, type);
        if (now == null) {
            return new CallStats.Video(null, 0, 0, 0, 0, 0, Double.NaN);
        }
        RTCStats before = earlier.getStats().get(now.getId());
        long bits = 0;
        if (before != null && now.getTimestamp() > before.getTimestamp()) {
            double seconds = (now.getTimestamp() - before.getTimestamp()) / 1e6;
            bits = Math.round((number(now, bytes, 0) - number(before, bytes, 0)) * 8 / seconds);
        }
        RTCStats loss = now;
        if (lossReport != null) {
            loss = later.getStats().values().stream()
                .filter(s -> s.getType() == lossReport && Objects.equals(text(s, "localId"), now.getId()))
                .findFirst().orElse(null);
        }
        RTCStats codec = later.getStats().get(text(now, "codecId"));
        boolean outgoing = type == RTCStatsType.OUTBOUND_RTP;
        double coding = outgoing ? perFrame(now, before, "totalEncodeTime", "framesEncoded")
            : perFrame(now, before, "totalDecodeTime", "framesDecoded");
        double buffer = outgoing ? Double.NaN : perFrame(now, before, "jitterBufferDelay", "jitterBufferEmittedCount");
        return new CallStats.Video(codec == null ? null : text(codec, "mimeType"),
            (int) number(now, "frameWidth", 0), (int) number(now, "frameHeight", 0),
            number(now, "framesPerSecond", 0), bits,
            loss == null ? 0 : (long) number(loss, "packetsLost", 0),
            loss == null ? Double.NaN : number(loss, "jitter", Double.NaN) * 1000,
            coding, buffer, outgoing ? text(now, "qualityLimitationReason") : null);
    }

    /**
     * The growth of the running total {@code seconds} per unit of the running count {@code frames}
     * between two readings, in milliseconds; NaN without both readings or without new frames.
     */
    private static double perFrame(RTCStats now, RTCStats before, String seconds, String frames) {
        if (before == null) {
            return Double.NaN;
        }
        double count = number(now, frames, Double.NaN) - number(before, frames, Double.NaN);
        double total = number(now, seconds, Double.NaN) - number(before, seconds, Double.NaN);
        return count > 0 ? total / count * 1000 : Double.NaN;
    }

    private static RTCStats video(RTCStatsReport report, RTCStatsType type) {
        for (RTCStats stats : report.getStats().values()) {
            if (stats.getType() == type && "video".equals(kind(stats))) {
                return stats;
            }
        }
        return null;
    }

    private static String kind(RTCStats stats) {
        String kind = text(stats, "kind");
        return kind != null ? kind : text(stats, "mediaType");
    }

    private static RTCStats selectedPair(RTCStatsReport report) {
        Map<String, RTCStats> all = report.getStats();
        for (RTCStats stats : all.values()) {
            if (stats.getType() == RTCStatsType.TRANSPORT) {
                RTCStats pair = all.get(text(stats, "selectedCandidatePairId"));
                if (pair != null) {
                    return pair;
                }
            }
        }
        for (RTCStats stats : all.values()) {
            if (stats.getType() == RTCStatsType.CANDIDATE_PAIR && Boolean.TRUE.equals(stats.getAttributes().get("nominated"))
                    && "succeeded".equals(text(stats, "state"))) {
                return stats;
            }
        }
        return null;
    }

    /** {@code host udp 10.0.0.1:5000}. */
    private static String candidate(RTCStatsReport report, String id) {
        RTCStats candidate = id == null ? null : report.getStats().get(id);
        if (candidate == null) {
            return null;
        }
        return text(candidate, "candidateType") + " " + text(candidate, "protocol") + " " + address(candidate);
    }

    private static String address(RTCStats candidate) {
        String address = text(candidate, "address");
        if (address == null) {
            address = text(candidate, "ip");
        }
        long port = (long) number(candidate, "port", 0);
        return address != null && address.contains(":") ? "[" + address + "]:" + port : address + ":" + port;
    }

    private static String text(RTCStats stats, String name) {
        Object value = stats.getAttributes().get(name);
        return value == null ? null : value.toString();
    }

    private static double number(RTCStats stats, String name, double otherwise) {
        Object value = stats.getAttributes().get(name);
        return value instanceof Number number ? number.doubleValue() : otherwise;
    }
}
