/**
 * The Flitter language: the {@link flitter.language.Compiler} service turns program text into a
 * {@link flitter.language.Program}, which runs once per frame and yields the node tree.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package flitter.language;
