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
     * @param codingMillis the time the encoder (outgoing) or decoder (incoming) took per frame over the
     *        measurement, or NaN when not known
     * @param bufferMillis incoming only: the time a frame waited in the jitter buffer over the
     *        measurement, on average; NaN for outgoing video or when not known
     * @param limitation outgoing only: what WebRTC says holds the quality back now ({@code none},
     *        {@code cpu}, {@code bandwidth} or {@code other}); null for incoming video or when not known
     */
    public record Video(String codec, int width, int height, double framesPerSecond, long bitsPerSecond,
            long packetsLost, double jitterMillis, double codingMillis, double bufferMillis, String limitation) {

        /** Video without the coding, buffering and limitation readings (API 1.1). */
        public Video(String codec, int width, int height, double framesPerSecond, long bitsPerSecond,
                long packetsLost, double jitterMillis) {
            this(codec, width, height, framesPerSecond, bitsPerSecond, packetsLost, jitterMillis, Double.NaN,
                Double.NaN, null);
        }
    }
}
