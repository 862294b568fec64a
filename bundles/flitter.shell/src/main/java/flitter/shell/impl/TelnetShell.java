package flitter.shell.impl;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Serves the Gogo shell over telnet on 127.0.0.1 when the host was started with {@code --shell-port N}
 * (the framework property {@value #PORT_PROPERTY}).
 *
 * <p>Gogo's own {@code telnetd} does the serving; this component starts it, bound to the loopback
 * address only, as soon as that command is registered, and stops it with the host. The shell gives
 * full control of the host, so it is never offered to other interfaces.
 */
@Component(immediate = true)
public final class TelnetShell {
    static final String PORT_PROPERTY = "flitter.shell.port";
    private static final String LOOPBACK = "127.0.0.1";
    private static final String TELNETD = "(&(osgi.command.scope=gogo)(osgi.command.function=telnetd))";

    private final CommandProcessor processor;
    private final Logger log;
    private final ServiceTracker<Object, Object> telnetd;

    @Activate
    public TelnetShell(BundleContext context, @Reference CommandProcessor processor,
            @Reference(service = LoggerFactory.class) Logger log) throws InvalidSyntaxException {
        this.processor = processor;
        this.log = log;
        Integer port = parsePort(context.getProperty(PORT_PROPERTY));
        if (port == null) {
            this.telnetd = null;
            return;
        }
        this.telnetd = new ServiceTracker<>(context, context.createFilter(TELNETD), null) {
            @Override
            public Object addingService(ServiceReference<Object> reference) {
                start(port);
                return reference;
            }
        };
        telnetd.open();
    }

    @Deactivate
    void deactivate() {
        if (telnetd != null) {
            telnetd.close();
            execute("telnetd stop");
        }
    }

    /** The port named by the property, or {@code null} when there is none. */
    static Integer parsePort(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(PORT_PROPERTY + " must be a TCP port number from 1 to 65535, not '"
            + value + "'");
    }

    private void start(int port) {
        try {
            execute("telnetd -i " + LOOPBACK + " -p " + port + " start");
            log.info("Gogo shell: telnet {} {}", LOOPBACK, port);
        } catch (RuntimeException e) {
            log.error("cannot serve the Gogo shell on {}:{}: {}", LOOPBACK, port, e.getMessage());
        }
    }

    private void execute(String command) {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(sink, true, StandardCharsets.UTF_8);
        CommandSession session = processor.createSession(new ByteArrayInputStream(new byte[0]), out, out);
        try {
            session.execute(command);
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage() == null ? e.toString() : e.getMessage(), e);
        } finally {
            session.close();
        }
    }
}
