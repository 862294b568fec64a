package flitter.signalling.server.impl;

/**
 * What one listener runs with: {@link ServerConfig}'s values, checked, with the address perhaps given by
 * the command line instead.
 */
record Settings(String host, int port, int maxMessageBytes, int maxMembersPerRoom, int maxRooms, int maxConnections,
        int maxConnectionsPerAddress, int idleTimeoutSeconds, String certificate, String key) {
    /** How long a client has to send its request head. */
    static final int HEAD_TIMEOUT_MILLIS = 10_000;
    /** How long a plain HTTP exchange (the head read, the response written) may take before it is cut off. */
    static final int EXCHANGE_TIMEOUT_MILLIS = 30_000;
    /** The least room for queued messages per client, whatever the largest message. */
    static final long MIN_QUEUED_BYTES = 1 << 20;

    Settings {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host is empty");
        }
        check("port", port, 0, 65535);
        check("maxMessageBytes", maxMessageBytes, 256, Integer.MAX_VALUE - 64);
        check("maxMembersPerRoom", maxMembersPerRoom, 1, Integer.MAX_VALUE);
        check("maxRooms", maxRooms, 1, Integer.MAX_VALUE);
        check("maxConnections", maxConnections, 1, Integer.MAX_VALUE);
        check("maxConnectionsPerAddress", maxConnectionsPerAddress, 1, Integer.MAX_VALUE);
        check("idleTimeoutSeconds", idleTimeoutSeconds, 0, Integer.MAX_VALUE / 1000);
        certificate = certificate == null ? "" : certificate.strip();
        key = key == null ? "" : key.strip();
        if (certificate.isEmpty() != key.isEmpty()) {
            throw new IllegalArgumentException("TLS needs both a certificate and a key (PEM files), not just one");
        }
    }

    /** Settings without TLS. */
    Settings(String host, int port, int maxMessageBytes, int maxMembersPerRoom, int maxRooms, int maxConnections,
            int maxConnectionsPerAddress, int idleTimeoutSeconds) {
        this(host, port, maxMessageBytes, maxMembersPerRoom, maxRooms, maxConnections, maxConnectionsPerAddress,
            idleTimeoutSeconds, "", "");
    }

    /** Whether clients connect over TLS (wss:, https:). */
    boolean tls() {
        return !certificate.isEmpty();
    }

    static Settings of(ServerConfig config) {
        return new Settings(config.host().strip(), config.port(), config.maxMessageBytes(), config.maxMembersPerRoom(),
            config.maxRooms(), config.maxConnections(), config.maxConnectionsPerAddress(), config.idleTimeoutSeconds(),
            config.certificate(), config.key());
    }

    /** These settings at another address, with the command line's TLS files (none: plain). */
    Settings at(String newHost, int newPort, String newCertificate, String newKey) {
        return new Settings(newHost, newPort, maxMessageBytes, maxMembersPerRoom, maxRooms, maxConnections,
            maxConnectionsPerAddress, idleTimeoutSeconds, newCertificate, newKey);
    }

    /**
     * How much may wait to be sent to one client before it counts as not reading and is dropped: room for
     * a few of the largest messages (a relayed one is a little larger than it came: {@code "from"}).
     */
    long maxQueuedBytes() {
        return Math.max(MIN_QUEUED_BYTES, 4L * maxMessageBytes);
    }

    int idleMillis() {
        return idleTimeoutSeconds * 1000;
    }

    private static void check(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(key + " must be from " + min + " to " + max + ", not " + value);
        }
    }
}
