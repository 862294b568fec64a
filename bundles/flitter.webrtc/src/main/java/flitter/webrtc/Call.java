package flitter.webrtc;

import java.util.concurrent.CompletionStage;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What a signalling session drives: the peer connection of one {@code !webrtc} endpoint. Offers and
 * answers are complete SDP, made once ICE gathering has finished or its bounded wait has run out.
 * Stages complete on the endpoint's own thread; a session that blocks on them must do so on its own
 * threads. After the session is closed every stage fails with
 * {@link java.util.concurrent.CancellationException} and nothing else happens.
 */
@ProviderType
public interface Call {
    /** Where the endpoint is, for messages: the {@code !webrtc} node's path in its window. */
    String name();

    /** Replaces any connection of this session with a new one and makes its offer. */
    CompletionStage<String> offer();

    /** Replaces any connection of this session with a new one, accepts {@code offer} and makes the answer. */
    CompletionStage<String> answer(String offer);

    /** Completes the connection made by {@link #offer()} with the remote {@code answer}. */
    CompletionStage<Void> finish(String answer);

    /** The state of this session's connection, or null when it has none. */
    CallState state();

    /**
     * The session cannot go on ({@code reason} says why, for the log): its connection is closed, the
     * session is closed, and signalling starts again with a new session after a pause.
     */
    void failed(String reason);
}
