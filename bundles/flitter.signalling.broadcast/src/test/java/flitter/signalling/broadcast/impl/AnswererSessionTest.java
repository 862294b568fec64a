package flitter.signalling.broadcast.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import flitter.signalling.broadcast.impl.Message.Kind;
import flitter.webrtc.Call;
import flitter.webrtc.CallState;

/** The answering side of the protocol over loopback unicast (an answerer bound to 127.0.0.1). */
class AnswererSessionTest {
    private static final Keys KEYS = new Keys();
    private final FakeCall call = new FakeCall();
    private final List<String> log = new CopyOnWriteArrayList<>();
    private BroadcastSession session;
    private Channel caller;

    /** Answers every offer with "answer to OFFER"; its state is set by the test. */
    private static final class FakeCall implements Call {
        final AtomicInteger answers = new AtomicInteger();
        volatile CallState state;

        @Override
        public String name() {
            return "test";
        }

        @Override
        public CompletionStage<String> offer() {
            return CompletableFuture.failedFuture(new AssertionError("an answerer does not offer"));
        }

        @Override
        public CompletionStage<String> answer(String offer) {
            answers.incrementAndGet();
            state = CallState.NEW;
            return CompletableFuture.completedFuture("answer to " + offer);
        }

        @Override
        public CompletionStage<Void> finish(String answer) {
            return CompletableFuture.failedFuture(new AssertionError("an answerer does not finish"));
        }

        @Override
        public CallState state() {
            return state;
        }

        @Override
        public void failed(String reason) {
            throw new AssertionError("failed: " + reason);
        }
    }

    @AfterEach
    void close() {
        if (session != null) {
            session.close();
        }
        if (caller != null) {
            caller.close();
        }
    }

    private int start() throws Exception {
        int port;
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        session = new BroadcastSession(new Settings("room", false, "flitter_webrtc", port, "127.0.0.1"), call, KEYS,
            TestLogger.recording(log));
        session.start();
        caller = new Channel(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), false,
            KEYS.fernet("flitter_webrtc", "room"), new Ignored(TestLogger.quiet(), "caller"));
        return port;
    }

    private Message offerAndHear(String offer, InetSocketAddress answerer) throws Exception {
        long deadline = System.currentTimeMillis() + 5000;
        while (System.currentTimeMillis() < deadline) {
            caller.send(new Message(Kind.OFFER, offer), answerer);
            Channel.Received received = caller.receive(500);
            if (received != null) {
                return received.message();
            }
        }
        throw new AssertionError("no answer to " + offer);
    }

    @Test
    void answersAnOfferToItsSenderAgainWhenItComesAgainAndAnswersANewOne() throws Exception {
        InetSocketAddress answerer = new InetSocketAddress(InetAddress.getLoopbackAddress(), start());
        assertEquals(new Message(Kind.ANSWER, "answer to one"), offerAndHear("one", answerer));
        assertEquals(new Message(Kind.ANSWER, "answer to one"), offerAndHear("one", answerer));
        assertEquals(1, call.answers.get(), "the same offer again is answered with the same answer");
        assertEquals(new Message(Kind.ANSWER, "answer to two"), offerAndHear("two", answerer));
        assertEquals(2, call.answers.get());
    }

    @Test
    void repeatsItsAnswerEveryFiveSecondsUntilConnectedThenStopsButStillAnswersANewOffer() throws Exception {
        InetSocketAddress answerer = new InetSocketAddress(InetAddress.getLoopbackAddress(), start());
        offerAndHear("one", answerer);
        Channel.Received repeat = caller.receive(BroadcastSession.WAIT_MILLIS + 2000);
        assertNotNull(repeat, "the answer is sent again while the call is not connected");
        assertEquals(new Message(Kind.ANSWER, "answer to one"), repeat.message());

        call.state = CallState.CONNECTED;
        assertNull(caller.receive(BroadcastSession.WAIT_MILLIS + 1000), "no answer is repeated once connected");
        assertEquals(new Message(Kind.ANSWER, "answer to two"), offerAndHear("two", answerer),
            "a caller that started over is answered while connected");
    }

    @Test
    void answersAfterAFloodOfJunk() throws Exception {
        InetSocketAddress answerer = new InetSocketAddress(InetAddress.getLoopbackAddress(), start());
        try (DatagramSocket raw = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            java.util.Random random = new java.util.Random(1);
            for (int i = 0; i < 2000; i++) {
                byte[] junk = new byte[1 + random.nextInt(1500)];
                random.nextBytes(junk);
                raw.send(new java.net.DatagramPacket(junk, junk.length, answerer));
            }
        }
        assertEquals(new Message(Kind.ANSWER, "answer to one"), offerAndHear("one", answerer));
        assertTrue(session.ignored(Ignored.Reason.MALFORMED) + session.ignored(Ignored.Reason.FOREIGN) > 0);
        assertTrue(log.stream().filter(l -> l.startsWith("warn:")).count() <= 1,
            "junk is logged at most once per 10 s: " + log);
    }
}
