/**
 * Flitter's value model: {@link flitter.model.Vector} (every value is a vector of numbers, strings,
 * nodes or functions; symbols are numbers), {@link flitter.model.Node} (the render tree), the state
 * mapping and the context a function runs in.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package flitter.model;
