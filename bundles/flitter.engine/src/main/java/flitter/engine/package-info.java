/**
 * The engine's API. Its plugin point for top-level renderers: a {@link flitter.engine.RendererFactory}
 * service registered with the property {@value flitter.engine.RendererFactory#KIND} (e.g. {@code window},
 * {@code offscreen}) receives every top-level node of that kind, one {@link flitter.engine.Renderer} per
 * node, each frame. And the shows it runs, as services: a {@link flitter.engine.RunningShow} per show,
 * through which operators' commands steer it.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package flitter.engine;
