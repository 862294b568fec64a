package flitter.signalling.websocket.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;

import org.junit.jupiter.api.Test;

import flitter.model.Node;
import flitter.model.Vector;

class SettingsTest {
    private static Node node(String url) {
        return Node.of("websocket").withAttribute("url", Vector.of(url)).withAttribute("room", Vector.of("r"))
            .withAttribute("id", Vector.of("me"));
    }

    @Test
    void httpAndHttpsMeanWebSockets() {
        assertEquals(URI.create("ws://example.org:8080/"), Settings.of(node("http://example.org:8080")).url());
        assertEquals(URI.create("wss://example.org/signal"), Settings.of(node("https://example.org/signal")).url());
        assertEquals(URI.create("ws://127.0.0.1:9/x?y=1"), Settings.of(node("ws://127.0.0.1:9/x?y=1")).url());
    }

    @Test
    void verifyIsOnUnlessSetFalse() {
        assertTrue(Settings.of(node("wss://h/")).verify());
        assertFalse(Settings.of(node("wss://h/").withAttribute("verify", Vector.of(false))).verify());
    }

    @Test
    void withoutUrlRoomOrIdThereIsNoSignalling() {
        assertNull(Settings.of(Node.of("websocket").withAttribute("room", Vector.of("r")).withAttribute("id", Vector.of("me"))));
        assertNull(Settings.of(Node.of("websocket").withAttribute("url", Vector.of("ws://h/")).withAttribute("id", Vector.of("x"))));
    }

    @Test
    void aUrlThatIsNoWebSocketIsAnErrorNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Settings.of(node("ftp://h/")));
        assertTrue(e.getMessage().contains("url='ftp://h/'"), e.getMessage());
    }
}
