package flitter.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import flitter.signalling.server.impl.BenchClient;

/**
 * Pairs of members, each pair in a room of its own, sending each other calls through the server as the
 * signalling protocol has them: {@code {"type": "call", "to": PEER, "sent": NANOS, "offer": SDP}} with an
 * SDP-like offer of about 2 KB, which the peer receives with {@code "from"} added. Each member keeps at
 * most {@code window} of its calls on the way, and may also pace them (one per interval). The load runs
 * from construction to {@link #close}; {@link #measure} counts what arrives in a stretch of it and
 * the one-way latency of each (send to receive, both in this process).
 */
final class RelayLoad implements AutoCloseable {
    /** What a measured stretch saw. */
    record Result(int messages, double seconds, List<Long> latencies, int wrong) {
        double perSecond() {
            return messages / seconds;
        }

        double medianMillis() {
            return ProcStats.percentileMillis(latencies, 0.5);
        }

        double p99Millis() {
            return ProcStats.percentileMillis(latencies, 0.99);
        }
    }

    private static final String OFFER = offer();

    private final List<Member> members = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final List<Long> latencies = new ArrayList<>();
    private volatile boolean running = true;
    private volatile boolean measuring;
    private int wrong;

    /** A member: its connection, its peer's ID and how many more of its calls may be on the way. */
    private record Member(BenchClient client, String peer, Semaphore window) {
    }

    /**
     * Joins the pairs (rooms {@code room-0}, {@code room-1}, ..., members {@code a} and {@code b}) and starts
     * sending.
     *
     * @param from the local address the members connect from (at most 20 connections from one address)
     * @param intervalNanos the least time between one member's calls; 0 sends as fast as the window allows
     */
    RelayLoad(InetSocketAddress server, InetAddress from, String room, int pairs, int window, long intervalNanos)
            throws IOException {
        try {
            for (int i = 0; i < pairs; i++) {
                Member a = new Member(BenchClient.join(server, from, room + "-" + i, "a", 10_000), "b", new Semaphore(window));
                members.add(a);
                Member b = new Member(BenchClient.join(server, from, room + "-" + i, "b", 10_000), "a", new Semaphore(window));
                members.add(b);
                start("reader " + room + "-" + i + " a", () -> read(a, b));
                start("reader " + room + "-" + i + " b", () -> read(b, a));
                start("sender " + room + "-" + i + " a", () -> send(a, intervalNanos));
                start("sender " + room + "-" + i + " b", () -> send(b, intervalNanos));
            }
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    private void start(String name, Runnable task) {
        Thread thread = new Thread(task, "bench " + name);
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
    }

    /** Counts and times what arrives during the next {@code seconds}. */
    Result measure(double seconds) throws InterruptedException {
        synchronized (latencies) {
            latencies.clear();
            wrong = 0;
        }
        long started = System.nanoTime();
        measuring = true;
        Thread.sleep((long) (seconds * 1000));
        measuring = false;
        double took = (System.nanoTime() - started) / 1e9;
        synchronized (latencies) {
            List<Long> sorted = new ArrayList<>(latencies);
            sorted.sort(null);
            return new Result(sorted.size(), took, sorted, wrong);
        }
    }

    /** A call for {@code to}, sent now. */
    private static String call(String to) {
        return "{\"type\": \"call\", \"to\": \"" + to + "\", \"sent\": " + System.nanoTime() + ", \"offer\": \"" + OFFER
            + "\"}";
    }

    /** How long a call is, in bytes (UTF-8, before the server adds {@code "from"}). */
    static int messageBytes() {
        return call("b").getBytes(StandardCharsets.UTF_8).length;
    }

    private void send(Member member, long intervalNanos) {
        long next = System.nanoTime();
        try {
            while (running) {
                if (!member.window().tryAcquire(100, TimeUnit.MILLISECONDS)) {
                    continue;
                }
                if (intervalNanos > 0) {
                    LockSupport.parkNanos(next - System.nanoTime());
                    next = Math.max(next + intervalNanos, System.nanoTime() - intervalNanos);
                }
                member.client().send(call(member.peer()));
            }
        } catch (IOException | InterruptedException e) {
            // Closed: the load is over.
        }
    }

    /** Receives {@code member}'s calls from {@code sender}: times each and gives the sender its place back. */
    private void read(Member member, Member sender) {
        String from = ", \"from\": \"" + member.peer() + "\"}";
        try {
            for (String message = member.client().receive(); message != null; message = member.client().receive()) {
                long now = System.nanoTime();
                if (!message.startsWith("{\"type\": \"call\"")) {
                    continue;
                }
                sender.window().release();
                if (measuring) {
                    record(message, now, from);
                }
            }
        } catch (IOException e) {
            // Closed: the load is over.
        }
    }

    private void record(String message, long now, String from) {
        int at = message.indexOf("\"sent\": ") + 8;
        int end = message.indexOf(',', at);
        synchronized (latencies) {
            if (at < 8 || end < 0 || !message.endsWith(from) || message.indexOf(OFFER) < 0) {
                wrong++;
                return;
            }
            latencies.add(now - Long.parseLong(message.substring(at, end)));
        }
    }

    @Override
    public void close() {
        running = false;
        for (Member member : members) {
            member.client().close();
        }
        for (Thread thread : threads) {
            try {
                thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** An offer as a WebRTC endpoint writes one (a video section, ICE and DTLS lines, candidates), JSON-escaped: about 2 KB. */
    private static String offer() {
        StringBuilder sdp = new StringBuilder("v=0\\r\\no=- 4611731400430051336 2 IN IP4 127.0.0.1\\r\\ns=-\\r\\nt=0 0\\r\\n"
            + "a=group:BUNDLE 0\\r\\na=extmap-allow-mixed\\r\\na=msid-semantic: WMS flitter\\r\\n"
            + "m=video 9 UDP/TLS/RTP/SAVPF 96 97 98 99 100 101\\r\\nc=IN IP4 0.0.0.0\\r\\na=rtcp:9 IN IP4 0.0.0.0\\r\\n"
            + "a=ice-ufrag:Qx7f\\r\\na=ice-pwd:3bX9yJq0LfK2mTzR8vWc1nHd\\r\\na=ice-options:trickle\\r\\n"
            + "a=fingerprint:sha-256 4F:1A:9C:22:E0:7B:3D:58:C6:91:0E:AF:72:14:B8:63:D5:2E:88:47:1C:F9:6A:05:BE:33:90:D7:"
            + "6C:41:E2:18\\r\\na=setup:actpass\\r\\na=mid:0\\r\\na=sendrecv\\r\\na=rtcp-mux\\r\\na=rtcp-rsize\\r\\n"
            + "a=rtpmap:96 VP8/90000\\r\\na=rtcp-fb:96 goog-remb\\r\\na=rtcp-fb:96 transport-cc\\r\\na=rtcp-fb:96 ccm fir\\r\\n"
            + "a=rtcp-fb:96 nack\\r\\na=rtcp-fb:96 nack pli\\r\\na=rtpmap:97 rtx/90000\\r\\na=fmtp:97 apt=96\\r\\n"
            + "a=rtpmap:98 H264/90000\\r\\na=fmtp:98 level-asymmetry-allowed=1;packetization-mode=1;"
            + "profile-level-id=42e01f\\r\\na=rtpmap:99 rtx/90000\\r\\na=fmtp:99 apt=98\\r\\n"
            + "a=ssrc-group:FID 2231627014 632943048\\r\\na=ssrc:2231627014 cname:flitter\\r\\n");
        for (int i = 0; sdp.length() < 2048; i++) {
            sdp.append("a=candidate:").append(1467250027 + i).append(" 1 udp ").append(2122260223 - i * 256)
                .append(" 192.168.1.").append(10 + i).append(' ').append(50000 + i * 7)
                .append(" typ host generation 0 network-id ").append(i + 1).append("\\r\\n");
        }
        return sdp.toString();
    }
}
