package flitter.bench;

import static org.lwjgl.opengl.GL45C.*;

import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;

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
import flitter.webrtc.impl.ReceivedFrames;
import flitter.webrtc.impl.WebRtcConfig;
import flitter.webrtc.impl.WebRtcNodeFactory;
import flitter.webrtc.impl.YuvToRgb;

/**
 * {@code ./flitter bench webrtc [SECONDS] [SIZE] [SETTING=VALUE ...]}: two {@code !webrtc} endpoints in one
 * process calling each other with the endpoint service's default settings but for those named (for
 * instance {@code codec=H264 maxBitrate=6000000}), at 640x480, 1280x720 and 1920x1080 (or only the SIZE
 * named, e.g. 1280x720), each at 30 and 60 fps. Each endpoint is a show of its own (its own thread, GL
 * context and frame loop, the two loops' phases drifting; see {@link #call}) whose node draws a moving
 * pattern (its own {@code fragment=}, one pass) with its frame number in binary along the top; the other
 * side reads the number back from its received image. Reported: frames received per second each way,
 * latency from the start of the frame that drew a number to the frame that showed it (median and 95th
 * percentile; it includes the wait for the receiver's next frame), CPU per endpoint (the process's CPU
 * time, both endpoints' rendering included, halved) and RSS; and below each row each endpoint's frame
 * rate and what WebRTC itself reports for it over the last second or so (frames sent and decoded per
 * second, bitrate, encode and decode time per frame, jitter-buffer delay, what limits the quality,
 * packets lost). Then the pipeline's own work per 720p frame: readback, I420 conversion, and received
 * frames both ways: upload with YUV-to-RGB drawing, or conversion to RGBA on the CPU and its upload.
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
        int seconds = 10;
        String only = null;
        Map<String, String> changed = new TreeMap<>();
        for (String arg : args) {
            if (arg.matches("\\d+")) {
                seconds = Integer.parseInt(arg);
            } else if (arg.matches("\\d+x\\d+")) {
                only = arg;
            } else if (arg.matches("\\w+=.*")) {
                changed.put(arg.substring(0, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            } else {
                throw new IllegalArgumentException("not SECONDS, WIDTHxHEIGHT or SETTING=VALUE: " + arg);
            }
        }
        WebRtcConfig settings = settings(changed);
        EglContext egl = EglContext.create();
        GlContext gl = new GlContext();
        PeerConnections service = new PeerConnections(settings, logger());
        WebRtcNodeFactory webrtc = new WebRtcNodeFactory(service);
        webrtc.addSignalling(new Pairing(), Map.of(Signalling.KIND, "pair"));
        Map<String, WindowNodeFactory> kinds = Map.of("shader", new ShaderNodeFactory(), "webrtc", webrtc);
        System.out.println("renderer: " + gl.renderer() + "; " + Runtime.getRuntime().availableProcessors()
            + " cores; " + seconds + " s a row; " + settings.codec() + " preferred, maxBitrate " + settings.maxBitrate()
            + ", incomingConversion " + settings.incomingConversion());
        System.out.printf("%-10s %4s %9s %9s %10s %10s %12s %8s  %s%n", "size", "fps", "a<-b fps", "b<-a fps",
            "median ms", "p95 ms", "CPU/endpoint", "RSS MB", "received at (most frames, each way)");
        int run = 0;
        for (int[] size : new int[][] {{640, 480}, {1280, 720}, {1920, 1080}}) {
            if (only != null && !only.equals(size[0] + "x" + size[1])) {
                continue;
            }
            for (int fps : new int[] {30, 60}) {
                call(kinds, webrtc, size[0], size[1], fps, seconds, "run" + run++);
            }
        }
        pipeline(gl, 1280, 720);
        webrtc.deactivate();
        service.deactivate();
        gl.close();
        egl.close();
        System.exit(0);
    }

    /**
     * Connects, settles, then measures one call for {@code seconds}: each endpoint renders in a loop of
     * its own (its own thread and GL context, as two hosts would), b's a little slower than a's, by one
     * frame over the measurement, so that the phase between a frame's arrival and the receiver's next
     * frame sweeps once through every value, as it does between two machines whose clocks drift.
     */
    private static void call(Map<String, WindowNodeFactory> kinds, Calls calls, int width, int height, int fps,
            int seconds, String name) throws Exception {
        long period = 1_000_000_000L / fps;
        Endpoint a = new Endpoint("a", 0, "call='" + name + "'", "1;0.6;0.2", width, height, period);
        Endpoint b = new Endpoint("b", 1, "answer='" + name + "'", "0.2;0.6;1", width, height,
            period + period / ((long) fps * seconds));
        a.peer = b;
        b.peer = a;
        a.start(kinds);
        b.start(kinds);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!(a.ready() && b.ready())) {
            if (a.failure != null || b.failure != null || System.nanoTime() > deadline) {
                a.stop();
                b.stop();
                throw new IllegalStateException(name + ": no call after 30 s: a " + a.describe() + ", b " + b.describe(),
                    a.failure != null ? a.failure : b.failure);
            }
            Thread.sleep(10);
        }
        // Two seconds for the bandwidth estimate to ramp up before measuring.
        long measureFrom = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        long measureUntil = measureFrom + TimeUnit.SECONDS.toNanos(seconds);
        a.measure(measureFrom, measureUntil);
        b.measure(measureFrom, measureUntil);
        TimeUnit.NANOSECONDS.sleep(measureFrom - System.nanoTime());
        long cpuFrom = ProcStats.cpuNanos(ProcessHandle.current().pid());
        // WebRTC's own readings over the last second or so, taken while frames still flow.
        TimeUnit.NANOSECONDS.sleep(measureUntil - STATS_BEFORE_END - System.nanoTime());
        CompletableFuture<Optional<CallStats>> statsA = calls.stats("a").toCompletableFuture();
        CompletableFuture<Optional<CallStats>> statsB = calls.stats("b").toCompletableFuture();
        TimeUnit.NANOSECONDS.sleep(Math.max(0, measureUntil - System.nanoTime()));
        double cpu = (ProcStats.cpuNanos(ProcessHandle.current().pid()) - cpuFrom) / 1e9 / seconds;
        long rss = ProcStats.residentKilobytes(ProcessHandle.current().pid()) / 1024;
        a.stop();
        b.stop();
        if (a.failure != null || b.failure != null) {
            throw new IllegalStateException(name + " failed", a.failure != null ? a.failure : b.failure);
        }
        List<Long> latencies = new ArrayList<>(a.latencies);
        latencies.addAll(b.latencies);
        latencies.sort(null);
        System.out.printf("%-10s %4d %9.1f %9.1f %10.1f %10.1f %11.0f%% %8d  %s, %s%n", width + "x" + height, fps,
            a.received / (double) seconds, b.received / (double) seconds, ProcStats.percentileMillis(latencies, 0.5),
            ProcStats.percentileMillis(latencies, 0.95), 100 * cpu / 2, rss, a.size(), b.size());
        System.out.println(webRtcSays("a", statsA, a.rendered / (double) seconds));
        System.out.println(webRtcSays("b", statsB, b.rendered / (double) seconds));
    }

    /**
     * One endpoint: a program of one hidden {@code !webrtc} node rendered offscreen in a loop on a
     * thread of its own, drawing its frame number, and reading the number in the image it receives.
     */
    private static final class Endpoint {
        /** The top bit of a drawn number says which endpoint drew it; the rest count its frames. */
        private static final int COUNT = (1 << (BITS - 1)) - 1;

        final String id;
        final String source;
        final int width;
        final int height;
        final long period;
        /** This side's bit in the numbers it draws. */
        final int side;
        /** When each of this side's frame counts began to be drawn (System.nanoTime). */
        final AtomicLongArray drawnAt = new AtomicLongArray(COUNT + 1);
        final List<Long> latencies = new ArrayList<>();
        final Map<String, Integer> sizes = new HashMap<>();
        Endpoint peer;
        volatile Throwable failure;
        private final State state = new State();
        private volatile boolean connected;
        private volatile int seen;
        private volatile long measureFrom = Long.MAX_VALUE;
        private volatile long measureUntil = Long.MAX_VALUE;
        private volatile boolean stopping;
        private Thread thread;
        private ByteBuffer row;
        private int last = -1;
        int received;
        int rendered;

        Endpoint(String id, int side, String signalling, String tint, int width, int height, long period) {
            this.id = id;
            this.side = side << (BITS - 1);
            this.width = width;
            this.height = height;
            this.period = period;
            this.source = String.join("\n",
                "!offscreen size=" + width + ";" + height,
                "    !webrtc id=:" + id + " state=:" + id + " hidden=true fragment=PATTERN count=count tint=" + tint,
                "        !pair " + signalling);
        }

        void start(Map<String, WindowNodeFactory> kinds) {
            thread = new Thread(() -> {
                try {
                    loop(kinds);
                } catch (Throwable e) {
                    failure = e;
                }
            }, "bench-endpoint-" + id);
            thread.start();
        }

        boolean ready() {
            return connected && seen > 0;
        }

        String describe() {
            return state.get(Vector.symbol(id)) + ", " + seen + " frames seen";
        }

        void measure(long from, long until) {
            measureFrom = from;
            measureUntil = until;
        }

        void stop() throws InterruptedException {
            stopping = true;
            thread.join();
        }

        private void loop(Map<String, WindowNodeFactory> kinds) throws Exception {
            EglContext egl = EglContext.create();
            GlContext gl = new GlContext();
            Program program = new FlitterCompiler().compile(source, Path.of(id + ".fl"));
            Map<String, Vector> names = new HashMap<>();
            names.put("PATTERN", Vector.of(PATTERN));
            List<String> errors = new ArrayList<>();
            WindowFrame frame = BenchFrame.of(names, state, kinds, errors);
            ProgramNode root = new ProgramNode(gl) {
            };
            try {
                long start = System.nanoTime();
                long next = start;
                for (int count = 0; !stopping && System.nanoTime() < measureUntil; count++) {
                    long now = System.nanoTime();
                    drawnAt.set(count & COUNT, now);
                    names.put("time", Vector.of((now - start) / 1e9));
                    names.put("count", Vector.of(side | (count & COUNT)));
                    root.update(program.run(names, state).nodes().get(0), frame, width, height);
                    glFinish();
                    long shown = System.nanoTime();
                    boolean measuring = shown >= measureFrom;
                    if (measuring) {
                        rendered++;
                    }
                    read(frame.reference(id), shown, measuring);
                    connected = state.get(Vector.symbol(id)).equals(Vector.symbol(CallState.CONNECTED.symbol()));
                    if (!errors.isEmpty()) {
                        throw new IllegalStateException(id + ": " + errors);
                    }
                    next += period;
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    } else {
                        next = System.nanoTime();
                    }
                }
            } finally {
                root.close();
                gl.close();
                egl.close();
            }
        }

        /**
         * Decodes the frame number in {@code node}'s output, when it is a received image (at whatever
         * size WebRTC chose to send: it scales video down when the encoder is short of CPU or bits).
         */
        private void read(WindowNode node, long shown, boolean measuring) {
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
            boolean own = (number & ~COUNT) == side;
            if (own || number == last) {
                return;  // its own image, or no new frame
            }
            last = number;
            seen++;
            if (measuring) {
                received++;
                latencies.add(shown - peer.drawnAt.get(number & COUNT));
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
        ByteBuffer received = ByteBuffer.allocateDirect(4 * width * height);
        IncomingVideo incoming = new IncomingVideo(gl);
        long read = 0;
        long convert = 0;
        long shader = 0;
        long toRgba = 0;
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
            YuvToRgb.convert(i420, received);
            long t4 = System.nanoTime();
            incoming.show(new ReceivedFrames.Image(received, width, height));
            glFinish();
            long t5 = System.nanoTime();
            i420.release();
            if (i >= 10) {
                read += t1 - t0;
                convert += t2 - t1;
                shader += t3 - t2;
                toRgba += t4 - t3;
                upload += t5 - t4;
            }
        }
        incoming.close();
        target.release();
        System.out.printf("pipeline %dx%d per frame: readback %.2f ms (render thread), I420 conversion %.2f ms"
            + " (video thread); received: upload and YUV-to-RGB shader %.2f ms (render thread), or YUV to RGBA on"
            + " the CPU %.2f ms (WebRTC's thread) and its upload %.2f ms (render thread)%n", width, height,
            read / 1e6 / frames, convert / 1e6 / frames, shader / 1e6 / frames, toRgba / 1e6 / frames,
            upload / 1e6 / frames);
    }

    /** One endpoint's sending and receiving as WebRTC reports them. */
    private static String webRtcSays(String endpoint, CompletableFuture<Optional<CallStats>> stats, double rendered)
            throws Exception {
        Optional<CallStats> reading = stats == null ? Optional.empty() : stats.get(5, TimeUnit.SECONDS);
        if (reading.isEmpty()) {
            return "  " + endpoint + ": no WebRTC statistics";
        }
        CallStats.Video out = reading.get().outgoing();
        CallStats.Video in = reading.get().incoming();
        return String.format("  %s renders %.1f fps; WebRTC: %s sends %.0f fps at %.1f Mbit/s (encode %.1f ms, limited by %s),"
            + " decodes %.0f fps (decode %.1f ms, jitter buffer %.1f ms, %d packets lost so far)", endpoint, rendered, out.codec(),
            out.framesPerSecond(), out.bitsPerSecond() / 1e6, out.codingMillis(), out.limitation(), in.framesPerSecond(),
            in.codingMillis(), in.bufferMillis(), in.packetsLost());
    }

    /** The endpoint service's settings as ConfigAdmin would give them: the defaults but for those named. */
    private static WebRtcConfig settings(Map<String, String> changed) {
        for (String name : changed.keySet()) {
            try {
                WebRtcConfig.class.getMethod(name);
            } catch (NoSuchMethodException e) {
                throw new IllegalArgumentException("no such setting: " + name + " (see the flitter.webrtc settings in the README)");
            }
        }
        return (WebRtcConfig) Proxy.newProxyInstance(WebRtcConfig.class.getClassLoader(),
            new Class<?>[] {WebRtcConfig.class}, (proxy, method, arguments) -> {
                String value = changed.get(method.getName());
                return switch (method.getName()) {
                    case "annotationType" -> WebRtcConfig.class;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == arguments[0];
                    case "toString" -> "bench settings " + changed;
                    default -> value == null ? method.getDefaultValue()
                        : method.getReturnType() == int.class ? (Object) Integer.parseInt(value)
                        : method.getReturnType() == String[].class ? value.split(",") : value;
                };
            });
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
