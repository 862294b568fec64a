package flitter.itest;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.onvoid.webrtc.CreateSessionDescriptionObserver;
import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.RTCConfiguration;
import dev.onvoid.webrtc.RTCOfferOptions;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCSessionDescription;
import dev.onvoid.webrtc.media.audio.HeadlessAudioDeviceModule;
import dev.onvoid.webrtc.media.video.CustomVideoSource;
import dev.onvoid.webrtc.media.video.VideoTrack;

/** The wrapped webrtc-java loads its native library inside the framework and negotiates video. */
class WebRtcNativeTest {
    @Test
    void factoryWithHeadlessAudioModuleMakesAVideoOffer() throws Exception {
        HeadlessAudioDeviceModule audio = new HeadlessAudioDeviceModule();
        PeerConnectionFactory factory = new PeerConnectionFactory(audio);
        try {
            CustomVideoSource source = new CustomVideoSource();
            VideoTrack track = factory.createVideoTrack("video", source);
            RTCPeerConnection connection = factory.createPeerConnection(new RTCConfiguration(), candidate -> { });
            assertNotNull(connection, "no peer connection");
            connection.addTrack(track, List.of("flitter"));

            CompletableFuture<RTCSessionDescription> offer = new CompletableFuture<>();
            connection.createOffer(new RTCOfferOptions(), new CreateSessionDescriptionObserver() {
                @Override
                public void onSuccess(RTCSessionDescription description) {
                    offer.complete(description);
                }

                @Override
                public void onFailure(String error) {
                    offer.completeExceptionally(new AssertionError("createOffer failed: " + error));
                }
            });
            String sdp = offer.get(10, TimeUnit.SECONDS).sdp;
            assertTrue(sdp.contains("m=video"), sdp);
            assertTrue(sdp.contains("VP8/90000"), sdp);

            connection.close();
            source.dispose();
        } finally {
            factory.dispose();
            audio.dispose();
        }
    }
}
