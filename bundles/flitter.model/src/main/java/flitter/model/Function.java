package flitter.model;

import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A function value: a built-in, or a function defined by a program. Functions are called with
 * positional arguments and optional named arguments; errors are reported to the context and the
 * function then returns {@link Vector#NULL}, as Flitter never stops for an error.
 */
@ConsumerType
public interface Function {
    /** The function's name, as a value's text form gives it (for instance {@code split(f, ',')}). */
    String name();

    /** How the function prints inside a vector (without the parentheses around it): {@code <Function: NAME>}. */
    default String repr() {
        return "<Function: " + name() + ">";
    }

    /**
     * Calls the function.
     *
     * @param context where the call runs: state, error reporting, file paths
     * @param args the positional arguments
     * @param named the named arguments (empty when none)
     */
    Vector call(Context context, Vector[] args, Map<String, Vector> named);
}
