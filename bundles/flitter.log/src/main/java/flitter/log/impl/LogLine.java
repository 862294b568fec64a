package flitter.log.impl;

import org.osgi.service.log.LogLevel;

/** The text of one console log line. */
final class LogLine {
    private LogLine() {
    }

    static String format(String time, LogLevel level, String source, String message, Throwable exception,
            long suppressedBefore) {
        StringBuilder line = new StringBuilder(128)
            .append(time).append(" | ")
            .append(String.format("%-5s", level.name())).append(" | ")
            .append(source).append(" | ")
            .append(message);
        if (exception != null) {
            line.append(": ").append(exception);
        }
        if (suppressedBefore > 0) {
            line.append(" (").append(suppressedBefore).append(" identical message")
                .append(suppressedBefore == 1 ? "" : "s").append(" suppressed)");
        }
        return line.toString();
    }
}
