package flitter.signalling.broadcast.impl;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.osgi.service.log.Logger;

import flitter.signalling.broadcast.impl.Message.Kind;
import flitter.webrtc.Call;
import flitter.webrtc.CallState;
import flitter.webrtc.Signalling;

/**
 * One run of the broadcast protocol for one {@code !webrtc} endpoint, on a thread of its own.
 *
 * <p>The caller binds an ephemeral port with broadcast enabled and sends its offer to the broadcast
 * address every {@value #WAIT_MILLIS} ms, at most {@value #SENDS} times, then starts over with a new
 * offer; once connected it closes its socket and rests. The answerer binds {@code host:port}, answers an
 * offer and sends the answer to its sender, again every {@value #WAIT_MILLIS} ms at most {@value #SENDS}
 * times, until the connection is up. When the connection fails or closes the endpoint starts a new session.
 *
 * <p>Compatible departures from the original: the answerer keeps listening while connected and answers
 * a new offer at any time (a caller that started over, restarted or lost the call first is answered at
 * once instead of after the connection times out here), and sends its answer again at once when the same
 * offer comes again (the caller did not hear it).
 */
final class BroadcastSession implements Signalling.Session {
    /** The original's {@code WAIT}: seconds between sends, and how long a reply is waited for. */
    static final long WAIT_MILLIS = 5000;
    /** Sends of one offer or answer before starting over. */
    static final int SENDS = 5;
    /** How long a finished offer may take to connect before the caller offers again. */
    static final long CONNECT_MILLIS = 30_000;
    /** Bound on waiting for the endpoint to make an offer or answer (it bounds ICE gathering itself). */
    private static final long DESCRIBE_SECONDS = 30;
    private static final InetSocketAddress BROADCAST = new InetSocketAddress("255.255.255.255", 0);

    private final Settings settings;
    private final Call call;
    private final Keys keys;
    private final Logger log;
    private final Ignored ignored;
    private final Thread thread;
    private volatile boolean open = true;
    private volatile Channel channel;

    BroadcastSession(Settings settings, Call call, Keys keys, Logger log) {
        this(settings, call, keys, log, Ignored.LOG_INTERVAL_MILLIS);
    }

    /** A session that logs ignored datagrams at most once per {@code logIntervalMillis}. */
    BroadcastSession(Settings settings, Call call, Keys keys, Logger log, long logIntervalMillis) {
        this.settings = settings;
        this.call = call;
        this.keys = keys;
        this.log = log;
        this.ignored = new Ignored(log, call.name() + " " + settings, logIntervalMillis);
        this.thread = new Thread(this::run, "flitter-broadcast-" + (settings.calling() ? "call-" : "answer-")
            + settings.id());
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    @Override
    public void close() {
        open = false;
        Channel current = channel;
        if (current != null) {
            current.close();
        }
        thread.interrupt();
        if (Thread.currentThread() != thread) {
            try {
                thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** How many datagrams this session ignored for {@code reason}. */
    long ignored(Ignored.Reason reason) {
        return ignored.total(reason);
    }

    private void run() {
        try {
            Fernet fernet = keys.fernet(settings.secret(), settings.id());
            // The original binds IPv4 (its sockets are AF_INET): the any address when no host is given.
            InetAddress host = InetAddress.getByName(settings.host().isEmpty() ? "0.0.0.0" : settings.host());
            int port = settings.calling() ? 0 : settings.port();
            try (Channel bound = new Channel(new InetSocketAddress(host, port), settings.calling(), fernet, ignored)) {
                channel = bound;
                if (!open) {
                    return;
                }
                log.debug("{}: !broadcast {} listening on {}", call.name(), settings, bound.local());
                if (settings.calling()) {
                    call(bound);
                } else {
                    answer(bound);
                }
            }
        } catch (CancellationException | InterruptedException e) {
            // closed by the endpoint
        } catch (IOException e) {
            if (open) {
                call.failed("!broadcast " + settings + ": " + e);
            }
        } catch (ExecutionException | TimeoutException e) {
            if (open) {
                Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
                if (!(cause instanceof CancellationException)) {
                    call.failed("!broadcast " + settings + ": " + cause);
                }
            }
        } catch (RuntimeException e) {
            if (open) {
                log.error("{}: !broadcast {} stopped: {}", call.name(), settings, String.valueOf(e), e);
                call.failed(String.valueOf(e));
            }
        } finally {
            channel = null;
        }
    }

    private void call(Channel channel) throws IOException, InterruptedException, ExecutionException, TimeoutException {
        SocketAddress target = new InetSocketAddress(BROADCAST.getAddress(), settings.port());
        while (open) {
            Message offer = new Message(Kind.OFFER, await(call.offer()));
            Message answer = null;
            for (int sends = 0; sends < SENDS && answer == null && open; sends++) {
                channel.send(offer, target);
                answer = awaitMessage(channel, Kind.ANSWER, WAIT_MILLIS);
            }
            if (answer == null) {
                log.debug("{}: no answer to {} offers; offering again", call.name(), SENDS);
                continue;
            }
            await(call.finish(answer.sdp()));
            long deadline = System.currentTimeMillis() + CONNECT_MILLIS;
            while (open && connecting() && System.currentTimeMillis() < deadline) {
                Channel.Received late = channel.receive(250);
                if (late != null) {
                    channel.unexpected(late);
                }
            }
            if (call.state() == CallState.CONNECTED) {
                return;
            }
        }
    }

    private void answer(Channel channel) throws IOException, InterruptedException, ExecutionException, TimeoutException {
        String answered = null;
        Message answer = null;
        SocketAddress caller = null;
        int sends = 0;
        long nextSend = Long.MAX_VALUE;
        while (open) {
            long now = System.currentTimeMillis();
            if (answer != null && now >= nextSend) {
                if (call.state() == CallState.CONNECTED) {
                    nextSend = Long.MAX_VALUE;
                } else if (sends == SENDS) {
                    log.debug("{}: no connection after {} answers; waiting for a new offer", call.name(), SENDS);
                    answer = null;
                    answered = null;
                    nextSend = Long.MAX_VALUE;
                } else {
                    channel.send(answer, caller);
                    sends++;
                    nextSend = now + WAIT_MILLIS;
                }
            }
            Channel.Received received = channel.receive(Math.min(250, Math.max(1, nextSend - now)));
            if (received == null) {
                continue;
            }
            if (received.message().kind() != Kind.OFFER) {
                channel.unexpected(received);
                continue;
            }
            String offer = received.message().sdp();
            caller = received.sender();
            if (!offer.equals(answered)) {
                if (call.state() == CallState.CONNECTED) {
                    log.info("{}: !broadcast {}: a new offer while connected; the caller started over", call.name(),
                        settings);
                }
                answer = new Message(Kind.ANSWER, await(call.answer(offer)));
                answered = offer;
                sends = 0;
            }
            nextSend = 0;
        }
    }

    /** The next message of {@code kind} within {@code millis}; others are counted and skipped. */
    private Message awaitMessage(Channel channel, Kind kind, long millis) throws IOException {
        long deadline = System.currentTimeMillis() + millis;
        while (open) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return null;
            }
            Channel.Received received = channel.receive(left);
            if (received == null) {
                return null;
            }
            if (received.message().kind() == kind) {
                return received.message();
            }
            channel.unexpected(received);
        }
        return null;
    }

    private boolean connecting() {
        CallState state = call.state();
        return state == CallState.NEW || state == CallState.CONNECTING;
    }

    private <T> T await(CompletionStage<T> stage) throws IOException, InterruptedException, ExecutionException, TimeoutException {
        return stage.toCompletableFuture().get(DESCRIBE_SECONDS, TimeUnit.SECONDS);
    }
}
