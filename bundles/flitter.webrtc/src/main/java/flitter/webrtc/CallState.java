package flitter.webrtc;

import java.util.Locale;

/** The state of a peer connection, as WebRTC names it; {@code !webrtc state=} stores {@link #symbol()}. */
public enum CallState {
    NEW, CONNECTING, CONNECTED, DISCONNECTED, FAILED, CLOSED;

    /** The name as a Flitter symbol's text: {@code new}, {@code connecting}, … */
    public String symbol() {
        return name().toLowerCase(Locale.ROOT);
    }
}
