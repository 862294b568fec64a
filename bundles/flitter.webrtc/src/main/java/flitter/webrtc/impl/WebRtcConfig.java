package flitter.webrtc.impl;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The settings of the WebRTC endpoint service (PID {@code flitter.webrtc}); changes apply to the next call. */
@ObjectClassDefinition(name = "Flitter WebRTC endpoint",
    description = "Codec, bitrate, ICE servers and timeouts of !webrtc calls; changes apply to the next call")
public @interface WebRtcConfig {
    @AttributeDefinition(description = "Preferred video codec: VP8, H264, VP9 or AV1 (the peer may pick another it prefers)")
    String codec() default "VP8";

    @AttributeDefinition(description = "Most bits per second the outgoing video may use")
    int maxBitrate() default 4_000_000;

    @AttributeDefinition(description = "ICE servers: stun:HOST[:PORT], turn:HOST[:PORT][?transport=udp|tcp], turns:…; none by default")
    String[] iceServers() default {};

    @AttributeDefinition(description = "User name for the TURN servers")
    String iceUsername() default "";

    @AttributeDefinition(type = AttributeType.PASSWORD, description = "Password for the TURN servers")
    String icePassword() default "";

    @AttributeDefinition(description = "Milliseconds an offer or answer waits for ICE gathering before what was gathered is sent")
    int gatherTimeout() default 3000;

    @AttributeDefinition(description = "Where received video becomes RGB: auto (on the CPU when the GL renderer is software,"
        + " such as Mesa's llvmpipe, else in a shader), cpu or shader")
    String incomingConversion() default "auto";

    @AttributeDefinition(description = "Milliseconds a connection may stay disconnected before it is torn down and signalling restarts")
    int disconnectTimeout() default 2000;
}
