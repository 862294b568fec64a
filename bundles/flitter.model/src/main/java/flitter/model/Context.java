package flitter.model;

import java.nio.file.Path;

import org.osgi.annotation.versioning.ProviderType;

/** What a running program and the functions it calls can see of the world. */
@ProviderType
public interface Context {
    /** The state mapping's value for {@code key}, or {@link Vector#NULL}; read-only while a program runs. */
    Vector state(Vector key);

    /** Reports an evaluation error; the engine logs each distinct message once. */
    void error(String message);

    /** Logs a message from the program (e.g. {@code debug()}). */
    void log(String message);

    /** The file of the program (or module) being run, against which relative file names resolve; may be null. */
    Path path();
}
