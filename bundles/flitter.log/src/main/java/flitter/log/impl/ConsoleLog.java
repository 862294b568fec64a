package flitter.log.impl;

import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;
import org.osgi.service.log.admin.LoggerAdmin;
import org.osgi.service.log.admin.LoggerContext;

/**
 * Writes every log entry the log service lets through to standard error, one line each.
 *
 * <p>The levels are set once, from the {@value Verbosity#PROPERTY} framework property, on the log
 * service's root logger context. Loggers honour them, but Felix Log records framework events
 * ({@code Events.*}) without asking, so entries are checked against the same context here too.
 */
@Component(immediate = true)
public final class ConsoleLog implements LogListener {
    private static final DateTimeFormatter TIME =
        DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());
    private static final long REPEAT_WINDOW_MILLIS = 10_000;

    private final LogReaderService reader;
    private final LoggerContext levels;
    private final Verbosity verbosity;
    private final RepeatFilter repeats = new RepeatFilter(REPEAT_WINDOW_MILLIS, 1024);
    private final PrintStream out = System.err;

    @Activate
    public ConsoleLog(BundleContext context, @Reference LoggerAdmin admin, @Reference LogReaderService reader) {
        this.reader = reader;
        this.verbosity = Verbosity.parse(context.getProperty(Verbosity.PROPERTY));
        this.levels = admin.getLoggerContext(null);
        levels.setLogLevels(verbosity.levels());
        reader.addLogListener(this);
    }

    @Deactivate
    void deactivate() {
        reader.removeLogListener(this);
    }

    @Override
    public void logged(LogEntry entry) {
        if (!levels.getEffectiveLogLevel(entry.getLoggerName()).implies(entry.getLogLevel())) {
            return;
        }
        String source = entry.getBundle() == null ? "-" : entry.getBundle().getSymbolicName();
        String key = entry.getLogLevel() + "|" + source + "|" + entry.getLoggerName() + "|" + entry.getMessage();
        RepeatFilter.Verdict verdict = repeats.admit(key, entry.getTime());
        if (!verdict.write()) {
            return;
        }
        out.println(LogLine.format(TIME.format(Instant.ofEpochMilli(entry.getTime())), entry.getLogLevel(),
            source, entry.getMessage(), entry.getException(), verdict.suppressedBefore()));
        if (entry.getException() != null && verbosity.showsStackTraces()) {
            entry.getException().printStackTrace(out);
        }
    }
}
