package flitter.signalling.server.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A crowd: 500 clients connected at once, joining 50 rooms and leaving, twice over. While they are
 * there another client is still served; when they have gone, so have their rooms and threads, and the
 * heap is where it was.
 */
class CrowdTest {
    private static final int CLIENTS = 500;
    private static final int ROOMS = 50;
    private SignallingServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static long serverThreads() {
        return Thread.getAllStackTraces().keySet().stream()
            .filter(t -> t.getName().startsWith("flitter signalling /")).count();
    }

    private static long heapAfterCollection() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Connects the crowd, checks another client is served meanwhile, and sends everyone away. */
    private void crowd(int port) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<TestClient>> joining = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            String room = "room-" + i % ROOMS;
            String id = "member-" + i;
            joining.add(pool.submit(() -> TestClient.join(port, room, id)));
        }
        List<TestClient> crowd = new ArrayList<>();
        for (Future<TestClient> client : joining) {
            crowd.add(client.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertEquals(ROOMS, server.rooms().roomCount());
        assertEquals(CLIENTS / ROOMS, server.rooms().members("room-0").size());

        try (TestClient a = TestClient.join(port, "quiet", "a"); TestClient b = TestClient.join(port, "quiet", "b")) {
            a.next(TestClient.WAIT_SECONDS * 1000);
            a.send("{\"type\": \"call\", \"to\": \"b\", \"offer\": \"sdp\"}");
            String relayed = b.next(TestClient.WAIT_SECONDS * 1000);
            while (relayed != null && relayed.contains("\"members\"")) {
                relayed = b.next(TestClient.WAIT_SECONDS * 1000);
            }
            assertEquals("{\"type\": \"call\", \"to\": \"b\", \"offer\": \"sdp\", \"from\": \"a\"}", relayed,
                "a client is served while 500 others are connected");
        }
        for (TestClient client : crowd) {
            client.close();
        }
    }

    private void awaitEmpty() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while ((server.rooms().roomCount() > 0 || serverThreads() > 0) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(0, server.rooms().roomCount(), "rooms left behind");
        assertEquals(0, serverThreads(), "client threads left behind");
    }

    @Test
    void fiveHundredClientsComeAndGoTwiceLeavingNothingBehind() throws Exception {
        server = new SignallingServer(new Settings("127.0.0.1", 0, 65536, 16, 100, 1000, 1000, 300), TestLogger.quiet());
        server.start();
        int port = server.address().getPort();

        crowd(port);
        awaitEmpty();
        long heapAfterFirst = heapAfterCollection();
        crowd(port);
        awaitEmpty();
        long heapAfterSecond = heapAfterCollection();
        System.out.printf("room server: %d clients twice; heap after each %d, %d MB%n", CLIENTS, heapAfterFirst >> 20,
            heapAfterSecond >> 20);
        assertTrue(heapAfterSecond - heapAfterFirst < (8L << 20),
            "the heap grew from " + (heapAfterFirst >> 20) + " MB to " + (heapAfterSecond >> 20) + " MB");
    }
}
