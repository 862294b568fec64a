package flitter.model;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * An endless, deterministic stream of numbers behind a vector: the pseudo-random sources
 * ({@code uniform(seed)}, {@code normal(seed)}, {@code beta(seed)}). As in the original, such a vector
 * has length 0 but is true, is indexed like {@code uniform(:x)[..3]}, and equals another source only
 * of the same kind and seed.
 */
@ConsumerType
public interface Generator {
    /** The {@code i}-th number of the stream (any 64-bit index; negative ones wrap as unsigned). */
    double item(long i);

    /** The seed hash that, with the generator's class, identifies the stream. */
    long seed();
}
