package flitter.itest.launch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Python test peer (src/test/python: {@code broadcast_peer.py} or {@code websocket_peer.py}, on aiortc
 * from Debian, speaking the original flitter-webrtc protocols). It sends four coloured quadrants (red,
 * green, blue, white) and reports what it receives as JSON lines, collected here.
 */
final class PythonPeer implements AutoCloseable {
    /** Debian's python, which has python3-aiortc (another python3 may come first on PATH). */
    static final String PYTHON = "/usr/bin/python3";
    static final Path SCRIPTS = Host.ROOT.resolve("integration-tests/flitter.itest/src/test/python");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+");

    private final Process process;
    private final List<String> events = new CopyOnWriteArrayList<>();
    /** When each event line arrived (System.nanoTime), in the order of {@link #events}. */
    private final List<Long> arrivals = new CopyOnWriteArrayList<>();
    private final StringBuilder errors = new StringBuilder();

    /** One received frame as the peer reported it. */
    record Frame(int count, int width, int height, int[][] quadrants) {
    }

    private PythonPeer(Process process) {
        this.process = process;
        Thread out = new Thread(() -> collect(process.getInputStream(), line -> {
            arrivals.add(System.nanoTime());
            events.add(line);
        }), "python-peer-out");
        Thread err = new Thread(() -> collect(process.getErrorStream(), line -> {
            synchronized (errors) {
                errors.append(line).append('\n');
            }
        }), "python-peer-err");
        out.setDaemon(true);
        err.setDaemon(true);
        out.start();
        err.start();
    }

    /** Starts the broadcast peer in {@code namespace} with {@code args} (e.g. {@code --call NAME}). */
    static PythonPeer start(String namespace, String... args) throws IOException {
        return start(Namespaces.in(namespace), "broadcast_peer.py", args);
    }

    /** Starts {@code script} (a peer in src/test/python) after {@code prefix}, with {@code args}. */
    static PythonPeer start(List<String> prefix, String script, String... args) throws IOException {
        List<String> command = new ArrayList<>(prefix);
        command.add(PYTHON);
        command.add(SCRIPTS.resolve(script).toString());
        command.addAll(List.of(args));
        return new PythonPeer(new ProcessBuilder(command).start());
    }

    /** Whether Debian's python has aiortc (python3-aiortc) and what the peers use with it. */
    static boolean available() {
        try {
            Process check = new ProcessBuilder(PYTHON, "-c", "import aiortc, aiohttp, av, cryptography, numpy")
                .redirectErrorStream(true).start();
            check.getInputStream().readAllBytes();
            return check.waitFor(60, TimeUnit.SECONDS) && check.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static void collect(java.io.InputStream stream, java.util.function.Consumer<String> sink) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                sink.accept(line);
            }
        } catch (IOException e) {
            // the peer ended
        }
    }

    /** Waits for a received frame that satisfies {@code test}. */
    Frame awaitFrame(Predicate<Frame> test, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (String event : events) {
                if (event.contains("\"frame\"")) {
                    Frame frame = frame(event);
                    if (test.test(frame)) {
                        return frame;
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the Python peer received no such frame in " + timeout + "; it said:\n"
            + String.join("\n", events) + "\nand on stderr:\n" + errors());
    }

    /** Waits for an event line containing {@code text}; returns when it arrived (System.nanoTime). */
    long awaitEvent(String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (int i = 0; i < events.size(); i++) {
                if (events.get(i).contains(text)) {
                    return arrivals.get(i);
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the Python peer said nothing with " + text + " in " + timeout + "; it said:\n"
            + String.join("\n", events) + "\nand on stderr:\n" + errors());
    }

    private static Frame frame(String event) {
        int count = number(event, "count");
        int width = number(event, "width");
        int height = number(event, "height");
        Matcher numbers = NUMBER.matcher(event.substring(event.indexOf("\"quadrants\"")));
        int[][] quadrants = new int[4][3];
        for (int q = 0; q < 4; q++) {
            for (int c = 0; c < 3; c++) {
                numbers.find();
                quadrants[q][c] = Integer.parseInt(numbers.group());
            }
        }
        return new Frame(count, width, height, quadrants);
    }

    private static int number(String event, String key) {
        Matcher m = Pattern.compile("\"" + key + "\":\\s*(\\d+)").matcher(event);
        if (!m.find()) {
            throw new AssertionError("no " + key + " in " + event);
        }
        return Integer.parseInt(m.group(1));
    }

    String errors() {
        synchronized (errors) {
            return errors.toString();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
