package flitter.itest.launch;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import flitter.json.Json;

/**
 * Debian's headless Chromium opening one page, driven through the DevTools protocol (a WebSocket on
 * 127.0.0.1) to evaluate JavaScript in the page. Started with the flags that this machine's closed
 * network needs (FIELD-NOTES) and, when asked, a fake camera that plays a Y4M file.
 */
final class Chromium implements AutoCloseable {
    static final Path BINARY = Path.of("/usr/bin/chromium");

    private final Process process;
    private final WebSocket devtools;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<Map<?, ?>>> replies;

    static boolean available() {
        return Files.isExecutable(BINARY);
    }

    private Chromium(Process process, WebSocket devtools, Map<Integer, CompletableFuture<Map<?, ?>>> replies) {
        this.process = process;
        this.devtools = devtools;
        this.replies = replies;
    }

    /**
     * Opens {@code url} in a new browser, with its profile and output in {@code folder}, and waits until
     * the page has loaded; {@code camera} is a Y4M file the fake camera plays, or null for a browser with
     * no camera at all.
     */
    static Chromium open(Path folder, String url, Path camera) throws Exception {
        Path profile = Files.createDirectories(folder.resolve("profile"));
        List<String> command = new ArrayList<>(List.of(BINARY.toString(), "--headless", "--no-sandbox",
            "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            // A small /dev/shm (containers) makes Chromium crash; with this it keeps that memory in /tmp.
            "--disable-dev-shm-usage",
            "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
            "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
            "--autoplay-policy=no-user-gesture-required", "--use-fake-ui-for-media-stream",
            // Host candidates as addresses, not mDNS names: nothing here resolves mDNS.
            "--disable-features=WebRtcHideLocalIpsWithMdns"));
        if (camera != null) {
            command.add("--use-fake-device-for-media-stream");
            command.add("--use-file-for-fake-video-capture=" + camera);
        }
        command.add(url);
        Process process = new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(folder.resolve("chromium.txt").toFile())
            .start();
        try {
            Map<Integer, CompletableFuture<Map<?, ?>>> replies = new ConcurrentHashMap<>();
            Chromium chromium = new Chromium(process, connect(process, folder, profile, listener(replies)),
                replies);
            // The first page is about:blank, complete at once: wait for the one asked for.
            chromium.await("location.href === " + Json.write(url) + " && document.readyState === 'complete'",
                "location.href + ' ' + document.readyState", Duration.ofSeconds(30));
            return chromium;
        } catch (Exception | AssertionError e) {
            Processes.stop(process);
            throw e;
        }
    }

    /** Finds the DevTools port (Chromium writes it to its profile) and connects to the page's target. */
    private static WebSocket connect(Process process, Path folder, Path profile, WebSocket.Listener listener)
            throws Exception {
        Path portFile = profile.resolve("DevToolsActivePort");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        HttpClient http = HttpClient.newHttpClient();
        while (System.nanoTime() < deadline && process.isAlive()) {
            if (Files.exists(portFile)) {
                List<String> lines = Files.readAllLines(portFile);
                if (!lines.isEmpty() && !lines.get(0).isBlank()) {
                    String list = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + lines.get(0).trim()
                        + "/json/list")).build(), HttpResponse.BodyHandlers.ofString()).body();
                    for (Object target : (List<?>) Json.parse(list, 8)) {
                        Map<?, ?> page = (Map<?, ?>) target;
                        if ("page".equals(page.get("type"))) {
                            return http.newWebSocketBuilder().buildAsync(URI.create((String) page.get("webSocketDebuggerUrl")),
                                listener).get(10, TimeUnit.SECONDS);
                        }
                    }
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("Chromium did not open its DevTools port; its output:\n"
            + Files.readString(folder.resolve("chromium.txt")));
    }

    private static WebSocket.Listener listener(Map<Integer, CompletableFuture<Map<?, ?>>> replies) {
        return new WebSocket.Listener() {
            private final StringBuilder text = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                    try {
                        Map<?, ?> message = (Map<?, ?>) Json.parse(text.toString(), 64);
                        if (message.get("id") instanceof Number id) {
                            CompletableFuture<Map<?, ?>> reply = replies.remove(id.intValue());
                            if (reply != null) {
                                reply.complete(message);
                            }
                        }
                    } catch (Json.ParseException e) {
                        // Not for us: DevTools sends only JSON, and the replies we wait for are whole.
                    }
                    text.setLength(0);
                }
                socket.request(1);
                return null;
            }
        };
    }

    /**
     * Evaluates {@code expression} in the page (awaiting it when it is a promise) and returns its
     * value, which must be JSON-serialisable; an exception in the page is an AssertionError here.
     */
    Object evaluate(String expression) throws Exception {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("expression", expression);
        params.put("returnByValue", true);
        params.put("awaitPromise", true);
        Map<?, ?> result = call("Runtime.evaluate", params);
        if (result == null || result.containsKey("exceptionDetails")) {
            throw new AssertionError("the page could not evaluate " + expression + ": " + result);
        }
        return ((Map<?, ?>) result.get("result")).get("value");
    }

    /** Calls a DevTools {@code method} of the page and returns its result. */
    private Map<?, ?> call(String method, Map<String, Object> params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<Map<?, ?>> reply = new CompletableFuture<>();
        replies.put(id, reply);
        Map<String, Object> call = new LinkedHashMap<>();
        call.put("id", id);
        call.put("method", method);
        call.put("params", params);
        devtools.sendText(Json.write(call), true).get(10, TimeUnit.SECONDS);
        return (Map<?, ?>) reply.get(20, TimeUnit.SECONDS).get("result");
    }

    /** Evaluates {@code expression} until it is true, or fails after {@code timeout} with {@code describe}'s value. */
    void await(String expression, String describe, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (Boolean.TRUE.equals(evaluate(expression))) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the page never had " + expression + " within " + timeout + "; it shows "
            + evaluate(describe));
    }

    @Override
    public void close() {
        devtools.abort();
        Processes.stop(process);
    }
}
