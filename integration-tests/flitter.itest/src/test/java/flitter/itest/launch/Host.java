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
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** A Flitter host started through {@code ./flitter}, as a user starts it, in a folder of its own. */
final class Host implements AutoCloseable {
    static final Path ROOT = Paths.get(System.getProperty("flitter.root")).toAbsolutePath().normalize();
    static final Path LAUNCHER = ROOT.resolve("flitter");

    final Path folder;
    final Path output;
    final Process process;

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
        List<String> command = new ArrayList<>();
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

    String output() throws IOException {
        return Files.exists(output) ? Files.readString(output, StandardCharsets.UTF_8) : "";
    }

    static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Stops the host: the JVM first (the launcher waits for it), then the launcher. */
    @Override
    public void close() throws IOException {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
