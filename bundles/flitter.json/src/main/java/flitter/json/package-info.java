/**
 * JSON as the original flitter-webrtc's Python reads and writes it ({@code json.loads},
 * {@code json.dumps}), for signalling messages that must match the original's byte for byte.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package flitter.json;
