package flitter.signalling.server.impl;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The room server's settings (PID {@code flitter.signalling.server}). A host opens no port unless
 * {@code enabled} is set; a change restarts the listener (its clients are closed with 1001 and reconnect).
 */
@ObjectClassDefinition(name = "Flitter signalling server",
    description = "The WebSocket room server of !websocket signalling, wire-compatible with flitter-webrtc's server; "
        + "changes restart the listener")
public @interface ServerConfig {
    String PID = "flitter.signalling.server";

    @AttributeDefinition(description = "Listen for WebSocket clients (a host opens no port unless this is set)")
    boolean enabled() default false;

    @AttributeDefinition(description = "The address to listen on: 0.0.0.0 (every interface, IPv4 and IPv6 where the "
        + "system maps them) for a public server, 127.0.0.1 for this machine only")
    String host() default "0.0.0.0";

    @AttributeDefinition(description = "The TCP port (the original's is 8080)", min = "0", max = "65535")
    int port() default 8080;

    @AttributeDefinition(description = "The largest message a client may send, in bytes (fragments together)",
        min = "256")
    int maxMessageBytes() default 65536;

    @AttributeDefinition(description = "The most members one room holds", min = "1")
    int maxMembersPerRoom() default 16;

    @AttributeDefinition(description = "The most rooms the server holds at once", min = "1")
    int maxRooms() default 1000;

    @AttributeDefinition(description = "The most connections open at once, from everyone together (more are answered "
        + "503 and closed)", min = "1")
    int maxConnections() default 1000;

    @AttributeDefinition(description = "The most connections open at once from one IP address (more are answered 429 "
        + "and closed)", min = "1")
    int maxConnectionsPerAddress() default 20;

    @AttributeDefinition(description = "Seconds a client may stay silent (the server pings it after half of this); "
        + "0: never time out", min = "0")
    int idleTimeoutSeconds() default 300;

    @AttributeDefinition(description = "A PEM file with the server's certificate (and its chain): clients then connect "
        + "over TLS (wss:, https:); empty for plain ws:")
    String certificate() default "";

    @AttributeDefinition(description = "The PEM file with the certificate's private key (PKCS#8, PKCS#1 or EC)")
    String key() default "";
}
