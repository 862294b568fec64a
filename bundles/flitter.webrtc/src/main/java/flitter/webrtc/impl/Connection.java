package flitter.webrtc.impl;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.onvoid.webrtc.CreateSessionDescriptionObserver;
import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.PeerConnectionObserver;
import dev.onvoid.webrtc.RTCAnswerOptions;
import dev.onvoid.webrtc.RTCConfiguration;
import dev.onvoid.webrtc.RTCIceCandidate;
import dev.onvoid.webrtc.RTCIceGatheringState;
import dev.onvoid.webrtc.RTCOfferOptions;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCPeerConnectionState;
import dev.onvoid.webrtc.RTCRtpCodecCapability;
import dev.onvoid.webrtc.RTCRtpEncodingParameters;
import dev.onvoid.webrtc.RTCRtpSendParameters;
import dev.onvoid.webrtc.RTCRtpSender;
import dev.onvoid.webrtc.RTCRtpTransceiver;
import dev.onvoid.webrtc.RTCSdpType;
import dev.onvoid.webrtc.RTCSessionDescription;
import dev.onvoid.webrtc.RTCSignalingState;
import dev.onvoid.webrtc.RTCStatsReport;
import dev.onvoid.webrtc.SetSessionDescriptionObserver;
import dev.onvoid.webrtc.media.MediaStreamTrack;
import dev.onvoid.webrtc.media.video.CustomVideoSource;
import dev.onvoid.webrtc.media.video.NativeI420Buffer;
import dev.onvoid.webrtc.media.video.VideoFrame;
import dev.onvoid.webrtc.media.video.VideoTrack;
import dev.onvoid.webrtc.media.video.VideoTrackSink;

import flitter.webrtc.CallState;

/**
 * One peer connection with a two-way video track: the outgoing track fed from
 * {@link #send(NativeI420Buffer)}, the incoming frames kept one at a time ({@link #frames()}).
 * Native callbacks never throw and never block: they record and hand over to the control thread.
 * Owns every native object it makes; {@link #close()} frees them (once, from any thread).
 *
 * <p>A connection that is not connected can be negotiated again, for another call: an offer restarts
 * ICE when there was a remote description, an incoming offer first rolls back an unanswered local
 * one, and DTLS restarts with the new peer. The endpoint does this rather than make a new connection
 * because webrtc-java 0.14.0 never frees a peer connection's native object (its factory hands the
 * Java object a reference that {@code close()} does not give back).
 */
final class Connection implements AutoCloseable {
    /** Hears a connection's events, on the control thread. */
    interface Listener {
        void stateChanged(Connection connection, CallState state);
    }

    private final RTCPeerConnection peer;
    private final CustomVideoSource source;
    private final VideoTrack track;
    private final RTCRtpSender sender;
    private final int maxBitrate;
    private final Executor control;
    private final ReceivedFrames frames = new ReceivedFrames();
    private final VideoTrackSink sink = this::received;
    private volatile VideoTrack remote;
    private volatile CallState state = CallState.NEW;
    private volatile boolean closed;
    /** False while the endpoint keeps the connection between calls: nothing is sent or kept then. */
    private volatile boolean live = true;

    Connection(PeerConnectionFactory factory, RTCConfiguration configuration, List<RTCRtpCodecCapability> codecs,
            int maxBitrate, Executor control, Listener listener) {
        this.control = control;
        this.maxBitrate = maxBitrate;
        this.peer = factory.createPeerConnection(configuration, new PeerConnectionObserver() {
            @Override
            public void onIceCandidate(RTCIceCandidate candidate) {
            }

            @Override
            public void onConnectionChange(RTCPeerConnectionState change) {
                CallState now = CallState.valueOf(change.name());
                state = now;
                control.execute(() -> listener.stateChanged(Connection.this, now));
            }

            @Override
            public void onTrack(RTCRtpTransceiver transceiver) {
                MediaStreamTrack incoming = transceiver.getReceiver().getTrack();
                if (incoming instanceof VideoTrack video && !closed) {
                    remote = video;
                    video.addSink(sink);
                }
            }
        });
        this.source = new CustomVideoSource();
        this.track = factory.createVideoTrack("flitter", source);
        this.sender = peer.addTrack(track, List.of("flitter"));
        for (RTCRtpTransceiver transceiver : peer.getTransceivers()) {
            transceiver.setCodecPreferences(codecs);
        }
    }

    CallState state() {
        return state;
    }

    /** Makes an offer (restarting ICE after an earlier call) and sets it as the local description. */
    CompletableFuture<Void> offer() {
        RTCOfferOptions options = new RTCOfferOptions();
        options.iceRestart = peer.getRemoteDescription() != null;
        CompletableFuture<RTCSessionDescription> made = new CompletableFuture<>();
        peer.createOffer(options, described(made));
        return made.thenCompose(this::setLocal);
    }

    /** Sets the remote offer (after rolling back an unanswered local one), makes the answer and sets it. */
    CompletableFuture<Void> answer(String offer) {
        CompletableFuture<Void> ready = peer.getSignalingState() == RTCSignalingState.HAVE_LOCAL_OFFER
            ? setLocalOnly(new RTCSessionDescription(RTCSdpType.ROLLBACK, ""))
            : CompletableFuture.completedFuture(null);
        return ready.thenCompose(ignored -> setRemote(new RTCSessionDescription(RTCSdpType.OFFER, offer)))
            .thenCompose(ignored -> {
                CompletableFuture<RTCSessionDescription> made = new CompletableFuture<>();
                peer.createAnswer(new RTCAnswerOptions(), described(made));
                return made;
            }).thenCompose(this::setLocal);
    }

    /** Sets the remote answer. */
    CompletableFuture<Void> finish(String answer) {
        return setRemote(new RTCSessionDescription(RTCSdpType.ANSWER, answer));
    }

    /**
     * Completes when ICE gathering for the local description has completed, or after
     * {@code timeoutMillis} with what was gathered. Polled: after an ICE restart the gathering state
     * may still read complete from the earlier round, but the new description has no candidates yet.
     */
    CompletableFuture<Void> gathered(ScheduledExecutorService control, long timeoutMillis) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        Runnable check = new Runnable() {
            @Override
            public void run() {
                if (closed) {
                    done.cancel(false);
                    return;
                }
                String sdp = localSdp();
                boolean complete = peer.getIceGatheringState() == RTCIceGatheringState.COMPLETE
                    && sdp != null && sdp.contains("a=candidate");
                if (complete || System.nanoTime() > deadline) {
                    done.complete(null);
                } else {
                    control.schedule(this, 20, TimeUnit.MILLISECONDS);
                }
            }
        };
        control.execute(check);
        return done;
    }

    /** The local description as it stands: the SDP with every candidate gathered so far. */
    String localSdp() {
        RTCSessionDescription local = peer.getLocalDescription();
        return local == null ? null : local.sdp;
    }

    private CompletableFuture<Void> setLocal(RTCSessionDescription description) {
        return setLocalOnly(description).thenRun(this::capBitrate);
    }

    private CompletableFuture<Void> setLocalOnly(RTCSessionDescription description) {
        CompletableFuture<Void> set = new CompletableFuture<>();
        peer.setLocalDescription(description, applied(set));
        return set;
    }

    private CompletableFuture<Void> setRemote(RTCSessionDescription description) {
        CompletableFuture<Void> set = new CompletableFuture<>();
        peer.setRemoteDescription(description, applied(set));
        return set;
    }

    /** Raises (or lowers) the outgoing video's bitrate ceiling from WebRTC's default. */
    private void capBitrate() {
        RTCRtpSendParameters parameters = sender.getParameters();
        if (parameters.encodings != null && !parameters.encodings.isEmpty()) {
            for (RTCRtpEncodingParameters encoding : parameters.encodings) {
                encoding.maxBitrate = maxBitrate;
            }
            sender.setParameters(parameters);
        }
    }

    private CreateSessionDescriptionObserver described(CompletableFuture<RTCSessionDescription> made) {
        return new CreateSessionDescriptionObserver() {
            @Override
            public void onSuccess(RTCSessionDescription description) {
                control.execute(() -> made.complete(description));
            }

            @Override
            public void onFailure(String error) {
                control.execute(() -> made.completeExceptionally(new IllegalStateException(error)));
            }
        };
    }

    private SetSessionDescriptionObserver applied(CompletableFuture<Void> set) {
        return new SetSessionDescriptionObserver() {
            @Override
            public void onSuccess() {
                control.execute(() -> set.complete(null));
            }

            @Override
            public void onFailure(String error) {
                control.execute(() -> set.completeExceptionally(new IllegalStateException(error)));
            }
        };
    }

    /** Sends a frame on the outgoing track, taking over the caller's reference to {@code buffer}. */
    void send(NativeI420Buffer buffer) {
        VideoFrame frame = new VideoFrame(buffer, System.nanoTime());
        try {
            synchronized (this) {
                if (!closed && live) {
                    source.pushFrame(frame);
                }
            }
        } finally {
            frame.release();
        }
    }

    /** On a WebRTC thread: keeps the newest frame, releasing the one it replaces. */
    private void received(VideoFrame frame) {
        try {
            frames.received(frame);
        } catch (Throwable e) {
            // Never let anything reach the native caller.
        }
    }

    /** The newest received frame, for the render thread. */
    ReceivedFrames frames() {
        return frames;
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        VideoTrack incoming = remote;
        if (incoming != null) {
            incoming.removeSink(sink);
        }
        peer.close();
        synchronized (this) {
            // Disposing the local track after close throws; the source is what holds native memory.
            source.dispose();
        }
        frames.drop(true);
        state = CallState.CLOSED;
    }

    /** WebRTC's statistics now; completes on a WebRTC thread (fails once the connection is closed). */
    CompletableFuture<RTCStatsReport> stats() {
        CompletableFuture<RTCStatsReport> report = new CompletableFuture<>();
        synchronized (this) {
            if (closed) {
                report.completeExceptionally(new IllegalStateException("connection closed"));
            } else {
                peer.getStats(report::complete);
            }
        }
        return report;
    }

    boolean closed() {
        return closed;
    }

    /**
     * Between calls ({@code false}) nothing is sent and received frames are dropped; the next call
     * makes it live again.
     */
    void live(boolean live) {
        this.live = live;
        frames.drop(!live);
    }
}
