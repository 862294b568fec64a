package flitter.bench;

import static org.lwjgl.opengl.GL45C.*;

import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.osgi.service.log.Logger;

import dev.onvoid.webrtc.media.video.NativeI420Buffer;

import flitter.language.Program;
import flitter.language.impl.FlitterCompiler;
import flitter.model.State;
import flitter.model.Vector;
import flitter.render.gl.GlContext;
import flitter.render.gl.ProgramNode;
import flitter.render.gl.RenderTarget;
import flitter.render.gl.WindowFrame;
import flitter.render.gl.WindowNode;
import flitter.render.gl.WindowNodeFactory;
import flitter.render.gl.impl.EglContext;
import flitter.render.gl.impl.ShaderNodeFactory;
import flitter.webrtc.Call;
import flitter.webrtc.CallStats;
import flitter.webrtc.Calls;
import flitter.webrtc.CallState;
import flitter.webrtc.Signalling;
import flitter.webrtc.impl.IncomingVideo;
import flitter.webrtc.impl.OutgoingVideo;
import flitter.webrtc.impl.PeerConnections;
import flitter.webrtc.impl.WebRtcConfig;
import flitter.webrtc.impl.WebRtcNodeFactory;

/**
 * {@code ./flitter bench webrtc [SECONDS] [CODEC] [SIZE]}: two {@code !webrtc} endpoints in one host calling
 * each other (the default settings; VP8 unless another codec is named), at 640x480, 1280x720 and 1920x1080
 * (or only the SIZE named, e.g. 1280x720), each at 30 and 60 fps. Each
 * node draws a moving pattern (its own {@code fragment=}, one pass) with its frame number in binary
 * along the top, and is hidden so the window does not composite them; the other side reads the
 * number back from its received image. Reported: frames received per second each way, latency from
 * the start of the frame that drew a number to the frame that showed it (median and 95th percentile;
 * it includes the wait for the next frame), CPU per endpoint (the process's CPU time, both endpoints'
 * rendering included, halved) and RSS; and below each row what WebRTC itself reports for each
 * endpoint over the last second or so (frames sent and decoded per second, encode and decode time per
 * frame, jitter-buffer delay and what limits the quality). Then the pipeline's own work per 720p
 * frame: readback, I420 conversion, and upload with YUV-to-RGB drawing.
 */
public final class WebRtcBenchmark {
    private static final int BITS = 16;
    private static final long STATS_BEFORE_END = TimeUnit.MILLISECONDS.toNanos(1500);

    private static final String PATTERN = String.join("\n",
        "${HEADER}",
        "in vec2 coord;",
        "out vec4 color;",
        "uniform float time;",
        "uniform float count;",
        "uniform vec3 tint;",
        "void main() {",
        "    if (coord.y > 0.9) {",
        "        int bit = int(coord.x * " + BITS + ".0);",
        "        float on = float((int(count) >> bit) & 1);",
        "        color = vec4(vec3(on), 1.0);",
        "    } else {",
        "        vec3 wave = 0.5 + 0.5 * sin(vec3(coord.x * 23.0 + time * 2.0, coord.y * 17.0 - time * 2.6,",
        "            (coord.x + coord.y) * 31.0 + time * 1.4));",
        "        color = vec4(wave * tint, 1.0);",
        "    }",
        "}");

    private WebRtcBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        String codec = args.length > 1 ? args[1] : "VP8";
        EglContext egl = EglContext.create();
        GlContext gl = new GlContext();
        PeerConnections service = new PeerConnections(defaults(codec), logger());
        WebRtcNodeFactory webrtc = new WebRtcNodeFactory(service);
        webrtc.addSignalling(new Pairing(), Map.of(Signalling.KIND, "pair"));
        Map<String, WindowNodeFactory> kinds = Map.of("shader", new ShaderNodeFactory(), "webrtc", webrtc);
        System.out.println("renderer: " + gl.renderer() + "; " + Runtime.getRuntime().availableProcessors()
            + " cores; " + seconds + " s a row, " + codec + " preferred");
        System.out.printf("%-10s %4s %9s %9s %10s %10s %12s %8s  %s%n", "size", "fps", "a<-b fps", "b<-a fps",
            "median ms", "p95 ms", "CPU/endpoint", "RSS MB", "received at (most frames, each way)");
        int run = 0;
        String only = args.length > 2 ? args[2] : null;
        for (int[] size : new int[][] {{640, 480}, {1280, 720}, {1920, 1080}}) {
            if (only != null && !only.equals(size[0] + "x" + size[1])) {
                continue;
            }
            for (int fps : new int[] {30, 60}) {
                call(gl, kinds, webrtc, size[0], size[1], fps, seconds, "run" + run++);
            }
        }
        pipeline(gl, 1280, 720);
        webrtc.deactivate();
        service.deactivate();
        gl.close();
        egl.close();
        System.exit(0);
    }

    /** Connects, settles, then measures one call for {@code seconds}. */
    private static void call(GlContext gl, Map<String, WindowNodeFactory> kinds, Calls calls, int width, int height,
            int fps, int seconds, String name) throws Exception {
        String source = String.join("\n",
            "!offscreen size=" + width + ";" + height,
            "    !webrtc id=:a state=:a hidden=true fragment=PATTERN count=count tint=1;0.6;0.2",
            "        !pair call='" + name + "'",
            "    !webrtc id=:b state=:b hidden=true fragment=PATTERN count=count tint=0.2;0.6;1",
            "        !pair answer='" + name + "'");
        Program program = new FlitterCompiler().compile(source, Path.of("bench.fl"));
        State state = new State();
        Map<String, Vector> names = new HashMap<>();
        names.put("PATTERN", Vector.of(PATTERN));
        List<String> errors = new ArrayList<>();
        Map<String, WindowNode> references = new HashMap<>();
        WindowFrame frame = BenchFrame.of(names, state, kinds, errors);
        ProgramNode root = new ProgramNode(gl) {
        };
        long[] drawnAt = new long[1 << BITS];
        Side a = new Side(width, height);
        Side b = new Side(width, height);
        long period = 1_000_000_000L / fps;
        long start = System.nanoTime();
        long measureFrom = Long.MAX_VALUE;
        long measureUntil = Long.MAX_VALUE;
        long cpuFrom = 0;
        long next = start;
        CompletableFuture<Optional<CallStats>> statsA = null;
        CompletableFuture<Optional<CallStats>> statsB = null;
        for (int count = 0;; count++) {
            long now = System.nanoTime();
            boolean measuring = now >= measureFrom;
            if (now >= measureUntil) {
                break;
            }
            if (statsA == null && now >= measureUntil - STATS_BEFORE_END) {
                // WebRTC's own readings over the last second or so, taken while frames still flow.
                statsA = calls.stats("a").toCompletableFuture();
                statsB = calls.stats("b").toCompletableFuture();
            }
            drawnAt[count & ((1 << BITS) - 1)] = now;
            names.put("time", Vector.of((now - start) / 1e9));
            names.put("count", Vector.of(count & ((1 << BITS) - 1)));
            root.update(program.run(names, state).nodes().get(0), frame, width, height);
            glFinish();
            long shown = System.nanoTime();
            a.read(frame.reference("a"), count, drawnAt, shown, measuring);
            b.read(frame.reference("b"), count, drawnAt, shown, measuring);
            if (measureFrom == Long.MAX_VALUE && connected(state, "a") && connected(state, "b") && a.seen > 0 && b.seen > 0) {
                // Two seconds for the bandwidth estimate to ramp up before measuring.
                measureFrom = shown + TimeUnit.SECONDS.toNanos(2);
                measureUntil = measureFrom + TimeUnit.SECONDS.toNanos(seconds);
            }
            if (measuring && cpuFrom == 0) {
                cpuFrom = ProcStats.cpuNanos(ProcessHandle.current().pid());
            }
            if (measureFrom == Long.MAX_VALUE && shown - start > TimeUnit.SECONDS.toNanos(30)) {
                throw new IllegalStateException(name + ": no call after 30 s: a " + state.get(Vector.symbol("a"))
                    + ", b " + state.get(Vector.symbol("b")) + (errors.isEmpty() ? "" : "; " + errors));
            }
            next += period;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            } else {
                next = System.nanoTime();
            }
        }
        double cpu = (ProcStats.cpuNanos(ProcessHandle.current().pid()) - cpuFrom) / 1e9 / seconds;
        List<Long> latencies = new ArrayList<>(a.latencies);
        latencies.addAll(b.latencies);
        latencies.sort(null);
        System.out.printf("%-10s %4d %9.1f %9.1f %10.1f %10.1f %11.0f%% %8d  %s, %s%n", width + "x" + height, fps,
            a.received / (double) seconds, b.received / (double) seconds, ProcStats.percentileMillis(latencies, 0.5),
            ProcStats.percentileMillis(latencies, 0.95), 100 * cpu / 2,
            ProcStats.residentKilobytes(ProcessHandle.current().pid()) / 1024, a.size(), b.size());
        System.out.println(webRtcSays("a", statsA));
        System.out.println(webRtcSays("b", statsB));
        root.close();
    }

    /** One endpoint as the benchmark sees it: what its received images say. */
    private static final class Side {
        final int width;
        final int height;
        final List<Long> latencies = new ArrayList<>();
        final Map<String, Integer> sizes = new HashMap<>();
        ByteBuffer row;
        int received;
        int seen;
        int last = -1;

        Side(int width, int height) {
            this.width = width;
            this.height = height;
        }

        /**
         * Decodes the frame number in {@code node}'s output, when it is a received image (at whatever
         * size WebRTC chose to send: it scales video down when the encoder is short of CPU or bits).
         */
        void read(WindowNode node, int count, long[] drawnAt, long shown, boolean measuring) {
            RenderTarget image = node == null ? null : node.texture();
            if (image == null) {
                return;
            }
            if (row == null || row.capacity() < 4 * image.width()) {
                row = ByteBuffer.allocateDirect(4 * Math.max(width, image.width()));
            }
            row.clear();
            int y = image.height() - 1 - image.height() / 20;
            glGetTextureSubImage(image.texture(), 0, 0, y, 0, image.width(), 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, row);
            int number = 0;
            for (int bit = 0; bit < BITS; bit++) {
                int x = (int) ((bit + 0.5) * image.width() / BITS);
                if ((row.get(4 * x + 1) & 0xff) > 128) {
                    number |= 1 << bit;
                }
            }
            int mask = (1 << BITS) - 1;
            boolean own = image.width() == width && image.height() == height && number == (count & mask);
            if (own || number == last) {
                return;  // its own image, or no new frame
            }
            last = number;
            seen++;
            if (measuring) {
                received++;
                latencies.add(shown - drawnAt[number]);
                sizes.merge(image.width() + "x" + image.height(), 1, Integer::sum);
            }
        }

        /** The size most frames arrived at. */
        String size() {
            return sizes.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("-");
        }
    }

    /** Pipeline stages alone at one size, each ended by glFinish where GL is involved. */
    private static void pipeline(GlContext gl, int width, int height) throws Exception {
        int frames = 100;
        RenderTarget target = gl.target(width, height, 8, true);
        target.clear();
        ByteBuffer rgba = ByteBuffer.allocateDirect(4 * width * height);
        IncomingVideo incoming = new IncomingVideo(gl);
        long read = 0;
        long convert = 0;
        long upload = 0;
        for (int i = 0; i < frames + 10; i++) {
            glFinish();
            long t0 = System.nanoTime();
            rgba.clear();
            target.read(rgba);
            long t1 = System.nanoTime();
            NativeI420Buffer i420 = OutgoingVideo.toI420(rgba, width, height);
            long t2 = System.nanoTime();
            incoming.show(i420);
            glFinish();
            long t3 = System.nanoTime();
            i420.release();
            if (i >= 10) {
                read += t1 - t0;
                convert += t2 - t1;
                upload += t3 - t2;
            }
        }
        incoming.close();
        target.release();
        System.out.printf("pipeline %dx%d per frame: readback %.2f ms (render thread), I420 conversion %.2f ms"
            + " (video thread), upload and YUV-to-RGB %.2f ms (render thread)%n", width, height,
            read / 1e6 / frames, convert / 1e6 / frames, upload / 1e6 / frames);
    }

    /** One endpoint's sending and receiving as WebRTC reports them. */
    private static String webRtcSays(String endpoint, CompletableFuture<Optional<CallStats>> stats) throws Exception {
        Optional<CallStats> reading = stats == null ? Optional.empty() : stats.get(5, TimeUnit.SECONDS);
        if (reading.isEmpty()) {
            return "  " + endpoint + ": no WebRTC statistics";
        }
        CallStats.Video out = reading.get().outgoing();
        CallStats.Video in = reading.get().incoming();
        return String.format("  %s (WebRTC): %s sends %.0f fps (encode %.1f ms, limited by %s), decodes %.0f fps"
            + " (decode %.1f ms, jitter buffer %.1f ms)", endpoint, out.codec(), out.framesPerSecond(),
            out.codingMillis(), out.limitation(), in.framesPerSecond(), in.codingMillis(), in.bufferMillis());
    }

    private static boolean connected(State state, String key) {
        return state.get(Vector.symbol(key)).equals(Vector.symbol(CallState.CONNECTED.symbol()));
    }

    /** The endpoint service's defaults, as ConfigAdmin would give them, but for the codec. */
    private static WebRtcConfig defaults(String codec) {
        return new WebRtcConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return WebRtcConfig.class;
            }

            @Override
            public String codec() {
                return codec;
            }

            @Override
            public int maxBitrate() {
                return 8_000_000;
            }

            @Override
            public String[] iceServers() {
                return new String[0];
            }

            @Override
            public String iceUsername() {
                return "";
            }

            @Override
            public String icePassword() {
                return "";
            }

            @Override
            public int gatherTimeout() {
                return 3000;
            }

            @Override
            public int disconnectTimeout() {
                return 5000;
            }
        };
    }

    /** Warnings and errors to standard error; nothing else. */
    private static Logger logger() {
        return (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(), new Class<?>[] {Logger.class},
            (proxy, method, arguments) -> {
                if ((method.getName().equals("warn") || method.getName().equals("error")) && arguments != null
                        && arguments.length > 0 && arguments[0] instanceof String format) {
                    System.err.println(method.getName() + ": " + format + " " + Arrays.toString(
                        Arrays.copyOfRange(arguments, 1, arguments.length)));
                }
                return method.getReturnType() == boolean.class ? false : method.getReturnType() == String.class ? "bench" : null;
            });
    }

    /** Pairs {@code call=NAME} with {@code answer=NAME} in this process: offer, answer, finish. */
    private static final class Pairing implements Signalling {
        private final Map<String, Call> answerers = new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        public Session start(flitter.model.Node node, Call call) {
            Vector answer = node.attribute("answer");
            if (answer != null) {
                answerers.put(answer.asString(), call);
                return () -> answerers.remove(answer.asString(), call);
            }
            String name = node.attribute("call").asString();
            Thread caller = new Thread(() -> {
                try {
                    Call answerer;
                    while ((answerer = answerers.get(name)) == null) {
                        Thread.sleep(20);
                    }
                    String offer = call.offer().toCompletableFuture().get(10, TimeUnit.SECONDS);
                    call.finish(answerer.answer(offer).toCompletableFuture().get(10, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    // session closed
                } catch (Exception e) {
                    call.failed(String.valueOf(e));
                }
            }, "bench-pairing");
            caller.setDaemon(true);
            caller.start();
            return caller::interrupt;
        }
    }
}
