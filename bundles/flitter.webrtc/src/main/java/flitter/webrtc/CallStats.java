package flitter.webrtc;

/**
 * A connection's statistics, from WebRTC's own.
 *
 * @param endpoint as in {@link CallInfo#endpoint()}
 * @param outgoing the video this side sends
 * @param incoming the video this side receives
 * @param roundTripMillis the selected candidate pair's current round-trip time, or NaN when not measured yet
 * @param localCandidate this side of the selected candidate pair ({@code host udp 10.0.0.1:5000}), or null
 * @param remoteCandidate the other side of it, or null
 */
public record CallStats(String endpoint, Video outgoing, Video incoming, double roundTripMillis, String localCandidate,
        String remoteCandidate) {

    /**
     * One direction of video.
     *
     * @param codec the codec's MIME type ({@code video/VP8}), or null before any was chosen
     * @param width frame width, 0 before a frame went
     * @param height frame height, 0 before a frame went
     * @param framesPerSecond frames per second
     * @param bitsPerSecond payload bits per second over the measurement
     * @param packetsLost packets lost in this direction so far, as the receiving side counts them
     * @param jitterMillis the receiving side's jitter, or NaN when not known
     */
    public record Video(String codec, int width, int height, double framesPerSecond, long bitsPerSecond,
            long packetsLost, double jitterMillis) {
    }
}
