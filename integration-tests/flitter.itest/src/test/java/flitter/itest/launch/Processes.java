package flitter.itest.launch;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Stopping a process the tests started, with everything it started in turn. */
final class Processes {
    private Processes() {
    }

    /**
     * Asks {@code process} and every process under it to stop, then waits until all have ended (forcing
     * those still there after 20 s), so nothing writes into a test's folder afterwards. Waiting for the
     * top process alone is not enough: a launcher script killed by the signal returns before its JVM
     * has shut down, and a browser before its helper processes.
     */
    static void stop(Process process) {
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        all.forEach(ProcessHandle::destroy);
        try {
            if (!awaitExit(all, 20)) {
                all.forEach(ProcessHandle::destroyForcibly);
                awaitExit(all, 10);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean awaitExit(List<ProcessHandle> processes, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        for (ProcessHandle handle : processes) {
            try {
                handle.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException | TimeoutException e) {
                return false;
            }
        }
        return true;
    }
}
