package flitter.signalling.server.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class RoomsTest {
    /** A member that keeps what it is sent. */
    private static final class Inbox implements Rooms.Member {
        final List<String> received = new ArrayList<>();
        boolean refuse;

        @Override
        public boolean send(String text) {
            if (refuse) {
                return false;
            }
            received.add(text);
            return true;
        }

        String last() {
            return received.isEmpty() ? null : received.get(received.size() - 1);
        }
    }

    private final Rooms rooms = new Rooms(2, 3);

    @Test
    void everyJoinSendsEveryMemberTheListInJoinOrder() {
        Inbox a = new Inbox();
        Inbox b = new Inbox();
        assertNull(rooms.join("r", "a", a));
        assertEquals(List.of("{\"type\": \"members\", \"members\": [\"a\"]}"), a.received);
        assertNull(rooms.join("r", "b", b));
        assertEquals("{\"type\": \"members\", \"members\": [\"a\", \"b\"]}", a.last());
        assertEquals(List.of("{\"type\": \"members\", \"members\": [\"a\", \"b\"]}"), b.received);
        assertEquals(List.of("a", "b"), rooms.members("r"));
    }

    @Test
    void aTakenIdIsRefusedAndChangesNothing() {
        Inbox a = new Inbox();
        rooms.join("r", "a", a);
        Inbox again = new Inbox();
        assertEquals(new Rooms.Refusal("User ID already taken", false), rooms.join("r", "a", again));
        assertTrue(again.received.isEmpty());
        assertEquals(1, a.received.size());
        // The same ID in another room is someone else.
        assertNull(rooms.join("other", "a", again));
    }

    @Test
    void relayReachesOnlyTheAddresseeInTheSameRoom() {
        Inbox a = new Inbox();
        Inbox b = new Inbox();
        Inbox elsewhere = new Inbox();
        rooms.join("r", "a", a);
        rooms.join("r", "b", b);
        rooms.join("s", "b", elsewhere);
        assertTrue(rooms.relay("r", "b", "hello"));
        assertEquals("hello", b.last());
        assertEquals(1, elsewhere.received.size());
        assertFalse(rooms.relay("r", "nobody", "hello"));
        assertFalse(rooms.relay("nowhere", "a", "hello"));
    }

    @Test
    void leavingTellsTheOthersAndTheLastOneRemovesTheRoom() {
        Inbox a = new Inbox();
        Inbox b = new Inbox();
        Inbox c = new Inbox();
        rooms.join("r", "a", a);
        rooms.join("r", "b", b);
        rooms.join("r", "c", c);
        rooms.leave("r", "b", b);
        assertEquals("{\"type\": \"members\", \"members\": [\"a\", \"c\"]}", a.last());
        assertEquals("{\"type\": \"members\", \"members\": [\"a\", \"c\"]}", c.last());
        // Back in, b is last in the list.
        rooms.join("r", "b", b);
        assertEquals("{\"type\": \"members\", \"members\": [\"a\", \"c\", \"b\"]}", a.last());
        rooms.leave("r", "a", a);
        rooms.leave("r", "c", c);
        rooms.leave("r", "b", b);
        assertEquals(0, rooms.roomCount());
        assertEquals(List.of(), rooms.members("r"));
    }

    @Test
    void onlyTheMemberItselfCanLeave() {
        Inbox a = new Inbox();
        rooms.join("r", "a", a);
        Inbox impostor = new Inbox();
        rooms.join("r", "a", impostor);
        rooms.leave("r", "a", impostor);
        assertEquals(List.of("a"), rooms.members("r"));
    }

    @Test
    void limitsOnMembersAndRooms() {
        for (String id : List.of("a", "b", "c")) {
            assertNull(rooms.join("r", id, new Inbox()));
        }
        Rooms.Refusal full = rooms.join("r", "d", new Inbox());
        assertTrue(full.error().contains("room \"r\" is full: this server's limit is 3 members"), full.error());
        assertTrue(full.tryLater());
        assertNull(rooms.join("s", "a", new Inbox()));
        Rooms.Refusal tooMany = rooms.join("t", "a", new Inbox());
        assertTrue(tooMany.error().contains("limit of 2 rooms"), tooMany.error());
        assertEquals(2, rooms.roomCount());
    }

    @Test
    void aMemberThatCannotTakeAMessageDoesNotStopTheOthers() {
        Inbox a = new Inbox();
        Inbox b = new Inbox();
        rooms.join("r", "a", a);
        rooms.join("r", "b", b);
        a.refuse = true;
        Inbox c = new Inbox();
        rooms.join("r", "c", c);
        assertEquals("{\"type\": \"members\", \"members\": [\"a\", \"b\", \"c\"]}", b.last());
        assertEquals("{\"type\": \"members\", \"members\": [\"a\", \"b\", \"c\"]}", c.last());
    }
}
