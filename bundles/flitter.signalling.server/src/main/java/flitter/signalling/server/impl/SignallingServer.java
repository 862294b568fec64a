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
import java.util.concurrent.TimeUnit;

import org.osgi.service.log.Logger;

/**
 * One listening socket and its rooms: HTTP/1.1 on plain sockets, upgraded to WebSocket at {@code /} for
 * the signalling protocol ({@link ClientSession}); other paths answer 404.
 *
 * <p>Threads: one accepts; each connection then has a thread of its own that reads its request and,
 * after the upgrade, its frames, and a second that writes to it ({@link WebSocketConnection}). So a
 * client costs two threads (small stacks) while connected: fine for the hundreds of clients a
 * signalling server sees; the per-address limit keeps one address from taking more than its share.
 * Nothing one client does (not reading, sending slowly) holds up another's thread.
 */
final class SignallingServer implements AutoCloseable {
    private static final int THREAD_STACK = 256 * 1024;

    private final Settings settings;
    private final Logger log;
    private final Rooms rooms;
    private final Map<InetAddress, Integer> perAddress = new HashMap<>();
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final Set<WebSocketConnection> connections = ConcurrentHashMap.newKeySet();
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private ServerSocket server;
    private Thread acceptor;
    private volatile boolean closing;

    SignallingServer(Settings settings, Logger log) {
        this.settings = settings;
        this.log = log;
        this.rooms = new Rooms(settings.maxRooms(), settings.maxMembersPerRoom());
    }

    /** Binds the listening socket and starts accepting; throws when the address cannot be had. */
    void start() throws IOException {
        ServerSocket socket = settings.tls()
            ? Tls.context(Path.of(settings.certificate()), Path.of(settings.key())).getServerSocketFactory().createServerSocket()
            : new ServerSocket();
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
        for (Socket socket : sockets) {
            closeQuietly(socket);
        }
        long last = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        for (Thread thread : threads) {
            join(thread, last);
        }
        if (acceptor != null) {
            join(acceptor, last);
        }
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
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                if (!closing) {
                    log.error("Signalling server {}: accept failed, no longer listening: {}", address(), e.toString());
                }
                return;
            }
            InetAddress from = socket.getInetAddress();
            if (!admit(from)) {
                refuse(socket);
                continue;
            }
            try {
                socket.setTcpNoDelay(true);
                Thread thread = new Thread(null, () -> serve(socket, from), "flitter signalling "
                    + socket.getRemoteSocketAddress(), THREAD_STACK);
                thread.setDaemon(true);
                threads.add(thread);
                sockets.add(socket);
                thread.start();
            } catch (IOException | OutOfMemoryError e) {
                // OutOfMemoryError here means no thread could be made: turn the client away, keep serving.
                log.warn("Signalling server {}: cannot serve {}: {}", address(), socket.getRemoteSocketAddress(),
                    e.toString());
                closeQuietly(socket);
                release(from);
            }
        }
    }

    private boolean admit(InetAddress address) {
        synchronized (perAddress) {
            int open = perAddress.getOrDefault(address, 0);
            if (open >= settings.maxConnectionsPerAddress()) {
                return false;
            }
            perAddress.put(address, open + 1);
            return true;
        }
    }

    private void release(InetAddress address) {
        synchronized (perAddress) {
            perAddress.computeIfPresent(address, (key, open) -> open > 1 ? open - 1 : null);
        }
    }

    /** Over the per-address limit: a 429 written at once (it fits in any socket buffer) and the socket closed. */
    private void refuse(Socket socket) {
        log.info("Signalling server {}: refused a connection from {}: it has maxConnectionsPerAddress ({}) open",
            address(), socket.getInetAddress().getHostAddress(), settings.maxConnectionsPerAddress());
        try {
            socket.getOutputStream().write(HttpResponse.text(429, "Too many connections from your address (limit "
                + settings.maxConnectionsPerAddress() + ")", false));
        } catch (IOException e) {
            // The client is turned away either way.
        }
        closeQuietly(socket);
    }

    private void serve(Socket socket, InetAddress from) {
        String name = socket.getRemoteSocketAddress().toString();
        try {
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
            route(request, socket, timed, in, out, name);
        } catch (EOFException e) {
            log.trace("Signalling server: {} closed its connection before a full request", name);
        } catch (IOException e) {
            log.debug("Signalling server: connection from {} failed: {}", name, e.toString());
        } catch (RuntimeException e) {
            log.error("Signalling server: a bug ended the connection from {}", name, e);
        } finally {
            closeQuietly(socket);
            sockets.remove(socket);
            release(from);
            threads.remove(Thread.currentThread());
        }
    }

    /**
     * What each path serves. {@code /} is the signalling endpoint (the original's only route); any other
     * path is unknown for now. A page of its own is one more {@code case}.
     */
    private void route(HttpRequest request, Socket socket, TimedInput timed, InputStream in, OutputStream out,
            String name) throws IOException {
        boolean head = request.method().equals("HEAD");
        if (!head && !request.method().equals("GET")) {
            out.write(HttpResponse.text(405, "Method " + request.method() + " is not allowed", false, "Allow", "GET, HEAD"));
            return;
        }
        switch (request.path()) {
            case "/" -> {
                // Another upgrade (a client offering h2c) is ignored, as RFC 9110 7.8 allows: HTTP/1.1 it stays.
                if (!request.hasToken("Upgrade", "websocket")) {
                    out.write(HttpResponse.text(426, "This is a Flitter signalling server: connect with a WebSocket client",
                        head, "Upgrade", "websocket"));
                } else {
                    upgrade(request, socket, timed, in, out, name);
                }
            }
            default -> out.write(HttpResponse.text(404, "Not found: " + request.path(), head));
        }
    }

    /** The WebSocket handshake (RFC 6455 4.2), then the connection runs on this thread until it ends. */
    private void upgrade(HttpRequest request, Socket socket, TimedInput timed, InputStream in, OutputStream out,
            String name) throws IOException {
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
        WebSocketConnection connection = new WebSocketConnection(socket, timed, in, settings.maxMessageBytes(),
            settings.maxQueuedBytes(), settings.idleMillis(), name);
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

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Closing is all that was wanted.
        }
    }
}
