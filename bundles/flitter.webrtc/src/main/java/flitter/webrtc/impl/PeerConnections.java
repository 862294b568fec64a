package flitter.webrtc.impl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.Designate;

import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.RTCConfiguration;
import dev.onvoid.webrtc.RTCIceServer;
import dev.onvoid.webrtc.RTCRtpCodecCapability;
import dev.onvoid.webrtc.media.MediaType;
import dev.onvoid.webrtc.media.audio.HeadlessAudioDeviceModule;

/**
 * The WebRTC endpoint service: the one {@link PeerConnectionFactory} of the framework (with a headless
 * audio module, so no sound device is needed), the settings every new connection gets, and the two
 * threads calls share: one for control (connection events, signalling results, timeouts) and one
 * that converts outgoing frames to I420.
 */
@Component(service = PeerConnections.class, configurationPid = "flitter.webrtc")
@Designate(ocd = WebRtcConfig.class)
public final class PeerConnections {
    static final List<String> CODECS = List.of("VP8", "H264", "VP9", "AV1");
    static final List<String> CONVERSIONS = List.of("auto", "cpu", "shader");

    private final Logger log;
    private final HeadlessAudioDeviceModule audio;
    private final PeerConnectionFactory factory;
    private final ScheduledThreadPoolExecutor control;
    private final ScheduledExecutorService video;
    private volatile WebRtcConfig config;

    @Activate
    public PeerConnections(WebRtcConfig config, @Reference(service = LoggerFactory.class) Logger log) {
        this.log = log;
        this.audio = new HeadlessAudioDeviceModule();
        this.factory = new PeerConnectionFactory(audio);
        this.control = new ScheduledThreadPoolExecutor(1, named("flitter-webrtc-control"));
        this.video = Executors.newSingleThreadScheduledExecutor(named("flitter-webrtc-video"));
        modified(config);
    }

    @Modified
    void modified(WebRtcConfig config) {
        if (CODECS.stream().noneMatch(codec -> codec.equalsIgnoreCase(config.codec()))) {
            log.warn("flitter.webrtc: unknown codec '{}' (choose one of {}); offering the default order", config.codec(), CODECS);
        }
        if (CONVERSIONS.stream().noneMatch(conversion -> conversion.equalsIgnoreCase(config.incomingConversion()))) {
            log.warn("flitter.webrtc: unknown incomingConversion '{}' (choose one of {}); using auto",
                config.incomingConversion(), CONVERSIONS);
        }
        this.config = config;
    }

    /** A new connection with the current settings; its events arrive on the control thread. */
    Connection open(Connection.Listener listener) {
        WebRtcConfig settings = config;
        return new Connection(factory, configuration(settings), codecs(settings.codec()), settings.maxBitrate(),
            control, listener);
    }

    WebRtcConfig config() {
        return config;
    }

    ScheduledExecutorService control() {
        return control;
    }

    ScheduledExecutorService video() {
        return video;
    }

    Logger log() {
        return log;
    }

    private static RTCConfiguration configuration(WebRtcConfig settings) {
        RTCConfiguration configuration = new RTCConfiguration();
        List<String> urls = Arrays.stream(settings.iceServers()).map(String::trim).filter(url -> !url.isEmpty()).toList();
        if (!urls.isEmpty()) {
            RTCIceServer server = new RTCIceServer();
            server.urls = new ArrayList<>(urls);
            server.username = settings.iceUsername();
            server.password = settings.icePassword();
            configuration.iceServers = new ArrayList<>(List.of(server));
        }
        return configuration;
    }

    /** The codecs this side receives, the preferred one first. */
    private List<RTCRtpCodecCapability> codecs(String preferred) {
        List<RTCRtpCodecCapability> first = new ArrayList<>();
        List<RTCRtpCodecCapability> rest = new ArrayList<>();
        for (RTCRtpCodecCapability codec : factory.getRtpReceiverCapabilities(MediaType.VIDEO).getCodecs()) {
            (codec.getName().equalsIgnoreCase(preferred) ? first : rest).add(codec);
        }
        first.addAll(rest);
        return first;
    }

    @Deactivate
    public void deactivate() throws InterruptedException {
        // Calls still closing finish first; timers and retries waiting for later are dropped.
        control.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        control.shutdown();
        video.shutdownNow();
        control.awaitTermination(10, TimeUnit.SECONDS);
        video.awaitTermination(5, TimeUnit.SECONDS);
        factory.dispose();
        audio.dispose();
    }

    private static ThreadFactory named(String name) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, count.getAndIncrement() == 0 ? name : name + "-" + count.get());
            thread.setDaemon(true);
            return thread;
        };
    }
}
