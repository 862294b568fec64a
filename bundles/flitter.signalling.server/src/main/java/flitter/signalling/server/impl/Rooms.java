package flitter.signalling.server.impl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import flitter.json.Json;

/**
 * The rooms of one server and their members, as the original server keeps them: a room is made by its
 * first join and removed when its last member leaves; members are listed in the order they joined, and
 * every change sends each member the new list. One lock guards everything: what is done under it is
 * short and never blocks, since sending only queues a message ({@link Member#send}).
 */
final class Rooms {
    /** Someone in a room: what the room needs of a connection. */
    interface Member {
        /**
         * Queues a text message for this member without blocking; false when the member is gone or too
         * slow (it then drops itself and leaves through {@link Rooms#leave}).
         */
        boolean send(String text);
    }

    /** Why a join was refused: the error text for the client, and whether to come back later may help. */
    record Refusal(String error, boolean tryLater) {
    }

    static final String ID_TAKEN = "User ID already taken";

    private final int maxRooms;
    private final int maxMembersPerRoom;
    private final Map<String, Map<String, Member>> rooms = new HashMap<>();

    Rooms(int maxRooms, int maxMembersPerRoom) {
        this.maxRooms = maxRooms;
        this.maxMembersPerRoom = maxMembersPerRoom;
    }

    /** Adds {@code member} as {@code id} to {@code room} (made if new) and tells every member; null when it joined. */
    synchronized Refusal join(String room, String id, Member member) {
        Map<String, Member> members = rooms.get(room);
        if (members == null) {
            if (rooms.size() >= maxRooms) {
                return new Refusal("this server has its limit of " + maxRooms + " rooms; try again later", true);
            }
            members = new LinkedHashMap<>();
            rooms.put(room, members);
        } else if (members.containsKey(id)) {
            return new Refusal(ID_TAKEN, false);
        } else if (members.size() >= maxMembersPerRoom) {
            return new Refusal("room " + ClientSession.quoted(room) + " is full: this server's limit is " + maxMembersPerRoom + " members",
                true);
        }
        members.put(id, member);
        notifyMembers(members);
        return null;
    }

    /** Takes {@code member} out of {@code room} and tells the others; removes the room when it is empty. */
    synchronized void leave(String room, String id, Member member) {
        Map<String, Member> members = rooms.get(room);
        if (members == null || members.get(id) != member) {
            return;
        }
        members.remove(id);
        if (members.isEmpty()) {
            rooms.remove(room);
        } else {
            notifyMembers(members);
        }
    }

    /** Queues {@code text} for member {@code to} of {@code room}; false when there is no such member (or it is gone). */
    synchronized boolean relay(String room, String to, String text) {
        Map<String, Member> members = rooms.get(room);
        Member member = members == null ? null : members.get(to);
        return member != null && member.send(text);
    }

    synchronized int roomCount() {
        return rooms.size();
    }

    /** The members of {@code room} in join order (empty when there is no such room). */
    synchronized List<String> members(String room) {
        Map<String, Member> members = rooms.get(room);
        return members == null ? List.of() : List.copyOf(members.keySet());
    }

    private static void notifyMembers(Map<String, Member> members) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", "members");
        message.put("members", new ArrayList<Object>(members.keySet()));
        String text = Json.write(message);
        // A copy: a member that fails to take the message drops itself, but leaves later, on its own thread.
        for (Member member : List.copyOf(members.values())) {
            member.send(text);
        }
    }
}
