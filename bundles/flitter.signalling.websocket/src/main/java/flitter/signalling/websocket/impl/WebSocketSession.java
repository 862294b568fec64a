package flitter.signalling.websocket.impl;

import java.io.IOException;
import java.net.http.HttpClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.osgi.service.log.Logger;

import flitter.json.Json;
import flitter.webrtc.Call;
import flitter.webrtc.Signalling;

/**
 * One run of the room protocol for one {@code !webrtc} endpoint, on a thread of its own, as the
 * original's client: connect, {@code join} the room under the ID; a caller sends {@code call} with its
 * offer once the callee's ID is among the {@code members}, takes the {@code answer} and sends
 * {@code finished}; an answerer takes the first {@code call}, sends its {@code answer} and waits for
 * {@code finished}. Then the session leaves the server (the call goes on peer to peer) and rests. An
 * {@code error} from the server, the peer leaving the room before the exchange is over, or a lost
 * connection: the session connects again after {@value #RETRY_MILLIS} ms; a message it cannot read,
 * after {@value #RETRY_BAD_MESSAGE_MILLIS} ms (the original's delays).
 */
final class WebSocketSession implements Signalling.Session {
    static final long RETRY_MILLIS = 5000;
    static final long RETRY_BAD_MESSAGE_MILLIS = 1000;
    /** How long an exchange may wait for the server or the peer before starting over. */
    static final long EXCHANGE_MILLIS = 60_000;
    private static final long DESCRIBE_SECONDS = 30;
    /** Messages nested deeper than this are refused. */
    private static final int MAX_DEPTH = 16;

    private enum Step { MAKE_CALL, WAIT_CALL, WAIT_ANSWER, WAIT_FINISHED }

    /** The server or the peer broke the exchange; connect again after {@code retryMillis}. */
    private static final class Broken extends Exception {
        private static final long serialVersionUID = 1L;
        final long retryMillis;

        Broken(String message, long retryMillis) {
            super(message, null, false, false);
            this.retryMillis = retryMillis;
        }
    }

    private final Settings settings;
    private final Call call;
    private final Logger log;
    private final Thread thread;
    private volatile boolean open = true;
    private volatile ServerLink link;

    WebSocketSession(Settings settings, Call call, Logger log) {
        this.settings = settings;
        this.call = call;
        this.log = log;
        this.thread = new Thread(this::run, "flitter-websocket-" + settings.id());
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    @Override
    public void close() {
        open = false;
        ServerLink current = link;
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

    private void run() {
        try {
            // One client for every attempt: each new one would start a selector thread of its own.
            HttpClient client = ServerLink.client(settings.verify());
            while (open) {
                long retry;
                try (ServerLink connected = ServerLink.connect(client, settings.url())) {
                    link = connected;
                    if (!open) {
                        return;
                    }
                    log.debug("{}: !websocket connected to {}", call.name(), settings.url());
                    exchange(connected);
                    log.debug("{}: !websocket exchange with the peer done; leaving {}", call.name(), settings.url());
                    return;
                } catch (Broken e) {
                    retry = e.retryMillis;
                    if (open) {
                        log.warn("{}: !websocket {}: {}; trying again in {} s", call.name(), settings, e.getMessage(),
                            retry / 1000.0);
                    }
                } catch (IOException e) {
                    retry = RETRY_MILLIS;
                    if (open) {
                        log.warn("{}: !websocket {}: {}; trying again in {} s", call.name(), settings, e.getMessage(),
                            retry / 1000);
                    }
                } finally {
                    link = null;
                }
                Thread.sleep(retry);
            }
        } catch (CancellationException | InterruptedException e) {
            // closed by the endpoint
        } catch (ExecutionException | TimeoutException e) {
            if (open) {
                Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
                if (!(cause instanceof CancellationException)) {
                    call.failed("!websocket " + settings + ": " + cause);
                }
            }
        } catch (RuntimeException e) {
            if (open) {
                log.error("{}: !websocket {} stopped: {}", call.name(), settings, String.valueOf(e), e);
                call.failed(String.valueOf(e));
            }
        }
    }

    private void exchange(ServerLink server)
            throws IOException, InterruptedException, ExecutionException, TimeoutException, Broken {
        Map<String, Object> join = new LinkedHashMap<>();
        join.put("type", "join");
        join.put("id", settings.id());
        join.put("room", settings.room());
        server.send(Json.write(join));
        Step step = settings.call() != null ? Step.MAKE_CALL : Step.WAIT_CALL;
        String peer = null;
        // No deadline while waiting for the callee to join or for a call: that may take hours.
        long deadline = Long.MAX_VALUE;
        while (open) {
            Object next = server.next(Math.max(1, Math.min(1000, deadline - System.currentTimeMillis())));
            if (next == null) {
                if (System.currentTimeMillis() > deadline) {
                    throw new Broken("no reply from '" + peer + "' in " + EXCHANGE_MILLIS / 1000 + " s", RETRY_MILLIS);
                }
                continue;
            }
            if (next instanceof ServerLink.Ended ended) {
                throw new Broken(ended.reason(), RETRY_MILLIS);
            }
            Map<?, ?> message;
            String type;
            try {
                if (!(Json.parse((String) next, MAX_DEPTH) instanceof Map<?, ?> object)) {
                    throw new Broken("message encoding error: not a JSON object", RETRY_BAD_MESSAGE_MILLIS);
                }
                message = object;
                type = textOrBroken(message, "type");
            } catch (Json.ParseException e) {
                throw new Broken("message encoding error: " + e.getMessage(), RETRY_BAD_MESSAGE_MILLIS);
            }
            switch (type) {
                case "error" -> throw new Broken("the server says: " + message.get("error"), RETRY_MILLIS);
                case "members" -> {
                    List<?> members = message.get("members") instanceof List<?> list ? list : null;
                    if (members == null) {
                        throw new Broken("message encoding error: members without a list", RETRY_BAD_MESSAGE_MILLIS);
                    }
                    if (step == Step.MAKE_CALL && members.contains(settings.call())) {
                        peer = settings.call();
                        String offer = await(call.offer());
                        server.send(Json.write(relay("call", peer, "offer", offer)));
                        step = Step.WAIT_ANSWER;
                        deadline = System.currentTimeMillis() + EXCHANGE_MILLIS;
                    } else if (peer != null && !members.contains(peer)) {
                        throw new Broken("peer '" + peer + "' left the room", RETRY_MILLIS);
                    }
                }
                case "call" -> {
                    if (step == Step.MAKE_CALL || step == Step.WAIT_CALL) {
                        peer = textOrBroken(message, "from");
                        String answer = await(call.answer(textOrBroken(message, "offer")));
                        server.send(Json.write(relay("answer", peer, "answer", answer)));
                        step = Step.WAIT_FINISHED;
                        deadline = System.currentTimeMillis() + EXCHANGE_MILLIS;
                    }
                }
                case "answer" -> {
                    if (step == Step.WAIT_ANSWER && peer.equals(message.get("from"))) {
                        await(call.finish(textOrBroken(message, "answer")));
                        server.send(Json.write(relay("finished", peer, null, null)));
                        return;
                    }
                }
                case "finished" -> {
                    if (step == Step.WAIT_FINISHED && peer.equals(message.get("from"))) {
                        return;
                    }
                }
                default -> log.debug("{}: !websocket ignores a '{}' message", call.name(), type);
            }
        }
    }

    private static Map<String, Object> relay(String type, String to, String key, String value) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", type);
        message.put("to", to);
        if (key != null) {
            message.put(key, value);
        }
        return message;
    }

    private static String textOrBroken(Map<?, ?> message, String key) throws Broken {
        if (message.get(key) instanceof String text) {
            return text;
        }
        throw new Broken("message encoding error: no string '" + key + "' in the message", RETRY_BAD_MESSAGE_MILLIS);
    }

    private <T> T await(CompletionStage<T> stage) throws InterruptedException, ExecutionException, TimeoutException {
        return stage.toCompletableFuture().get(DESCRIBE_SECONDS, TimeUnit.SECONDS);
    }
}
