package flitter.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What Linux's /proc says about a process (all its threads, native ones included), and percentiles of samples. */
final class ProcStats {
    /** USER_HZ, the unit of /proc's CPU times: 100 on Linux. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private ProcStats() {
    }

    /** The process's CPU time so far, user and system. */
    static long cpuNanos(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * NANOS_PER_TICK;
    }

    /** The process's resident memory (VmRSS) in kilobytes. */
    static long residentKilobytes(long pid) throws IOException {
        return statusField(pid, "VmRSS:");
    }

    /** How many threads the process has. */
    static long threads(long pid) throws IOException {
        return statusField(pid, "Threads:");
    }

    private static long statusField(long pid, String name) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith(name)) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return 0;
    }

    /** The {@code p} quantile (0 to 1) of sorted nanosecond samples, in milliseconds; NaN without samples. */
    static double percentileMillis(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) (p * sorted.size()))) / 1e6;
    }
}
