package flitter.webrtc;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What an operator sees of this host's calls and may do to them: a service of the WebRTC bundle.
 * Endpoints are named as in {@link CallInfo#endpoint()}: the {@code !webrtc} node's {@code id=} when it
 * has one, else its path in its window.
 */
@ProviderType
public interface Calls {
    /** Every {@code !webrtc} endpoint now, with or without a call. */
    List<CallInfo> calls();

    /**
     * The statistics of {@code endpoint}'s connection, measured over about a second (rates need two
     * readings); empty when there is no such endpoint or it has no connection.
     */
    CompletionStage<Optional<CallStats>> stats(String endpoint);

    /**
     * Ends {@code endpoint}'s connection; signalling starts again at once, as after a failure. False when
     * there is no such endpoint.
     */
    boolean hangUp(String endpoint);

    /** The signalling kinds on offer, and who provides them. */
    List<SignallingInfo> signalling();
}
