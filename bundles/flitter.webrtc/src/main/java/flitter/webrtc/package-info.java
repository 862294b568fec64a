/**
 * The signalling plugin point of {@code !webrtc}. A signalling protocol ({@code !broadcast},
 * {@code !websocket}, …) is a {@link flitter.webrtc.Signalling} service registered with the property
 * {@value flitter.webrtc.Signalling#KIND} naming its node kind. A {@code !webrtc} node binds to the
 * service whose kind is the kind of one of its child nodes, starts a session with that child's
 * attributes and lets the session drive its {@link flitter.webrtc.Call}: make an offer or answer one,
 * finish with the answer, report failure.
 *
 * <p>For operators, the {@link flitter.webrtc.Calls} service lists every endpoint's call, measures
 * its statistics, hangs it up, and lists the signalling kinds on offer.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package flitter.webrtc;
