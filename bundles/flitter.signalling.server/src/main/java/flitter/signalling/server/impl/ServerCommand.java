package flitter.signalling.server.impl;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./flitter signalling-server [--host H] [--port P]}: the launcher passes {@code signalling-server}
 * and these options as the bnd launcher's arguments; the host's log options it handles itself. The
 * command runs as the launcher's main-thread callable, whose value is the process's exit status: 0 when
 * the host stops, 2 for bad options, 1 when the address cannot be listened on.
 */
final class ServerCommand {
    static final String NAME = "signalling-server";
    static final String USAGE = "usage: ./flitter signalling-server [--host H] [--port P] [--certificate PEM --key PEM]"
        + " [--quiet|--verbose|--debug|--trace]";

    private ServerCommand() {
    }

    /** The command line's address: where to listen, and the TLS files (empty: plain). */
    record Address(String host, int port, String certificate, String key) {
        Address(String host, int port) {
            this(host, port, "", "");
        }
    }

    /**
     * Reads the options after the command's name; host 0.0.0.0 and port 8080 (8443 with a certificate)
     * unless given.
     *
     * @throws IllegalArgumentException with what was wrong
     */
    static Address parse(List<String> args) {
        String host = "0.0.0.0";
        int port = -1;
        String certificate = "";
        String key = "";
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String option = arg;
            String value = null;
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                option = arg.substring(0, equals);
                value = arg.substring(equals + 1);
            }
            if (!List.of("--host", "--port", "--certificate", "--key").contains(option)) {
                throw new IllegalArgumentException("unknown argument '" + arg + "'");
            }
            if (value == null) {
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException(option + " needs a value");
                }
                value = args.get(++i);
            }
            if (option.equals("--certificate") || option.equals("--key")) {
                if (value.isBlank()) {
                    throw new IllegalArgumentException(option + " needs a PEM file");
                }
                if (option.equals("--key")) {
                    key = value.strip();
                } else {
                    certificate = value.strip();
                }
            } else if (option.equals("--host")) {
                if (value.isBlank()) {
                    throw new IllegalArgumentException("--host needs an address or a host name");
                }
                host = value.strip();
            } else {
                try {
                    port = Integer.parseInt(value);
                } catch (NumberFormatException e) {
                    port = -1;
                }
                if (port < 0 || port > 65535) {
                    throw new IllegalArgumentException("--port must be a TCP port number from 0 to 65535, not '" + value
                        + "'");
                }
            }
        }
        if (certificate.isEmpty() != key.isEmpty()) {
            throw new IllegalArgumentException("--certificate and --key go together");
        }
        return new Address(host, port >= 0 ? port : certificate.isEmpty() ? 8080 : 8443, certificate, key);
    }

    /** Why the command cannot run, and the exit status that says so. */
    record Failure(int status, String message) {
    }

    /** The launcher checks that a main-thread service is a {@code Callable<Integer>}: a lambda would not say so. */
    static final class Command implements Callable<Integer> {
        private final Failure failure;
        private final CountDownLatch stopped;
        private final PrintStream err;

        /**
         * @param failure why the server could not start, or null when it runs
         * @param stopped counted down when the host stops the server
         */
        Command(Failure failure, CountDownLatch stopped, PrintStream err) {
            this.failure = failure;
            this.stopped = stopped;
            this.err = err;
        }

        @Override
        public Integer call() throws InterruptedException {
            if (failure != null) {
                err.println("flitter signalling-server: " + failure.message());
                return failure.status();
            }
            stopped.await();
            return 0;
        }
    }
}
