package flitter.signalling.websocket.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTest {
    @Test
    void writesMessagesAsPythonsJsonDumps() {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", "call");
        message.put("to", "b\u00e9");
        message.put("offer", "v=0\r\n");
        assertEquals("{\"type\": \"call\", \"to\": \"b\\u00e9\", \"offer\": \"v=0\\r\\n\"}", Json.write(message));
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("type", "members");
        members.put("members", List.of("a", "b"));
        assertEquals("{\"type\": \"members\", \"members\": [\"a\", \"b\"]}", Json.write(members));
    }

    @Test
    void readsObjectsWithArraysNumbersAndLiterals() throws Exception {
        Map<String, Object> read = Json.object(" {\"type\":\"members\",\"members\":[\"a\",\"b\"],\"n\":-1.5e2,"
            + "\"ok\":true,\"no\":false,\"none\":null,\"o\":{}} ");
        assertEquals("members", read.get("type"));
        assertEquals(List.of("a", "b"), read.get("members"));
        assertEquals(-150.0, read.get("n"));
        assertEquals(true, read.get("ok"));
        assertEquals(false, read.get("no"));
        assertEquals(null, read.get("none"));
        assertEquals(Map.of(), read.get("o"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "[]", "\"x\"", "{", "{\"a\"}", "{\"a\":}", "{\"a\":1,}", "{\"a\":tru}", "{\"a\":01}",
        "{} {}", "{\"a\":\"\\x\"}", "{a:1}"})
    void refusesWhatIsNotAJsonObject(String text) {
        assertThrows(Json.Malformed.class, () -> Json.object(text));
    }

    @Test
    void refusesDeepNesting() {
        String deep = "{\"a\":" + "[".repeat(100) + "]".repeat(100) + "}";
        assertThrows(Json.Malformed.class, () -> Json.object(deep));
    }
}
