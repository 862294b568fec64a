package flitter.itest.launch;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** A Flitter host started through {@code ./flitter}, as a user starts it, in a folder of its own. */
final class Host implements AutoCloseable {
    static final Path ROOT = Paths.get(System.getProperty("flitter.root")).toAbsolutePath().normalize();
    static final Path LAUNCHER = ROOT.resolve("flitter");

    final Path folder;
    final Path output;
    final Process process;
    /** Where a signalling server listens ({@link #signallingServer}); 0 for other hosts. */
    private int port;

    private Host(Path folder, Process process) {
        this.folder = folder;
        this.output = folder.resolve("output.txt");
        this.process = process;
    }

    /** Starts {@code ./flitter ARGS} in {@code folder}, standard output and error going to one file. */
    static Host start(Path folder, String... args) throws IOException {
        return start(folder, environment -> { }, args);
    }

    /** {@link #start(Path, String...)} with the environment changed by {@code environment}. */
    static Host start(Path folder, Consumer<Map<String, String>> environment, String... args) throws IOException {
        return start(List.of(), folder, environment, args);
    }

    /**
     * {@link #start(Path, Consumer, String...)} with {@code prefix} before the launcher (for instance
     * {@code ip netns exec NAME}). Its standard input stays open for {@link #shell(String)}.
     */
    static Host start(List<String> prefix, Path folder, Consumer<Map<String, String>> environment, String... args)
            throws IOException {
        List<String> command = new ArrayList<>(prefix);
        command.add(LAUNCHER.toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        environment.accept(builder.environment());
        Process process = builder
            .directory(folder.toFile())
            .redirectErrorStream(true)
            .redirectOutput(folder.resolve("output.txt").toFile())
            .start();
        return new Host(folder, process);
    }

    /** Runs {@code ./flitter ARGS} to its end and returns its exit status and output. */
    static Result run(Path folder, Duration timeout, String... args) throws Exception {
        return run(folder, timeout, environment -> { }, args);
    }

    /** {@link #run(Path, Duration, String...)} with the environment changed by {@code environment}. */
    static Result run(Path folder, Duration timeout, Consumer<Map<String, String>> environment, String... args)
            throws Exception {
        try (Host host = start(folder, environment, args)) {
            if (!host.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("./flitter " + String.join(" ", args) + " did not finish in " + timeout
                    + "; output:\n" + host.output());
            }
            return new Result(host.process.exitValue(), host.output());
        }
    }

    record Result(int status, String output) {
    }

    /** Types {@code command} into the host's Gogo shell on standard input (started with {@code --shell}). */
    void shell(String command) throws IOException {
        process.getOutputStream().write((command + "\n").getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().flush();
    }

    /** Waits until the output holds a line matching {@code line}; returns that line. */
    String awaitLine(Predicate<String> line, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<String> found = output().lines().filter(line).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            if (System.nanoTime() > deadline || !process.isAlive()) {
                throw new AssertionError("no such line in the host's output after " + timeout + (process.isAlive() ? ""
                    : " (the host ended)") + ":\n" + output());
            }
            Thread.sleep(100);
        }
    }

    String output() throws IOException {
        return Files.exists(output) ? Files.readString(output, StandardCharsets.UTF_8) : "";
    }

    /**
     * Starts {@code ./flitter signalling-server} on 127.0.0.1 at a free port, in {@code folder}/server,
     * and waits until it listens; {@link #port()} tells where.
     */
    static Host signallingServer(Path folder, Duration timeout) throws Exception {
        int port = freeLoopbackPort();
        Host server = start(Files.createDirectories(folder.resolve("server")), "signalling-server", "--host",
            "127.0.0.1", "--port", String.valueOf(port), "--verbose");
        try {
            server.awaitLine(l -> l.contains("127.0.0.1:" + port), timeout);
        } catch (Exception | AssertionError e) {
            server.close();
            throw e;
        }
        server.port = port;
        return server;
    }

    /** The port a host started by {@link #signallingServer} listens on. */
    int port() {
        return port;
    }

    static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Stops the host and waits for the launcher and its JVM ({@link Processes#stop(Process)}). */
    @Override
    public void close() {
        Processes.stop(process);
    }
}
