package flitter.shell.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.felix.service.command.Converter;
import org.junit.jupiter.api.Test;

import flitter.webrtc.CallInfo;
import flitter.webrtc.CallState;
import flitter.webrtc.CallStats;
import flitter.webrtc.SignallingInfo;

class WebRtcFormatsTest {
    private final WebRtcFormats formats = new WebRtcFormats();

    @Test
    void aCallInAListIsOneLine() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("call", "'studio'");
        parameters.put("secret", "****");
        CallInfo call = new CallInfo("main/webrtc", "broadcast", parameters, CallState.CONNECTED, "10.99.0.2:40000",
            Duration.ofSeconds(3725), "flitter.signalling.broadcast 0.1.0 (bundle 21)");
        assertEquals("main/webrtc  !broadcast call='studio' secret=****  :connected  peer 10.99.0.2:40000  up 1:02:05"
            + "  from flitter.signalling.broadcast 0.1.0 (bundle 21)", formats.format(call, Converter.LINE, null));
    }

    @Test
    void anEndpointWithoutSignallingSaysSo() {
        CallInfo call = new CallInfo("alone", null, Map.of(), null, null, null, null);
        assertEquals("alone  (no signalling)  null", formats.format(call, Converter.LINE, null));
    }

    @Test
    void statsShowBothDirections() {
        CallStats stats = new CallStats("caller",
            new CallStats.Video("video/VP8", 1280, 720, 29.97, 2_500_000, 3, 1.25),
            new CallStats.Video(null, 0, 0, 0, 0, 0, Double.NaN), Double.NaN, "host udp 10.0.0.1:1", null);
        assertEquals("endpoint     caller\noutgoing     video/VP8 1280x720 30.0 fps 2500 kbit/s lost 3 jitter 1.3 ms"
            + "\nincoming     no video yet\nround trip   -\nlocal        host udp 10.0.0.1:1\nremote       -",
            formats.format(stats, Converter.INSPECT, null));
    }

    @Test
    void statsShowCodingTimeBufferingAndWhatLimitsTheQuality() {
        CallStats stats = new CallStats("desk",
            new CallStats.Video("video/H264", 1280, 720, 30, 4_000_000, 0, 0.5, 6.74, Double.NaN, "cpu"),
            new CallStats.Video("video/H264", 1280, 720, 29.5, 3_900_000, 0, 0.75, 3.31, 20.84, null),
            0.4, null, null);
        assertEquals("desk out video/H264 1280x720 30.0 fps 4000 kbit/s lost 0 jitter 0.5 ms encode 6.7 ms"
            + " limited by cpu in video/H264 1280x720 29.5 fps 3900 kbit/s lost 0 jitter 0.8 ms decode 3.3 ms"
            + " buffer 20.8 ms", formats.format(stats, Converter.LINE, null));
    }

    @Test
    void aSignallingKindNamesItsBundle() {
        assertEquals("!broadcast from flitter.signalling.broadcast 0.1.0 (bundle 21)",
            formats.format(new SignallingInfo("broadcast", 21, "flitter.signalling.broadcast", "0.1.0"), Converter.LINE, null));
    }
}
