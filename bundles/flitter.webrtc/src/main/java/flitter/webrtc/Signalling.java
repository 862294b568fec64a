package flitter.webrtc;

import org.osgi.annotation.versioning.ConsumerType;

import flitter.model.Node;

/**
 * A signalling protocol: a service with the property {@value #KIND} naming the node kind it answers to
 * (without the {@code !}). The {@code !webrtc} endpoint starts one session per signalling node and
 * closes it when the node's attributes change, the node goes, the connection fails or closes, or this
 * service goes.
 */
@ConsumerType
public interface Signalling {
    /** The service property naming the signalling node kind, e.g. {@code broadcast}. */
    String KIND = "flitter.signalling.kind";

    /**
     * Starts signalling for {@code call} with the attributes of the signalling {@code node}. Must not
     * block: the session runs on threads of its own and drives {@code call} from there.
     */
    Session start(Node node, Call call);

    /** One run of the protocol for one endpoint. */
    @ConsumerType
    interface Session extends AutoCloseable {
        /**
         * Stops the session: no call into its {@link Call} after this returns. Does not throw; may
         * wait briefly for the session's own threads.
         */
        @Override
        void close();
    }
}
