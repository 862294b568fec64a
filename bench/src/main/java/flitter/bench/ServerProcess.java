package flitter.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The room server as a process of its own, started the way a user starts it:
 * {@code ./flitter signalling-server --host 127.0.0.1 --port P --quiet}, with an empty load folder so the
 * configuration's defaults apply. Its memory and CPU are the launcher's and all its descendants' (the
 * script and the JVM it starts), read from /proc, apart from the load generator's.
 */
final class ServerProcess implements AutoCloseable {
    private static final long START_SECONDS = 180;
    /** How long G1 takes to give memory back after a full GC (it uncommits in the background). */
    private static final long UNCOMMIT_MILLIS = 2000;

    private final Process launcher;
    private final InetSocketAddress address;
    private final Path log;

    private ServerProcess(Process launcher, InetSocketAddress address, Path log) {
        this.launcher = launcher;
        this.address = address;
        this.log = log;
    }

    /**
     * Starts the server on a free port of 127.0.0.1 and waits until it accepts connections.
     *
     * @param folder the working folder: the load folder and the server's output go there
     */
    static ServerProcess start(Path launcherScript, Path folder) throws IOException, InterruptedException {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Path load = Files.createDirectories(folder.resolve("load"));
        Path log = folder.resolve("server.log");
        Process process = new ProcessBuilder(launcherScript.toAbsolutePath().toString(), "signalling-server",
            "--host", "127.0.0.1", "--port", Integer.toString(port), "--quiet", "--load", load.toString())
            .directory(folder.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ServerProcess server = new ServerProcess(process, new InetSocketAddress("127.0.0.1", port), log);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_SECONDS);
        while (!server.accepts()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                server.close();
                throw new IOException("the signalling server did not start; its output:\n" + Files.readString(log));
            }
            Thread.sleep(100);
        }
        return server;
    }

    private boolean accepts() {
        try (Socket probe = new Socket()) {
            probe.connect(address, 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    InetSocketAddress address() {
        return address;
    }

    /** The server JVM's process ID (the launcher's own when it has no child yet). */
    long pid() {
        List<Long> pids = processes();
        return pids.get(pids.size() - 1);
    }

    /** The launcher and its descendants, the launcher first. */
    private List<Long> processes() {
        List<Long> pids = new ArrayList<>();
        pids.add(launcher.pid());
        launcher.descendants().forEach(child -> pids.add(child.pid()));
        return pids;
    }

    /** Resident memory of the launcher and its descendants together, in megabytes. */
    double residentMegabytes() throws IOException {
        long kilobytes = 0;
        for (long pid : processes()) {
            kilobytes += ProcStats.residentKilobytes(pid);
        }
        return kilobytes / 1024.0;
    }

    /** CPU time of the launcher and its descendants together so far. */
    long cpuNanos() throws IOException {
        long nanos = 0;
        for (long pid : processes()) {
            nanos += ProcStats.cpuNanos(pid);
        }
        return nanos;
    }

    /** Threads of the launcher and its descendants together. */
    long threads() throws IOException {
        long threads = 0;
        for (long pid : processes()) {
            threads += ProcStats.threads(pid);
        }
        return threads;
    }

    /**
     * Waits until the server has at most {@code threads} threads (its clients' threads have ended), for at
     * most {@code seconds}; returns the count it ended with.
     */
    long awaitThreads(long threads, long seconds) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long now = threads();
        while (now > threads && System.nanoTime() < deadline) {
            Thread.sleep(100);
            now = threads();
        }
        return now;
    }

    /**
     * Has the server JVM collect its garbage (a full GC, through {@code jcmd PID GC.run}: the JVM then gives
     * heap back to the system, in the background: this waits {@link #UNCOMMIT_MILLIS} for that) and returns
     * its heap in use afterwards, in megabytes; NaN when the JDK has no jcmd or it failed.
     */
    double collectGarbage() throws IOException, InterruptedException {
        Path java = Path.of(ProcessHandle.current().info().command().orElse("java"));
        Path jcmd = java.resolveSibling("jcmd");
        if (!Files.isExecutable(jcmd)) {
            return Double.NaN;
        }
        String pid = Long.toString(pid());
        if (run(jcmd.toString(), pid, "GC.run") == null) {
            return Double.NaN;
        }
        Thread.sleep(UNCOMMIT_MILLIS);
        String info = run(jcmd.toString(), pid, "GC.heap_info");
        Matcher used = info == null ? null : Pattern.compile("used (\\d+)K").matcher(info);
        return used != null && used.find() ? Long.parseLong(used.group(1)) / 1024.0 : Double.NaN;
    }

    /** A command's output, or null when it failed or took over 30 s. */
    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            return null;
        }
        return output;
    }

    /** What the server has written (warnings and errors: it runs with --quiet). */
    String output() throws IOException {
        return Files.readString(log);
    }

    /** Stops the server as Ctrl-C would (SIGTERM to the JVM: its shutdown hook closes the clients), then the launcher. */
    @Override
    public void close() throws InterruptedException {
        launcher.descendants().forEach(ProcessHandle::destroy);
        if (!launcher.waitFor(15, TimeUnit.SECONDS)) {
            launcher.descendants().forEach(ProcessHandle::destroyForcibly);
            launcher.destroyForcibly();
            launcher.waitFor(5, TimeUnit.SECONDS);
        }
    }
}
