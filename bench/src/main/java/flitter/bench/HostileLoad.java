package flitter.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import flitter.signalling.server.impl.BenchClient;

/**
 * Clients that misbehave, from {@link #start} to {@link #close}:
 * <ul>
 * <li>{@code clients} connections, each again and again: connect, send one thing the server refuses
 * (malformed JSON, a message over the 64 KB limit, an unknown type after joining, a call before joining,
 * a binary frame, an unmasked frame), read the error, drop the connection without a close handshake,
 * wait {@code pauseMillis} and connect again;</li>
 * <li>{@code slow} members that never read, each with a feeder in its room sending it 32 KB calls
 * every 10 ms until the server drops it for not reading; then it joins again.</li>
 * </ul>
 */
final class HostileLoad implements AutoCloseable {
    private static final String[] JUNK = {
        "{\"type\": \"join\", \"id\": ",
        "{\"type\": \"call\", \"to\": \"a\", \"offer\": \"" + "x".repeat(100_000) + "\"}",
        "{\"type\": \"nonsense\"}",
        "{\"type\": \"call\", \"to\": \"a\", \"offer\": \"before joining\"}",
        "binary",
        "unmasked"};
    private static final String FEED = "{\"type\": \"call\", \"to\": \"slow\", \"offer\": \"" + "f".repeat(32 * 1024) + "\"}";

    private final InetSocketAddress server;
    private final List<Thread> threads = new ArrayList<>();
    private final List<BenchClient> feeders = new ArrayList<>();
    private final AtomicLong connections = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean running = true;

    private HostileLoad(InetSocketAddress server) {
        this.server = server;
    }

    /**
     * Starts the misbehaving clients.
     *
     * @param addresses the local addresses to connect from, used in turn (the server allows 20 connections
     *     from one address)
     */
    static HostileLoad start(InetSocketAddress server, List<InetAddress> addresses, int clients, int slow, long pauseMillis)
            throws IOException {
        HostileLoad load = new HostileLoad(server);
        try {
            for (int i = 0; i < slow; i++) {
                load.startSlow(i, addresses.get(i % addresses.size()));
            }
            for (int i = 0; i < clients; i++) {
                int index = i;
                InetAddress from = addresses.get((slow + i) % addresses.size());
                load.start("hostile " + i, () -> load.misbehave(index, from, pauseMillis));
            }
        } catch (IOException e) {
            load.close();
            throw e;
        }
        return load;
    }

    private void start(String name, Runnable task) {
        Thread thread = new Thread(null, task, "bench " + name, 256 * 1024);
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
    }

    private void misbehave(int index, InetAddress from, long pauseMillis) {
        for (int round = index; running; round++) {
            int kind = round % JUNK.length;
            try (BenchClient client = BenchClient.open(server, from, 0, 5000)) {
                connections.incrementAndGet();
                switch (kind) {
                    case 2 -> {
                        client.send("{\"type\": \"join\", \"id\": \"h" + index + "\", \"room\": \"hostile-" + index + "\"}");
                        client.receive();
                        client.send(JUNK[kind]);
                    }
                    case 4 -> client.sendBinary(new byte[] {1, 2, 3});
                    case 5 -> client.sendUnmasked("{}");
                    default -> client.send(JUNK[kind]);
                }
                String reply = client.receive();
                if (reply != null && reply.startsWith("{\"type\": \"error\"")) {
                    errors.incrementAndGet();
                }
            } catch (BenchClient.Refused e) {
                refused.incrementAndGet();
            } catch (IOException e) {
                failed.incrementAndGet();
            }
            pause(pauseMillis);
        }
    }

    /** A member that never reads, and the feeder that fills its queue until the server drops it. */
    private void startSlow(int index, InetAddress from) throws IOException {
        String room = "slow-" + index;
        BenchClient feeder = BenchClient.join(server, from, room, "feeder", 0);
        feeders.add(feeder);
        Semaphore gone = new Semaphore(0);
        Semaphore present = new Semaphore(0);
        start("feeder reader " + index, () -> watch(feeder, present, gone));
        start("feeder " + index, () -> feed(feeder, present));
        start("slow " + index, () -> stayUnread(from, room, present, gone));
    }

    /** Reads the feeder's members lists: the slow member came ({@code present}) or was dropped ({@code gone}). */
    private void watch(BenchClient feeder, Semaphore present, Semaphore gone) {
        boolean there = false;
        try {
            for (String message = feeder.receive(); message != null; message = feeder.receive()) {
                boolean now = message.startsWith("{\"type\": \"members\"") && message.contains("\"slow\"");
                if (now && !there) {
                    present.release();
                } else if (!now && there && message.startsWith("{\"type\": \"members\"")) {
                    dropped.incrementAndGet();
                    gone.release();
                }
                there = message.startsWith("{\"type\": \"members\"") ? now : there;
            }
        } catch (IOException e) {
            // Closed: the load is over.
        }
    }

    private void feed(BenchClient feeder, Semaphore present) {
        try {
            while (running) {
                if (!present.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                    continue;
                }
                present.release();
                feeder.send(FEED);
                pause(10);
            }
        } catch (IOException | InterruptedException e) {
            // Closed: the load is over.
        }
    }

    private void stayUnread(InetAddress from, String room, Semaphore present, Semaphore gone) {
        while (running) {
            try (BenchClient slow = BenchClient.open(server, from, 4096, 0)) {
                slow.send("{\"type\": \"join\", \"id\": \"slow\", \"room\": \"" + room + "\"}");
                while (running && !gone.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                    // Reads nothing: the server's queue for it fills until it is dropped.
                }
                present.drainPermits();
            } catch (IOException e) {
                failed.incrementAndGet();
                pause(100);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * What the misbehaving clients have seen so far: connections made, errors the server answered with,
     * connections refused (429, 503), other failures, and how often the members that never read were dropped.
     */
    record Counts(long connections, long errors, long refused, long failed, long dropped) {
    }

    Counts counts() {
        return new Counts(connections.get(), errors.get(), refused.get(), failed.get(), dropped.get());
    }

    /** Stops every client and waits for their threads (a few seconds at most). */
    @Override
    public void close() {
        running = false;
        for (BenchClient feeder : feeders) {
            feeder.close();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (Thread thread : threads) {
            try {
                thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
