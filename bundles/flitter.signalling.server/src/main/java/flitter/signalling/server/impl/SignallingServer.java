package flitter.signalling.server.impl;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLSocketFactory;

import org.osgi.service.log.Logger;

/**
 * One listening socket and its rooms: HTTP/1.1 on plain sockets, upgraded to WebSocket at {@code /} for
 * the signalling protocol ({@link ClientSession}), and the browser peer's page ({@link Page}).
 *
 * <p>Threads: one accepts; each connection then has a thread of its own that reads its request and,
 * after the upgrade, its frames, and a second that writes to it ({@link WebSocketConnection}). So a
 * client costs two threads (small stacks) while connected: fine for the hundreds of clients a
 * signalling server sees. {@code maxConnections} bounds them all together (more are answered 503) and
 * {@code maxConnectionsPerAddress} keeps one address from taking more than its share (429); the
 * accepting thread answers either refusal at once (over TLS it only closes the connection) and logs it
 * at most once a minute. With TLS, each connection's handshake is done by its own thread.
 * Nothing one client does (not reading, sending slowly) holds up another's thread.
 */
final class SignallingServer implements AutoCloseable {
    private static final int THREAD_STACK = 256 * 1024;
    /** How often a kind of trouble that may come in floods (refusals, accept failures) gets a log line. */
    private static final long LOG_INTERVAL_SECONDS = 60;
    /** How long the accepting thread waits after a failed accept (out of file descriptors, say) before the next. */
    private static final long ACCEPT_RETRY_MILLIS = 100;

    private final Settings settings;
    private final Logger log;
    private final Rooms rooms;
    /** Open connections by address; its lock also guards {@link #open}. */
    private final Map<InetAddress, Integer> perAddress = new HashMap<>();
    private final LogThrottle fullLog = new LogThrottle(LOG_INTERVAL_SECONDS, TimeUnit.SECONDS);
    private final LogThrottle addressLog = new LogThrottle(LOG_INTERVAL_SECONDS, TimeUnit.SECONDS);
    private final LogThrottle acceptLog = new LogThrottle(LOG_INTERVAL_SECONDS, TimeUnit.SECONDS);
    private int open;
    /**
     * Each open connection's socket and the TCP socket under it: the same one without TLS; with TLS, the
     * one that closes at once whatever the TLS layer is waiting for.
     */
    private final Map<Socket, Socket> sockets = new ConcurrentHashMap<>();
    private final Set<WebSocketConnection> connections = ConcurrentHashMap.newKeySet();
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    /**
     * Closes a connection whose plain HTTP exchange (request head, then response) has not ended in
     * {@link #exchangeTimeoutMillis} ({@link Settings#EXCHANGE_TIMEOUT_MILLIS}): a client that never reads the response cannot keep its
     * thread and its place. Connections upgraded to WebSocket are let go of at the upgrade.
     */
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "flitter signalling server watchdog");
        thread.setDaemon(true);
        return thread;
    });
    private ServerSocket server;
    /** With TLS, what layers it over each accepted TCP socket; null without. */
    private SSLSocketFactory tls;
    private Thread acceptor;
    private volatile boolean closing;
    private final long exchangeTimeoutMillis;

    SignallingServer(Settings settings, Logger log) {
        this(settings, log, Settings.EXCHANGE_TIMEOUT_MILLIS);
    }

    /** A server whose plain HTTP exchanges are cut off after {@code exchangeTimeoutMillis} (tests shorten it). */
    SignallingServer(Settings settings, Logger log, long exchangeTimeoutMillis) {
        this.settings = settings;
        this.log = log;
        this.rooms = new Rooms(settings.maxRooms(), settings.maxMembersPerRoom());
        this.exchangeTimeoutMillis = exchangeTimeoutMillis;
    }

    /** Binds the listening socket and starts accepting; throws when the address cannot be had. */
    void start() throws IOException {
        if (settings.tls()) {
            tls = Tls.context(Path.of(settings.certificate()), Path.of(settings.key())).getSocketFactory();
        }
        ServerSocket socket = new ServerSocket();
        try {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(settings.host()), settings.port()), 128);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        server = socket;
        acceptor = new Thread(this::accept, "flitter signalling server " + address());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The address it listens on (with the port it was given when the settings said 0). */
    InetSocketAddress address() {
        return (InetSocketAddress) server.getLocalSocketAddress();
    }

    Rooms rooms() {
        return rooms;
    }

    Settings settings() {
        return settings;
    }

    /**
     * Stops listening and closes every client: 1001 with a close handshake, then at most
     * {@link WebSocketConnection#CLOSE_WAIT_MILLIS} for them to answer before their sockets are closed.
     */
    @Override
    public void close() {
        closing = true;
        try {
            if (server != null) {
                server.close();
            }
        } catch (IOException e) {
            // It is closed either way.
        }
        for (WebSocketConnection connection : connections) {
            connection.close(WebSocket.GOING_AWAY, "server stopping");
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WebSocketConnection.CLOSE_WAIT_MILLIS);
        for (Thread thread : threads) {
            join(thread, deadline);
        }
        for (WebSocketConnection connection : connections) {
            connection.abort("server stopped");
        }
        for (Socket transport : sockets.values()) {
            closeQuietly(transport);
        }
        long last = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        for (Thread thread : threads) {
            join(thread, last);
        }
        if (acceptor != null) {
            join(acceptor, last);
        }
        watchdog.shutdownNow();
    }

    private static void join(Thread thread, long deadline) {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0) {
            return;
        }
        try {
            thread.join(left);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void accept() {
        while (!closing) {
            Socket transport;
            try {
                transport = server.accept();
            } catch (IOException e) {
                if (closing) {
                    return;
                }
                if (server.isClosed()) {
                    log.error("Signalling server {}: accept failed, no longer listening: {}", address(), e.toString());
                    return;
                }
                acceptFailed(e);
                continue;
            }
            InetAddress from = transport.getInetAddress();
            int status = admit(from);
            if (status != 0) {
                refuse(transport, status);
                continue;
            }
            Socket socket = null;
            Thread thread = null;
            try {
                transport.setTcpNoDelay(true);
                // The TLS handshake happens on the connection's thread, when its request is read.
                Socket layered = tls == null ? transport : tls.createSocket(transport, null, true);
                socket = layered;
                thread = new Thread(null, () -> serve(layered, from), "flitter signalling "
                    + transport.getRemoteSocketAddress(), THREAD_STACK);
                thread.setDaemon(true);
                threads.add(thread);
                sockets.put(layered, transport);
                thread.start();
            } catch (IOException | OutOfMemoryError e) {
                // OutOfMemoryError here means no thread could be made: turn the client away, keep serving.
                log.warn("Signalling server {}: cannot serve {}: {}", address(), transport.getRemoteSocketAddress(),
                    e.toString());
                if (socket != null) {
                    sockets.remove(socket);
                }
                if (thread != null) {
                    threads.remove(thread);
                }
                closeQuietly(transport);
                release(from);
            }
        }
    }

    /**
     * Counts a new connection in: 0 when it may be served (it then counts until {@link #release}), else the
     * HTTP status that refuses it: 429 when its address has all it may have open, 503 when the server has.
     */
    private int admit(InetAddress address) {
        synchronized (perAddress) {
            int fromAddress = perAddress.getOrDefault(address, 0);
            if (fromAddress >= settings.maxConnectionsPerAddress()) {
                return 429;
            }
            if (open >= settings.maxConnections()) {
                return 503;
            }
            perAddress.put(address, fromAddress + 1);
            open++;
            return 0;
        }
    }

    private void release(InetAddress address) {
        synchronized (perAddress) {
            perAddress.computeIfPresent(address, (key, count) -> count > 1 ? count - 1 : null);
            open--;
        }
    }

    /** The number of connections counted in now, from every address. */
    int openConnections() {
        synchronized (perAddress) {
            return open;
        }
    }

    /**
     * Over a limit: the response written at once (it fits in any socket buffer) and the socket closed. Over
     * TLS nothing is written: that would mean a handshake on the accepting thread, at the client's pace.
     */
    private void refuse(Socket socket, int status) {
        String from = socket.getInetAddress().getHostAddress();
        boolean full = status == 503;
        long held = (full ? fullLog : addressLog).pass();
        if (held >= 0) {
            String more = held == 0 ? "" : " (and " + held + " more since the last such line)";
            if (full) {
                log.warn("Signalling server {}: refused a connection from {}: maxConnections ({}) are open{}", address(),
                    from, settings.maxConnections(), more);
            } else {
                log.info("Signalling server {}: refused a connection from {}: it has maxConnectionsPerAddress ({}) open{}",
                    address(), from, settings.maxConnectionsPerAddress(), more);
            }
        }
        if (!settings.tls()) {
            String body = full ? "This signalling server is full (" + settings.maxConnections()
                + " connections); try again later"
                : "Too many connections from your address (limit " + settings.maxConnectionsPerAddress() + ")";
            try {
                socket.getOutputStream().write(HttpResponse.text(status, body, false));
            } catch (IOException e) {
                // The client is turned away either way.
            }
        }
        closeQuietly(socket);
    }

    /** An accept that failed with the listener still open (no file descriptors left, say): log, pause, go on. */
    private void acceptFailed(IOException e) {
        long held = acceptLog.pass();
        if (held >= 0) {
            log.error("Signalling server {}: accept failed ({}{}); still listening", address(), e.toString(),
                held == 0 ? "" : ", and " + held + " more times since the last such line");
        }
        try {
            Thread.sleep(ACCEPT_RETRY_MILLIS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            closing = true;
        }
    }

    private void serve(Socket socket, InetAddress from) {
        String name = socket.getRemoteSocketAddress().toString();
        Socket transport = sockets.getOrDefault(socket, socket);
        ScheduledFuture<?> guard = null;
        try {
            // Inside the try: after close() the watchdog refuses, and the finally still cleans up.
            guard = watchdog.schedule(() -> closeQuietly(transport), exchangeTimeoutMillis, TimeUnit.MILLISECONDS);
            TimedInput timed = new TimedInput(socket);
            timed.deadlineIn(Settings.HEAD_TIMEOUT_MILLIS);
            InputStream in = new BufferedInputStream(timed, 16384);
            OutputStream out = socket.getOutputStream();
            HttpRequest request;
            try {
                request = HttpRequest.read(in);
            } catch (HttpRequest.BadRequest e) {
                log.debug("Signalling server: bad request from {}: {} {}", name, e.status(), e.getMessage());
                out.write(HttpResponse.text(e.status(), e.getMessage(), false));
                return;
            } catch (SocketTimeoutException e) {
                out.write(HttpResponse.text(408, "The request head took over " + Settings.HEAD_TIMEOUT_MILLIS / 1000
                    + " s", false));
                return;
            }
            route(request, socket, timed, in, out, name, guard);
        } catch (EOFException e) {
            log.trace("Signalling server: {} closed its connection before a full request", name);
        } catch (IOException e) {
            log.debug("Signalling server: connection from {} failed: {}", name, e.toString());
        } catch (RejectedExecutionException e) {
            log.trace("Signalling server: {} arrived as the server closed", name);
        } catch (RuntimeException e) {
            log.error("Signalling server: a bug ended the connection from {}", name, e);
        } finally {
            if (guard != null) {
                guard.cancel(false);
            }
            closeQuietly(socket);
            closeQuietly(sockets.remove(socket));
            release(from);
            threads.remove(Thread.currentThread());
        }
    }

    /**
     * What each path serves: {@code /} is the signalling endpoint (the original's only route) for a
     * WebSocket upgrade and the browser peer's page ({@link Page}) for a plain request; the page's
     * script and style have paths of their own; anything else is 404.
     */
    private void route(HttpRequest request, Socket socket, TimedInput timed, InputStream in, OutputStream out,
            String name, ScheduledFuture<?> guard) throws IOException {
        boolean head = request.method().equals("HEAD");
        if (!head && !request.method().equals("GET")) {
            out.write(HttpResponse.text(405, "Method " + request.method() + " is not allowed", false, "Allow", "GET, HEAD"));
            return;
        }
        // Another upgrade (a client offering h2c) is ignored, as RFC 9110 7.8 allows: HTTP/1.1 it stays.
        if (request.path().equals("/") && request.hasToken("Upgrade", "websocket")) {
            upgrade(request, socket, timed, in, out, name, guard);
            return;
        }
        Page.File file = Page.at(request.path());
        if (file == null) {
            out.write(HttpResponse.text(404, "Not found: " + request.path(), head));
        } else {
            out.write(HttpResponse.content(200, file.contentType(), file.content(), head,
                "Cache-Control", "no-cache", "Content-Security-Policy", Page.SECURITY_POLICY,
                "X-Content-Type-Options", "nosniff"));
        }
    }

    /** The WebSocket handshake (RFC 6455 4.2), then the connection runs on this thread until it ends. */
    private void upgrade(HttpRequest request, Socket socket, TimedInput timed, InputStream in, OutputStream out,
            String name, ScheduledFuture<?> guard) throws IOException {
        String refusal = null;
        if (!request.method().equals("GET")) {
            refusal = "a WebSocket handshake must be a GET";
        } else if (!request.hasToken("Connection", "upgrade")) {
            refusal = "Connection must include Upgrade";
        } else if (request.header("Host") == null) {
            refusal = "Host is missing";
        } else if (!WebSocket.validKey(request.header("Sec-WebSocket-Key"))) {
            refusal = "Sec-WebSocket-Key must be 16 bytes in base64";
        }
        if (refusal != null) {
            log.debug("Signalling server: bad handshake from {}: {}", name, refusal);
            out.write(HttpResponse.text(400, "Bad WebSocket handshake: " + refusal, false));
            return;
        }
        if (!"13".equals(request.header("Sec-WebSocket-Version"))) {
            out.write(HttpResponse.text(426, "Only WebSocket version 13 is supported", false,
                "Sec-WebSocket-Version", "13"));
            return;
        }
        out.write(HttpResponse.switchingProtocols(WebSocket.accept(request.header("Sec-WebSocket-Key"))));
        out.flush();
        if (!guard.cancel(false)) {
            return; // The exchange took too long and the watchdog has closed the connection.
        }
        WebSocketConnection connection = new WebSocketConnection(socket, sockets.getOrDefault(socket, socket), timed, in,
            settings.maxMessageBytes(), settings.maxQueuedBytes(), settings.idleMillis(), name);
        connections.add(connection);
        try {
            if (closing) {
                connection.close(WebSocket.GOING_AWAY, "server stopping");
            }
            log.trace("Signalling server: {} connected", name);
            connection.run(new ClientSession(connection, rooms, log));
        } finally {
            connections.remove(connection);
            String reason = connection.abortReason();
            log.trace("Signalling server: {} disconnected{}", name, reason == null ? "" : " (" + reason + ")");
        }
    }

    /** Closes {@code socket}, if there is one, whatever happens. */
    private static void closeQuietly(Socket socket) {
        if (socket == null) {
            return;
        }
        try {
            socket.close();
        } catch (IOException e) {
            // Closing is all that was wanted.
        }
    }
}
