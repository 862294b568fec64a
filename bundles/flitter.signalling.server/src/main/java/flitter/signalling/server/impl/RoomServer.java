package flitter.signalling.server.impl;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The room server of {@code !websocket} signalling, configured as {@code flitter.signalling.server}
 * ({@link ServerConfig}): when enabled it runs one {@link SignallingServer}; a configuration change
 * restarts it (rooms start empty; clients reconnect). Run as {@code ./flitter signalling-server}
 * ({@link ServerCommand}), it listens whatever {@code enabled} says, at the command line's address, with
 * the configuration's limits, until the host stops.
 */
@Component(immediate = true, configurationPid = ServerConfig.PID)
@Designate(ocd = ServerConfig.class)
public final class RoomServer {
    private final Logger log;
    private final ServerCommand.Address commandLine;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private ServiceRegistration<?> registration;
    private Thread shutdownHook;
    private ServerCommand.Failure failure;
    private SignallingServer server;
    private Settings running;

    @Activate
    public RoomServer(ServerConfig config, BundleContext context, @Reference(service = LoggerFactory.class) Logger log,
            @Reference(service = Object.class, target = "(launcher.arguments=*)", cardinality = ReferenceCardinality.OPTIONAL,
                policyOption = ReferencePolicyOption.GREEDY) ServiceReference<Object> launcher) {
        this(config, log, command(launcher));
        if (commandLine == null && failure == null) {
            return;
        }
        // Ctrl-C ends the bnd launcher without stopping the framework: close the clients properly anyway.
        if (failure == null) {
            shutdownHook = new Thread(this::stop, "flitter signalling server shutdown");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("main.thread", Boolean.TRUE);
        registration = context.registerService(Callable.class.getName(),
            command(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8)), properties);
    }

    /** The main-thread callable of {@code ./flitter signalling-server}: says what failed, or waits until the host stops. */
    Callable<Integer> command(PrintStream err) {
        return new ServerCommand.Command(failure, stopped, err);
    }

    /**
     * @param command the arguments after {@code signalling-server} when run as the command, else null
     */
    RoomServer(ServerConfig config, Logger log, List<String> command) {
        this.log = log;
        ServerCommand.Address address = null;
        if (command != null) {
            try {
                address = ServerCommand.parse(command);
            } catch (IllegalArgumentException e) {
                failure = new ServerCommand.Failure(2, e.getMessage() + "\n" + ServerCommand.USAGE);
            }
        }
        commandLine = address;
        if (failure == null) {
            modified(config);
        }
    }

    private static List<String> command(ServiceReference<Object> launcher) {
        // Only the bnd launcher of the exported host registers this; in other frameworks there is no command line.
        String[] args = launcher == null ? null : (String[]) launcher.getProperty("launcher.arguments");
        if (args == null || args.length == 0 || !args[0].equals(ServerCommand.NAME)) {
            return null;
        }
        return Arrays.asList(args).subList(1, args.length);
    }

    /** Restarts the listener when what it runs with changed (stops it when no longer enabled). */
    @Modified
    synchronized void modified(ServerConfig config) {
        Settings settings;
        try {
            settings = Settings.of(config);
            if (commandLine != null) {
                settings = settings.at(commandLine.host(), commandLine.port(), commandLine.certificate(),
                    commandLine.key());
            }
        } catch (IllegalArgumentException e) {
            log.error("Signalling server: configuration {} is not usable ({}); not listening", ServerConfig.PID,
                e.getMessage());
            stopServer();
            return;
        }
        if (commandLine == null && !config.enabled()) {
            stopServer();
            return;
        }
        if (settings.equals(running) && server != null) {
            return;
        }
        stopServer();
        SignallingServer next = new SignallingServer(settings, log);
        try {
            next.start();
        } catch (IOException e) {
            String problem = "cannot listen on " + settings.host() + ":" + settings.port() + ": " + e.getMessage();
            log.error("Signalling server: {}", problem);
            if (commandLine != null && failure == null && running == null) {
                failure = new ServerCommand.Failure(1, problem);
            }
            return;
        }
        server = next;
        running = settings;
        InetSocketAddress address = next.address();
        log.info("Signalling server listening on {}://{}:{}/ (up to {} connections, rooms of up to {}, messages up to {} "
            + "bytes)", settings.tls() ? "wss" : "ws", address.getAddress().getHostAddress(), address.getPort(),
            settings.maxConnections(), settings.maxMembersPerRoom(), settings.maxMessageBytes());
    }

    /** The address it listens on, or null when it does not. */
    synchronized InetSocketAddress address() {
        return server == null ? null : server.address();
    }

    /** The running server's rooms (for tests), or null. */
    synchronized Rooms rooms() {
        return server == null ? null : server.rooms();
    }

    @Deactivate
    void deactivate() {
        if (registration != null) {
            registration.unregister();
        }
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // The JVM is already shutting down: the hook is stopping the server.
            }
        }
        stop();
    }

    private void stop() {
        synchronized (this) {
            stopServer();
        }
        stopped.countDown();
    }

    private void stopServer() {
        if (server == null) {
            return;
        }
        InetSocketAddress address = server.address();
        server.close();
        server = null;
        running = null;
        log.info("Signalling server on {}:{} stopped", address.getAddress().getHostAddress(), address.getPort());
    }
}
