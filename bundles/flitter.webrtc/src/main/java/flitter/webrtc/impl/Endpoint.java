package flitter.webrtc.impl;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.osgi.service.log.Logger;

import dev.onvoid.webrtc.RTCStatsReport;
import flitter.model.Node;
import flitter.webrtc.Call;
import flitter.webrtc.CallInfo;
import flitter.webrtc.CallStats;
import flitter.webrtc.CallState;
import flitter.webrtc.Signalling;

/**
 * The call of one {@code !webrtc} node: which signalling it wants (said by the render thread each
 * frame), the session running that signalling and the connection the session made. Every change of
 * session or connection happens on the control thread, one at a time, so the render thread never
 * waits on the network: it reads {@link #connection()} and {@link #state()}.
 *
 * <p>A call that ends because its connection failed, closed or stayed disconnected, or whose
 * signalling gave up before it connected, keeps its connection for the next call to negotiate again;
 * so does a session that makes a new offer or answer before connecting. A connected call that is
 * ended from this side (the node's signalling changed or went, the node went) closes its connection,
 * so that the peer sees the call end.
 */
final class Endpoint implements Connection.Listener {
    /** Signalling attributes whose values are never shown. */
    private static final Pattern SECRET = Pattern.compile("(?i)secret|password|passwd|token|key|credential");
    /** Pause before signalling starts again after a session reported that it cannot go on. */
    static final long RETRY_MILLIS = 5000;

    private final PeerConnections service;
    private final ScheduledExecutorService control;
    private final Logger log;
    /** Whether the node's GL renderer runs on the CPU: received video is then converted on arrival. */
    private final boolean softwareRenderer;
    private volatile String name = "webrtc";

    // Written by the render thread (and the signalling registry), read on the control thread.
    private volatile Wanted wanted = Wanted.NONE;

    // Written on the control thread; read there, and by operators (calls()).
    private volatile Wanted running = Wanted.NONE;

    // Control thread only.
    private Signalling.Session session;
    private SessionCall call;
    private long pausedUntil;
    private boolean closed;
    /** The last call's connection, kept to be negotiated again (see {@link Connection}); not live. */
    private Connection spare;

    // Written on the control thread, read by the render thread and operators.
    private volatile Connection connection;
    /** When the current connection connected (System.nanoTime), or 0. */
    private volatile long connectedSince;
    /** The current connection's remote address, once known. */
    private volatile String peer;

    /** A signalling service and the node it was asked to run with. */
    private record Wanted(Signalling signalling, Node node) {
        static final Wanted NONE = new Wanted(null, null);

        boolean same(Wanted other) {
            return same(other.signalling, other.node);
        }

        /** Nodes are values: an equal node has the same kind, tags and attributes. */
        boolean same(Signalling otherSignalling, Node otherNode) {
            return signalling == otherSignalling && Objects.equals(node, otherNode);
        }

        String kind() {
            return node == null ? null : node.kind();
        }
    }

    /**
     * @param softwareRenderer whether the node's GL renderer runs on the CPU (Mesa's llvmpipe or the like)
     */
    Endpoint(PeerConnections service, boolean softwareRenderer) {
        this.service = service;
        this.softwareRenderer = softwareRenderer;
        this.control = service.control();
        this.log = service.log();
    }

    /** The node's path, for messages. */
    void name(String name) {
        this.name = name;
    }

    String name() {
        return name;
    }

    /**
     * Render thread, each frame: the signalling the node holds now (null for none). A change tears the
     * call down and starts the new signalling.
     */
    void want(Signalling signalling, Node node) {
        Node wantedNode = signalling == null ? null : node;
        if (!wanted.same(signalling, wantedNode)) {
            wanted = signalling == null ? Wanted.NONE : new Wanted(signalling, wantedNode);
            control.execute(this::reconcile);
        }
    }

    /** The connection's state, or null when there is none. */
    CallState state() {
        Connection current = connection;
        return current == null ? null : current.state();
    }

    /** The current connection, or null. */
    Connection connection() {
        return connection;
    }

    /** What an operator sees of this endpoint; {@code provider} names the bundle of a signalling service. */
    CallInfo info(Function<Signalling, String> provider) {
        Wanted shown = running;
        Connection current = connection;
        long since = connectedSince;
        Map<String, String> parameters = new LinkedHashMap<>();
        if (shown.node != null) {
            shown.node.attributes().forEach((key, value) -> parameters.put(key, SECRET.matcher(key).find() ? "****"
                : value.repr()));
        }
        return new CallInfo(name, shown.kind(), parameters, current == null ? null : current.state(), peer,
            since == 0 ? null : Duration.ofNanos(System.nanoTime() - since),
            shown.signalling == null ? null : provider.apply(shown.signalling));
    }

    /**
     * The current connection's statistics over {@code millis}: two readings that far apart; empty when
     * there is no connection or it goes meanwhile.
     */
    CompletionStage<Optional<CallStats>> stats(long millis) {
        Connection current = connection;
        if (current == null) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return current.stats().thenCompose(first -> {
            CompletableFuture<RTCStatsReport> second = new CompletableFuture<>();
            control.schedule(() -> current.stats().whenComplete((report, error) -> {
                if (error != null) {
                    second.completeExceptionally(error);
                } else {
                    second.complete(report);
                }
            }), millis, TimeUnit.MILLISECONDS);
            return second.thenApply(later -> Optional.of(CallStatistics.of(name, first, later)));
        }).orTimeout(millis + 5000, TimeUnit.MILLISECONDS).exceptionally(error -> Optional.empty());
    }

    /** Ends the connection, from an operator; signalling starts again at once, as after a failure. */
    void hangUp() {
        control.execute(() -> {
            if (!closed && (session != null || connection != null)) {
                log.info("{}: WebRTC call hung up by the operator; signalling again", name);
                stop(true);
                reconcile();
            }
        });
    }

    /** A signalling service is going: closes its session and connection before this returns. */
    void signallingGone(Signalling signalling) {
        onControl(() -> {
            if (wanted.signalling == signalling) {
                wanted = Wanted.NONE;
            }
            if (running.signalling == signalling) {
                stop(false);
            }
        });
    }

    /** Closes the session and the connection for good, on the control thread. */
    void close() {
        control.execute(this::end);
    }

    /** Closes the session and the connection for good; waits for it. */
    void closeNow() {
        onControl(this::end);
    }

    private void end() {
        closed = true;
        wanted = Wanted.NONE;
        stop(false);
    }

    /** Runs {@code task} on the control thread and waits (briefly) for it. */
    private void onControl(Runnable task) {
        try {
            control.submit(task).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn("{}: WebRTC teardown did not finish: {}", name, String.valueOf(e));
        }
    }

    /** Control thread: makes what runs match what is wanted. */
    private void reconcile() {
        Wanted target = wanted;
        if (closed || target.same(running) && session != null) {
            return;
        }
        stop(false);
        if (target.signalling == null) {
            return;
        }
        long wait = pausedUntil - System.currentTimeMillis();
        if (wait > 0) {
            control.schedule(this::reconcile, wait, TimeUnit.MILLISECONDS);
            return;
        }
        running = target;
        call = new SessionCall();
        try {
            session = target.signalling.start(target.node, call);
            log.debug("{}: started !{} signalling", name, target.kind());
        } catch (Exception e) {
            log.error("{}: !{} signalling would not start: {}", name, target.kind(), String.valueOf(e));
            call.active = false;
            call = null;
            pausedUntil = System.currentTimeMillis() + RETRY_MILLIS;
            running = Wanted.NONE;
            control.schedule(this::reconcile, RETRY_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Control thread: closes the session, and its connection unless {@code keep} and it is not
     * connected (then it waits, not live, for the next call); state becomes null.
     */
    private void stop(boolean keep) {
        if (call != null) {
            call.active = false;
            call = null;
        }
        if (session != null) {
            try {
                session.close();
            } catch (Exception e) {
                log.warn("{}: closing !{} signalling failed: {}", name, running.kind(), String.valueOf(e));
            }
            session = null;
        }
        running = Wanted.NONE;
        Connection current = connection;
        connection = null;
        connectedSince = 0;
        peer = null;
        if (keep && current != null && current.state() != CallState.CONNECTED) {
            current.live(false);
            if (spare != null && spare != current) {
                spare.close();
            }
            spare = current;
        } else {
            if (current != null) {
                current.close();
            }
            if (!keep && spare != null) {
                spare.close();
                spare = null;
            }
        }
    }

    /**
     * Control thread: the connection for a new offer or answer of this session: the current one when
     * it is not connected, else the spare, else a new one. A connected one is closed: its peer is
     * being left.
     */
    private Connection nextConnection() {
        Connection current = connection;
        Connection reuse = current != null && current.state() != CallState.CONNECTED ? current : spare;
        if (current != null && current != reuse) {
            current.close();
        }
        if (spare != null && spare != reuse) {
            spare.close();
        }
        spare = null;
        Connection next = reuse != null && !reuse.closed() ? reuse : service.open(this);
        next.frames().convertToRgba(convertsToRgba(service.config().incomingConversion(), softwareRenderer));
        next.live(true);
        return next;
    }

    /**
     * Whether received frames become RGBA on arrival ({@code cpu}) or go to the render thread's shader
     * ({@code shader}); {@code auto} (or anything else) chooses the CPU where the GL renderer is itself
     * software, which spends several times the CPU on a shader pass.
     */
    static boolean convertsToRgba(String setting, boolean softwareRenderer) {
        return switch (setting == null ? "" : setting.toLowerCase(Locale.ROOT)) {
            case "cpu" -> true;
            case "shader" -> false;
            default -> softwareRenderer;
        };
    }

    @Override
    public void stateChanged(Connection changed, CallState state) {
        if (changed != connection) {
            return;
        }
        switch (state) {
            case CONNECTED -> {
                log.info("{}: WebRTC connection up via !{}", name, running.kind());
                connectedSince = System.nanoTime();
                changed.stats().thenAccept(report -> control.execute(() -> {
                    if (changed == connection) {
                        peer = CallStatistics.peer(report);
                    }
                }));
            }
            case FAILED, CLOSED -> {
                log.info("{}: WebRTC connection {}; signalling again", name, state.symbol());
                stop(true);
                reconcile();
            }
            case DISCONNECTED -> control.schedule(() -> {
                if (changed == connection && changed.state() == CallState.DISCONNECTED) {
                    log.info("{}: WebRTC connection disconnected for {} ms; signalling again", name,
                        service.config().disconnectTimeout());
                    stop(true);
                    reconcile();
                }
            }, service.config().disconnectTimeout(), TimeUnit.MILLISECONDS);
            default -> {
            }
        }
    }

    /** What one session drives; refuses everything once its session is over. */
    private final class SessionCall implements Call {
        private volatile boolean active = true;

        @Override
        public String name() {
            return name;
        }

        @Override
        public CompletionStage<String> offer() {
            return onNewConnection(Connection::offer);
        }

        @Override
        public CompletionStage<String> answer(String offer) {
            Objects.requireNonNull(offer, "offer");
            return onNewConnection(connection -> connection.answer(offer));
        }

        @Override
        public CompletionStage<Void> finish(String answer) {
            Objects.requireNonNull(answer, "answer");
            CompletableFuture<Void> result = new CompletableFuture<>();
            control.execute(() -> {
                Connection current = connection;
                if (!active || current == null) {
                    result.completeExceptionally(new CancellationException("no offer to finish"));
                    return;
                }
                current.finish(answer).whenCompleteAsync((done, error) -> settle(result, null, error), control);
            });
            return result.copy();
        }

        /**
         * On the control thread: the next connection ({@link #nextConnection()}), {@code describe} run
         * on it, then its SDP once gathered. A kept connection that cannot be negotiated again is
         * replaced by a new one, once.
         */
        private CompletionStage<String> onNewConnection(Function<Connection, CompletableFuture<Void>> describe) {
            CompletableFuture<String> result = new CompletableFuture<>();
            control.execute(() -> {
                if (!active) {
                    result.completeExceptionally(new CancellationException("session closed"));
                    return;
                }
                describe(describe, result, true);
            });
            return result.copy();
        }

        private void describe(Function<Connection, CompletableFuture<Void>> describe, CompletableFuture<String> result,
                boolean mayRetry) {
            Connection next;
            try {
                next = nextConnection();
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
                return;
            }
            connection = next;
            describe.apply(next)
                .thenCompose(set -> next.gathered(control, service.config().gatherTimeout()))
                .whenCompleteAsync((done, error) -> {
                    if (error != null && mayRetry && active && connection == next && !next.closed()) {
                        log.debug("{}: a kept connection would not negotiate again ({}); making a new one", name,
                            String.valueOf(error));
                        connection = null;
                        next.close();
                        describe(describe, result, false);
                        return;
                    }
                    settle(result, error == null ? next.localSdp() : null,
                        next.closed() ? new CancellationException("connection closed") : error);
                }, control);
        }

        private <T> void settle(CompletableFuture<T> result, T value, Throwable error) {
            if (!active) {
                result.completeExceptionally(new CancellationException("session closed"));
            } else if (error != null) {
                result.completeExceptionally(error);
            } else {
                result.complete(value);
            }
        }

        @Override
        public CallState state() {
            return active ? Endpoint.this.state() : null;
        }

        @Override
        public void failed(String reason) {
            control.execute(() -> {
                if (active && call == this) {
                    log.warn("{}: !{} signalling failed: {}; trying again in {} s", name, running.kind(), reason,
                        RETRY_MILLIS / 1000);
                    stop(true);
                    pausedUntil = System.currentTimeMillis() + RETRY_MILLIS;
                    reconcile();
                }
            });
        }
    }
}
