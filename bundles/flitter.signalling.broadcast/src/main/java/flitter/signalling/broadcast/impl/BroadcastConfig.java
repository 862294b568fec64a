package flitter.signalling.broadcast.impl;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The host-wide settings of {@code !broadcast} (PID {@code flitter.signalling.broadcast}): what a node
 * that does not say gets. Changes apply to calls that start afterwards.
 */
@ObjectClassDefinition(name = "Flitter !broadcast signalling",
    description = "Defaults for !broadcast nodes that do not set port= or secret=, and how often ignored datagrams "
        + "are logged; changes apply to calls that start afterwards")
public @interface BroadcastConfig {
    @AttributeDefinition(description = "UDP port of a !broadcast node without port= (the original's is 5111)", min = "1",
        max = "65535")
    int port() default Settings.DEFAULT_PORT;

    @AttributeDefinition(type = AttributeType.PASSWORD,
        description = "Secret of a !broadcast node without secret= (the original's is flitter_webrtc)")
    String secret() default Settings.DEFAULT_SECRET;

    @AttributeDefinition(description = "Seconds between log lines about ignored datagrams, per call", min = "1")
    int logInterval() default 10;
}
