/**
 * The window rendering tree on OpenGL and its plugin point. Every window node kind ({@code !shader},
 * {@code !image}, …) is a {@link flitter.render.gl.WindowNodeFactory} service registered with the
 * property {@value flitter.render.gl.WindowNodeFactory#KIND}; a bundle that registers one adds that
 * node kind to every window, and its nodes are released when it goes. {@link flitter.render.gl.ProgramNode}
 * is the base of nodes that run a shader program over their children's images.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package flitter.render.gl;
