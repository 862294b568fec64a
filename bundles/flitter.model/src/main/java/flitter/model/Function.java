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
    /** The name Flitter prints for the function. */
    String name();

    /**
     * Calls the function.
     *
     * @param context where the call runs: state, error reporting, file paths
     * @param args the positional arguments
     * @param named the named arguments (empty when none)
     */
    Vector call(Context context, Vector[] args, Map<String, Vector> named);
}
