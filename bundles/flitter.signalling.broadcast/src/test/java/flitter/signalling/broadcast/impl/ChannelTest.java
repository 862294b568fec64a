package flitter.signalling.broadcast.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.log.Logger;

import flitter.signalling.broadcast.impl.Ignored.Reason;
import flitter.signalling.broadcast.impl.Message.Kind;

/** Channels over loopback unicast (never broadcast here): what is used, and what is ignored and counted. */
class ChannelTest {
    private static final Keys KEYS = new Keys();
    private static final InetSocketAddress LOOPBACK = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    private final Logger log = TestLogger.quiet();
    private final Ignored ignored = new Ignored(log, "test");
    private Channel receiver;
    private Channel sender;
    private DatagramSocket raw;

    @AfterEach
    void close() {
        for (AutoCloseable c : new AutoCloseable[] {receiver, sender, raw}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
    }

    private void open(String senderSecret, String senderId) throws Exception {
        receiver = new Channel(LOOPBACK, false, KEYS.fernet("flitter_webrtc", "room"), ignored);
        sender = new Channel(LOOPBACK, false, KEYS.fernet(senderSecret, senderId), new Ignored(log, "sender"));
        raw = new DatagramSocket(LOOPBACK);
    }

    @Test
    void aMessageArrivesWithItsSender() throws Exception {
        open("flitter_webrtc", "room");
        Message offer = new Message(Kind.OFFER, "v=0\r\n" + "a=candidate:x\r\n".repeat(2000));
        sender.send(offer, receiver.local());
        Channel.Received received = receiver.receive(2000);
        assertNotNull(received, "a 30 kB SDP fits one datagram and arrives");
        assertEquals(offer, received.message());
        assertEquals(sender.local(), received.sender());
    }

    @Test
    void anotherCallsOrSecretsMessagesAreIgnoredAsForeign() throws Exception {
        open("flitter_webrtc", "other-room");
        sender.send(new Message(Kind.OFFER, "x"), receiver.local());
        assertNull(receiver.receive(300));
        assertEquals(1, ignored.total(Reason.FOREIGN));
        sender.close();
        sender = new Channel(LOOPBACK, false, KEYS.fernet("another secret", "room"), ignored);
        sender.send(new Message(Kind.OFFER, "x"), receiver.local());
        assertNull(receiver.receive(300));
        assertEquals(2, ignored.total(Reason.FOREIGN));
    }

    @Test
    void aReplayedTokenIsIgnoredButAFreshCopyOfTheMessageIsNot() throws Exception {
        open("flitter_webrtc", "room");
        Fernet fernet = KEYS.fernet("flitter_webrtc", "room");
        byte[] token = fernet.encrypt(new Message(Kind.OFFER, "x").compressed(), System.currentTimeMillis() / 1000,
            new byte[16]);
        send(token);
        assertNotNull(receiver.receive(2000));
        send(token);
        assertNull(receiver.receive(300));
        assertEquals(1, ignored.total(Reason.REPLAYED));
        sender.send(new Message(Kind.OFFER, "x"), receiver.local());
        assertNotNull(receiver.receive(2000), "the same message in a new token is not a replay");
    }

    @Test
    void oldTokensAreIgnoredAsExpired() throws Exception {
        open("flitter_webrtc", "room");
        Fernet fernet = KEYS.fernet("flitter_webrtc", "room");
        send(fernet.encrypt(new Message(Kind.OFFER, "x").compressed(), System.currentTimeMillis() / 1000 - 11,
            new byte[16]));
        assertNull(receiver.receive(300));
        assertEquals(1, ignored.total(Reason.STALE));
    }

    @Test
    void randomTruncatedAndEmptyDatagramsAreIgnoredAndCountedAndAGoodOneStillArrives() throws Exception {
        open("flitter_webrtc", "room");
        Random random = new Random(5111);
        Fernet fernet = KEYS.fernet("flitter_webrtc", "room");
        byte[] good = fernet.encrypt(new Message(Kind.OFFER, "x").compressed(), System.currentTimeMillis() / 1000,
            new byte[16]);
        int sent = 0;
        for (int i = 0; i < 500; i++) {
            byte[] junk = new byte[random.nextInt(1400)];
            random.nextBytes(junk);
            if (i % 3 == 0 && junk.length > 0) {
                junk[0] = (byte) 0x80;
            }
            assertNull(receiver.open(junk, raw.getLocalSocketAddress()));
            assertNull(receiver.open(Arrays.copyOf(good, random.nextInt(good.length)), raw.getLocalSocketAddress()));
            sent += 2;
        }
        sender.send(new Message(Kind.ANSWER, "y"), receiver.local());
        Channel.Received received = receiver.receive(5000);
        assertNotNull(received);
        assertEquals(new Message(Kind.ANSWER, "y"), received.message());
        long counted = 0;
        for (Reason reason : Reason.values()) {
            counted += ignored.total(reason);
        }
        assertEquals(sent, counted, "every junk datagram is counted once");
    }

    private void send(byte[] datagram) throws Exception {
        raw.send(new DatagramPacket(datagram, datagram.length, receiver.local()));
    }
}
