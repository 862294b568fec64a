package flitter.log.impl;

import java.util.Locale;
import java.util.Map;

import org.osgi.service.log.LogLevel;
import org.osgi.service.log.Logger;

/**
 * The command line's verbosity options, as log levels per logger name.
 *
 * <p>Flitter's own loggers (names under {@code flitter}) tell a user what the host is doing at INFO;
 * third-party bundles (the framework, SCR, FileInstall) speak only about trouble until the user asks
 * for more. Framework event loggers ({@code Events.*}) repeat every bundle and service change, so they
 * stay quiet until {@code --debug}.
 */
enum Verbosity {
    QUIET(LogLevel.WARN, LogLevel.WARN, LogLevel.WARN),
    DEFAULT(LogLevel.WARN, LogLevel.INFO, LogLevel.WARN),
    VERBOSE(LogLevel.INFO, LogLevel.DEBUG, LogLevel.WARN),
    DEBUG(LogLevel.DEBUG, LogLevel.DEBUG, LogLevel.DEBUG),
    TRACE(LogLevel.TRACE, LogLevel.TRACE, LogLevel.TRACE);

    /** The framework property the launcher sets from {@code --quiet}, {@code --verbose}, … */
    static final String PROPERTY = "flitter.log.level";

    private final LogLevel root;
    private final LogLevel flitter;
    private final LogLevel events;

    Verbosity(LogLevel root, LogLevel flitter, LogLevel events) {
        this.root = root;
        this.flitter = flitter;
        this.events = events;
    }

    /** The verbosity a property value names; {@code null} or blank means the default. */
    static Verbosity parse(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown log level '" + value
                + "' in " + PROPERTY + ": expected quiet, default, verbose, debug or trace", e);
        }
    }

    /** The levels to set on the root logger context (the keys are logger name prefixes). */
    Map<String, LogLevel> levels() {
        return Map.of(Logger.ROOT_LOGGER_NAME, root, "flitter", flitter, "Events", events);
    }

    /** Whether a log entry at this level should show its exception's stack trace. */
    boolean showsStackTraces() {
        return compareTo(DEBUG) >= 0;
    }
}
