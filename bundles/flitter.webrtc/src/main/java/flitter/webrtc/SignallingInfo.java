package flitter.webrtc;

/**
 * A signalling kind on offer.
 *
 * @param kind the node kind it answers to ({@code broadcast})
 * @param bundleId the id of the bundle that registered it
 * @param bundle that bundle's symbolic name
 * @param version that bundle's version
 */
public record SignallingInfo(String kind, long bundleId, String bundle, String version) {
}
