package flitter.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Expected texts are what Python 3's json.dumps(json.loads(INPUT)) printed for the same input. */
class JsonTest {
    @Test
    void writesAsJsonDumpsDoes() {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("type", "members");
        members.put("members", List.of("a", "b"));
        assertEquals("{\"type\": \"members\", \"members\": [\"a\", \"b\"]}", Json.write(members));
        assertEquals("{}", Json.write(Map.of()));
        assertEquals("[]", Json.write(List.of()));
    }

    @Test
    void roundTripKeepsKeyOrderAndARepeatedKeysFirstPlace() throws Exception {
        String input = "{\"type\":\"call\",\"to\":\"b\",\"offer\":\"v=0\\r\\no=- 1 2 IN IP4 127.0.0.1\\r\\n\","
            + "\"n\":[1,2.50,-0,1e2,1E-5,12345678901234567890,0.1,1e16,1e15,123.456e-10,true,false,null],"
            + "\"u\":\"\u00e9\u20ac\ud83d\ude00\\u0001\\u007f\\/\\\\\\\"\",\"type\":\"x\"}";
        assertEquals("{\"type\": \"x\", \"to\": \"b\", \"offer\": \"v=0\\r\\no=- 1 2 IN IP4 127.0.0.1\\r\\n\", "
            + "\"n\": [1, 2.5, 0, 100.0, 1e-05, 12345678901234567890, 0.1, 1e+16, 1000000000000000.0, 1.23456e-08, "
            + "true, false, null], \"u\": \"\\u00e9\\u20ac\\ud83d\\ude00\\u0001\\u007f/\\\\\\\"\"}",
            Json.write(Json.parse(input, 8)));
    }

    @Test
    void floatsAreWrittenAsPythonsRepr() {
        assertEquals("[NaN, Infinity, -Infinity, -0.0, 0.0001, 1e-05, 5e-324, 1.7976931348623157e+308, "
            + "2.82879384806159e+17, 1e+22, 1e+23, 0.3]", Json.write(List.of(Double.NaN, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, -0.0, 1e-4, 1e-5, 5e-324, Double.MAX_VALUE, 2.82879384806159e17, 1e22, 1e23,
                0.3)));
    }

    @Test
    void readsWhatPythonReads() throws Exception {
        assertEquals("[Infinity, -Infinity, \"\\ud800\", {}, []]",
            Json.write(Json.parse(" [1e400, -1e400, \"\\ud800\", {}, []]\r\n", 8)));
        assertEquals(new BigInteger("-12"), Json.parse("-12", 1));
        assertEquals(0.5, Json.parse("5e-1", 1));
        assertNull(Json.parse("null", 1));
        assertEquals("\ud83d\ude00", Json.parse("\"\\ud83d\\ude00\"", 1));
    }

    @Test
    void malformedTextIsRefusedWithWhereAndWhat() {
        assertMalformed("{\"type\": \"join\"", "expected '}'");
        assertMalformed("{\"type\" \"join\"}", "expected ':'");
        assertMalformed("{type: 1}", "property name");
        assertMalformed("{\"a\": 1,}", "property name");
        assertMalformed("[1, 2", "expected ']'");
        assertMalformed("[1,]", "unexpected character ']'");
        assertMalformed("\"a\nb\"", "control character");
        assertMalformed("\"\\x\"", "invalid escape");
        assertMalformed("\"\\u12\"", "invalid \\u escape");
        assertMalformed("\"abc", "unterminated string");
        assertMalformed("01", "extra data");
        assertMalformed("1.", "extra data");
        assertMalformed("-", "expected a digit");
        assertMalformed("tru", "unexpected character 't'");
        assertMalformed("{} {}", "extra data");
        assertMalformed("", "found the end");
        assertMalformed("\ufeff{}", "U+FEFF");
    }

    @Test
    void nestingIsLimited() throws Exception {
        Json.parse("[[[[{}]]]]", 5);
        Json.ParseException e = assertThrows(Json.ParseException.class, () -> Json.parse("[[[[[[{}]]]]]]", 5));
        assertTrue(e.getMessage().contains("nested more than 5 deep"), e.getMessage());
        // Deep nesting fails with an error, never by overflowing the stack.
        assertThrows(Json.ParseException.class, () -> Json.parse("[".repeat(100_000), 32));
    }

    @Test
    void integersAreLimitedToPythonsDefaultOf4300Digits() throws Exception {
        assertEquals(new java.math.BigInteger("9".repeat(4300)), Json.parse("9".repeat(4300), 8));
        assertEquals(new java.math.BigInteger("-" + "9".repeat(4300)), Json.parse("-" + "9".repeat(4300), 8));
        assertMalformed("[" + "9".repeat(4301) + "]", "an integer of over 4300 digits");
        assertMalformed("9".repeat(100_000), "an integer of over 4300 digits");
    }

    private static void assertMalformed(String text, String what) {
        Json.ParseException e = assertThrows(Json.ParseException.class, () -> Json.parse(text, 8), text);
        assertTrue(e.getMessage().contains(what), text + ": " + e.getMessage());
        assertTrue(e.getMessage().contains(" at character "), e.getMessage());
    }
}
