package flitter.signalling.server.impl;

import java.util.LinkedHashMap;
import java.util.Map;

import org.osgi.service.log.Logger;

import flitter.json.Json;

/**
 * The signalling protocol for one client, as the original server speaks it. The first message must be
 * {@code {"type": "join", "id": ID, "room": ROOM}}; after it, a message with {@code "to"} goes to that
 * member of the room with {@code "from"} set to the sender's ID, everything else in it unchanged.
 *
 * <p>Stricter than the original, which ignored or silently dropped such clients: malformed JSON, a
 * message that is not an object, a missing or unknown {@code type} (nothing but {@code join} before
 * joining; anything without {@code "to"} after it), a join without string {@code id} and {@code room}, or a
 * {@code "to"} that is not a string each get {@code {"type": "error", "error": WHY}} and the connection
 * closes. A message for a member who is not in the room is dropped, as the original drops it.
 */
final class ClientSession implements WebSocketConnection.Handler, Rooms.Member {
    /** How deep a message's JSON may nest; signalling messages nest two deep. */
    static final int MAX_DEPTH = 32;

    private final WebSocketConnection connection;
    private final Rooms rooms;
    private final Logger log;
    private String room;
    private String id;
    /** Guarded by the rooms' lock, under which every other member's message is sent. */
    private boolean dropLogged;

    ClientSession(WebSocketConnection connection, Rooms rooms, Logger log) {
        this.connection = connection;
        this.rooms = rooms;
        this.log = log;
    }

    @Override
    public boolean send(String text) {
        boolean sent = connection.send(text);
        if (!sent && !dropLogged && connection.abortReason() != null) {
            dropLogged = true;
            log.info("Signalling client {}: dropped, {}", this, connection.abortReason());
        }
        return sent;
    }

    @Override
    public void onText(String text) {
        log.trace("Signalling client {}: received {}", this, text);
        Object parsed;
        try {
            parsed = Json.parse(text, MAX_DEPTH);
        } catch (Json.ParseException e) {
            fail("malformed JSON: " + e.getMessage());
            return;
        }
        if (!(parsed instanceof Map<?, ?>)) {
            fail("a message must be a JSON object");
            return;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> message = (Map<String, Object>) parsed;
        Object type = message.get("type");
        if (!(type instanceof String)) {
            fail(type == null ? "a message needs a \"type\"" : "\"type\" must be a string");
            return;
        }
        if (room == null) {
            join((String) type, message);
        } else {
            relay((String) type, message);
        }
    }

    private void join(String type, Map<String, Object> message) {
        if (!type.equals("join")) {
            fail("the first message must be a join, not " + quoted(type));
            return;
        }
        if (!(message.get("id") instanceof String newId) || !(message.get("room") instanceof String newRoom)) {
            fail("a join needs \"id\" and \"room\", both strings");
            return;
        }
        Rooms.Refusal refusal = rooms.join(newRoom, newId, this);
        if (refusal != null) {
            log.debug("Signalling client {}: refused {} in room {}: {}", this, quoted(newId), quoted(newRoom),
                refusal.error());
            connection.fail(refusal.tryLater() ? WebSocket.TRY_AGAIN_LATER : WebSocket.POLICY_VIOLATION,
                refusal.error());
            return;
        }
        room = newRoom;
        id = newId;
        log.debug("Signalling client {}: {} joined room {}", connection, quoted(id), quoted(room));
    }

    private void relay(String type, Map<String, Object> message) {
        Object to = message.get("to");
        if (to == null) {
            fail(type.equals("join") ? "already joined room " + quoted(room) + " as " + quoted(id)
                : "a message of type " + quoted(type) + " needs \"to\", the member to relay it to");
            return;
        }
        if (!(to instanceof String recipient)) {
            fail("\"to\" must be a member's ID, a string");
            return;
        }
        message.put("from", id);
        if (!rooms.relay(room, recipient, Json.write(message))) {
            log.debug("Signalling client {}: no member {} in the room for a {} message; dropped", this,
                quoted(recipient), quoted(type));
        }
    }

    private void fail(String reason) {
        connection.fail(WebSocket.POLICY_VIOLATION, reason);
    }

    @Override
    public void onError(int code, String reason) {
        log.debug("Signalling client {}: closing ({} {})", this, code, reason);
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("type", "error");
        error.put("error", reason);
        connection.send(Json.write(error));
    }

    @Override
    public void onClosed() {
        if (room != null) {
            rooms.leave(room, id, this);
            log.debug("Signalling client {}: {} left room {}", connection, quoted(id), quoted(room));
        }
    }

    @Override
    public String toString() {
        return id == null ? connection.name() : connection.name() + " (" + quoted(id) + " in " + quoted(room) + ")";
    }

    /** Client-chosen text as it goes in the log: quoted, escaped (no line breaks to forge lines with), cut short. */
    static String quoted(String text) {
        String cut = text.length() > 64 ? text.substring(0, 64) + "…" : text;
        return Json.write(cut);
    }
}
