package flitter.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import flitter.signalling.server.impl.BenchClient;

/**
 * {@code ./flitter bench signalling [SECONDS]}: the room server's capacity, measured from outside. The
 * server runs as users run it ({@code ./flitter signalling-server}, default settings, a process of its
 * own: {@link ServerProcess}) and this process is the load, its clients on raw sockets from many
 * loopback addresses (the server allows 20 connections from one). Three parts:
 * <ol>
 * <li>connections: 1000 clients (the default {@code maxConnections}) join rooms of 10, 50 joining at a
 * time, and leave; twice. Joins per second, and the server's RSS and threads before, with them and after
 * (and after a full GC, with the heap it keeps: the JVM grows its heap as it likes, so RSS alone would
 * not tell a leak); with the server full, one connection more, which must get HTTP 503;</li>
 * <li>relay: 1 pair and 10 pairs sending each other 2 KB calls, each member with 8 on the way at most
 * ({@link RelayLoad}), for SECONDS after a second of warm-up: calls relayed per second, one-way latency
 * (median, 99th percentile), the server's and the load's CPU;</li>
 * <li>hostile load: one pair pacing calls at 200 a second each way, for SECONDS alone, then for SECONDS
 * with 200 misbehaving clients and 5 members that never read ({@link HostileLoad}) after a second of
 * ramp-up: the pair's latency both ways and the ratio, the server's RSS before and after.</li>
 * </ol>
 * SECONDS is 10 unless given; the whole run takes about a minute.
 */
public final class SignallingBenchmark {
    private static final int CLIENTS = 1000;
    private static final int ROOM_SIZE = 10;
    private static final int JOINING_AT_ONCE = 50;
    private static final int PER_ADDRESS = 20;
    private static final int WINDOW = 8;
    private static final int HOSTILE = 200;
    private static final int SLOW = 5;
    private static final long HOSTILE_PAUSE_MILLIS = 100;
    private static final long GOOD_PAIR_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private SignallingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Path launcher = Path.of(System.getProperty("flitter.launcher", "flitter"));
        Path folder = Files.createTempDirectory("flitter-bench-signalling");
        long started = System.nanoTime();
        try (ServerProcess server = ServerProcess.start(launcher, folder)) {
            System.out.printf("room server: ./flitter signalling-server --host 127.0.0.1 --port %d --quiet, default "
                + "settings (pid %d); %d cores; the load runs in this process (pid %d)%n", server.address().getPort(),
                server.pid(), Runtime.getRuntime().availableProcessors(), ProcessHandle.current().pid());
            double rss = server.residentMegabytes();
            double heap = server.collectGarbage();
            System.out.printf("server at rest: %.0f MB RSS, %d threads; after a full GC %.0f MB RSS, %.1f MB of heap in use"
                + "%n%n", rss, server.threads(), server.residentMegabytes(), heap);
            connections(server);
            relay(server, seconds);
            hostile(server, seconds);
            String output = server.output().strip();
            if (!output.isEmpty()) {
                System.out.println("\nthe server logged (warnings and errors):\n" + output);
            }
        } finally {
            deleteTree(folder);
        }
        System.out.printf("%ntook %.0f s%n", (System.nanoTime() - started) / 1e9);
    }

    /** Two rounds of 1000 clients joining and leaving, then one connection over the cap. */
    private static void connections(ServerProcess server) throws Exception {
        System.out.printf("connections: %d clients join rooms of %d, %d joining at a time, %d per source address; "
            + "then they leave%n", CLIENTS, ROOM_SIZE, JOINING_AT_ONCE, PER_ADDRESS);
        System.out.printf("%-6s %7s %8s %8s %10s %10s %10s %19s %13s %9s%n", "round", "joined", "failed", "joins/s",
            "RSS before", "RSS with", "RSS after", "after GC: RSS, heap", "threads with", "CPU/join");
        long threadsAtRest = server.threads();
        ExecutorService pool = Executors.newFixedThreadPool(JOINING_AT_ONCE);
        try {
            for (int round = 1; round <= 2; round++) {
                double before = server.residentMegabytes();
                long cpu = server.cpuNanos();
                long start = System.nanoTime();
                List<Future<BenchClient>> joining = new ArrayList<>();
                for (int i = 0; i < CLIENTS; i++) {
                    InetAddress from = address(1, 1 + i / PER_ADDRESS);
                    String room = "room-" + i / ROOM_SIZE;
                    String id = "member-" + i % ROOM_SIZE;
                    joining.add(pool.submit(() -> BenchClient.join(server.address(), from, room, id, 10_000)));
                }
                List<BenchClient> joined = new ArrayList<>();
                int failed = 0;
                for (Future<BenchClient> client : joining) {
                    try {
                        joined.add(client.get(60, TimeUnit.SECONDS));
                    } catch (ExecutionException e) {
                        failed++;
                        if (failed == 1) {
                            System.out.println("  the first that failed: " + e.getCause());
                        }
                    }
                }
                double took = (System.nanoTime() - start) / 1e9;
                double cpuPerJoin = (server.cpuNanos() - cpu) / 1e6 / Math.max(1, joined.size());
                Thread.sleep(500);
                double with = server.residentMegabytes();
                long threadsWith = server.threads();
                if (round == 2) {
                    overTheCap(server);
                }
                for (BenchClient client : joined) {
                    client.close();
                }
                server.awaitThreads(threadsAtRest + 2, 20);
                Thread.sleep(1000);
                double after = server.residentMegabytes();
                double heap = server.collectGarbage();
                System.out.printf("%-6d %7d %8d %8.0f %7.0f MB %7.0f MB %7.0f MB %9.0f MB %5.1f MB %13d %6.2f ms%n", round,
                    joined.size(), failed, joined.size() / took, before, with, after, server.residentMegabytes(), heap,
                    threadsWith, cpuPerJoin);
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.println();
    }

    /** With the server full, one more connection (from an address of its own) must be answered 503. */
    private static void overTheCap(ServerProcess server) throws UnknownHostException {
        try (BenchClient extra = BenchClient.open(server.address(), address(1, 250), 0, 5000)) {
            System.out.println("  one over the cap: accepted (it should have been refused)");
        } catch (BenchClient.Refused e) {
            System.out.println("  one over the cap: " + e.getMessage());
        } catch (IOException e) {
            System.out.println("  one over the cap: failed, " + e);
        }
    }

    private static void relay(ServerProcess server, int seconds) throws Exception {
        System.out.printf("relay: pairs of members sending each other %d-byte calls (%d on the way per member at "
            + "most), %d s a row after 1 s of warm-up%n", RelayLoad.messageBytes(), WINDOW, seconds);
        System.out.printf("%-6s %12s %10s %10s %11s %10s %6s%n", "pairs", "messages/s", "median", "p99",
            "server CPU", "load CPU", "wrong");
        int row = 0;
        for (int pairs : new int[] {1, 10}) {
            try (RelayLoad load = new RelayLoad(server.address(), address(2, ++row), "relay", pairs, WINDOW, 0)) {
                Thread.sleep(1000);
                long serverCpu = server.cpuNanos();
                long ownCpu = ProcStats.cpuNanos(ProcessHandle.current().pid());
                RelayLoad.Result result = load.measure(seconds);
                double serverShare = (server.cpuNanos() - serverCpu) / 1e9 / result.seconds();
                double ownShare = (ProcStats.cpuNanos(ProcessHandle.current().pid()) - ownCpu) / 1e9 / result.seconds();
                System.out.printf("%-6d %12.0f %7.2f ms %7.2f ms %10.0f%% %9.0f%% %6d%n", pairs, result.perSecond(),
                    result.medianMillis(), result.p99Millis(), 100 * serverShare, 100 * ownShare, result.wrong());
            }
        }
        System.out.println("(CPU: share of one core; the machine's cores are shared by the server and the load)");
        System.out.println();
    }

    private static void hostile(ServerProcess server, int seconds) throws Exception {
        System.out.printf("hostile load: one pair pacing 2 KB calls at %d a second each way; %d s alone, then %d s with "
            + "%d clients sending junk and reconnecting (a pause of %d ms between connections) and %d members that "
            + "never read%n", TimeUnit.SECONDS.toNanos(1) / GOOD_PAIR_INTERVAL_NANOS, seconds, seconds, HOSTILE,
            HOSTILE_PAUSE_MILLIS, SLOW);
        List<InetAddress> hostileAddresses = new ArrayList<>();
        for (int i = 1; i <= 2 * HOSTILE / PER_ADDRESS; i++) {
            hostileAddresses.add(address(4, i));
        }
        long threadsAtRest = server.threads();
        try (RelayLoad pair = new RelayLoad(server.address(), address(3, 1), "good", 1, 1000, GOOD_PAIR_INTERVAL_NANOS)) {
            Thread.sleep(1000);
            double rssBefore = server.residentMegabytes();
            long cpu = server.cpuNanos();
            RelayLoad.Result alone = pair.measure(seconds);
            double cpuAlone = (server.cpuNanos() - cpu) / 1e9 / alone.seconds();
            RelayLoad.Result loaded;
            double cpuLoaded;
            HostileLoad.Counts counts;
            double hostileSeconds;
            double rssDuring;
            long threadsDuring;
            HostileLoad load = HostileLoad.start(server.address(), hostileAddresses, HOSTILE, SLOW, HOSTILE_PAUSE_MILLIS);
            try {
                long from = System.nanoTime();
                Thread.sleep(1000);
                cpu = server.cpuNanos();
                loaded = pair.measure(seconds);
                cpuLoaded = (server.cpuNanos() - cpu) / 1e9 / loaded.seconds();
                rssDuring = server.residentMegabytes();
                threadsDuring = server.threads();
                counts = load.counts();
                hostileSeconds = (System.nanoTime() - from) / 1e9;
            } finally {
                load.close();
            }
            System.out.printf("%-20s %10s %10s %11s %8s %10s%n", "", "median", "p99", "server CPU", "wrong", "RSS");
            System.out.printf("%-20s %7.2f ms %7.2f ms %10.0f%% %8d %7.0f MB%n", "alone", alone.medianMillis(),
                alone.p99Millis(), 100 * cpuAlone, alone.wrong(), rssBefore);
            System.out.printf("%-20s %7.2f ms %7.2f ms %10.0f%% %8d %7.0f MB%n", "with hostile load", loaded.medianMillis(),
                loaded.p99Millis(), 100 * cpuLoaded, loaded.wrong(), rssDuring);
            System.out.printf("%-20s %9.1fx %9.1fx%n", "ratio", loaded.medianMillis() / alone.medianMillis(),
                loaded.p99Millis() / alone.p99Millis());
            System.out.printf("the pair's calls: %d alone, %d with the load (%d expected in each)%n", alone.messages(),
                loaded.messages(), Math.round(2 * seconds * 1e9 / GOOD_PAIR_INTERVAL_NANOS));
            System.out.printf("hostile: %d connections (%.0f a second), %d answered with an error, %d refused (429/503), "
                + "%d failed otherwise; members that never read dropped %d times; server threads during: %d%n",
                counts.connections(), counts.connections() / hostileSeconds, counts.errors(), counts.refused(),
                counts.failed(), counts.dropped(), threadsDuring);
        }
        long threadsAfter = server.awaitThreads(threadsAtRest, 20);
        Thread.sleep(1000);
        double rss = server.residentMegabytes();
        double heap = server.collectGarbage();
        System.out.printf("after the hostile load: %.0f MB RSS, %d threads (%d before); after a full GC %.0f MB RSS, "
            + "%.1f MB of heap in use%n", rss, threadsAfter, threadsAtRest, server.residentMegabytes(), heap);
    }

    /** 127.0.{@code group}.{@code host}: the loopback addresses this load connects from, a group for each part. */
    private static InetAddress address(int group, int host) throws UnknownHostException {
        return InetAddress.getByAddress(new byte[] {127, 0, (byte) group, (byte) host});
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
