package flitter.signalling.broadcast.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import flitter.model.Node;
import flitter.model.Vector;

class SettingsTest {
    @Test
    void defaultsAreTheOriginals() {
        Settings settings = Settings.of(Node.of("broadcast").withAttribute("answer", Vector.of("me")));
        assertEquals(new Settings("me", false, "flitter_webrtc", 5111, ""), settings);
    }

    @Test
    void callWinsOverAnswer() {
        Settings settings = Settings.of(Node.of("broadcast").withAttribute("answer", Vector.of("me"))
            .withAttribute("call", Vector.of("you")).withAttribute("port", Vector.of(6000))
            .withAttribute("secret", Vector.of("s")).withAttribute("host", Vector.of("10.0.0.1")));
        assertEquals(new Settings("you", true, "s", 6000, "10.0.0.1"), settings);
        assertTrue(settings.calling());
    }

    @Test
    void neitherCallNorAnswerMeansNoId() {
        assertNull(Settings.of(Node.of("broadcast")).id());
        assertNull(Settings.of(Node.of("broadcast").withAttribute("call", Vector.of(""))).id());
    }

    @Test
    void aBadPortIsRefusedWithWhatIsWrong() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> Settings.of(Node.of("broadcast").withAttribute("call", Vector.of("x")).withAttribute("port", Vector.of(70000))));
        assertTrue(e.getMessage().contains("port=70000"), e.getMessage());
    }

    @Test
    void theSecretNeverAppearsInMessages() {
        Settings settings = Settings.of(Node.of("broadcast").withAttribute("call", Vector.of("x"))
            .withAttribute("secret", Vector.of("hunter2")));
        assertFalse(settings.toString().contains("hunter2"), settings.toString());
    }

    @Test
    void theHostsConfiguredDefaultsApplyWhereTheNodeSaysNothing() {
        Node node = Node.of("broadcast").withAttribute("call", Vector.of("x"));
        assertEquals(new Settings("x", true, "venue", 6000, ""), Settings.of(node, 6000, "venue"));
        assertEquals(new Settings("x", true, "mine", 7000, ""),
            Settings.of(node.withAttribute("port", Vector.of(7000)).withAttribute("secret", Vector.of("mine")), 6000, "venue"));
    }

    @Test
    void anEmptySecretIsASecretAsInTheOriginal() {
        Node node = Node.of("broadcast").withAttribute("call", Vector.of("x")).withAttribute("secret", Vector.of(""));
        assertEquals("", Settings.of(node).secret());
    }
}
