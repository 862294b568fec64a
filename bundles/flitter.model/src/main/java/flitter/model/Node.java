package flitter.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A node of the render tree: a kind ({@code !window}), tags ({@code #top}), attributes
 * ({@code size=1280;720}) in the order they were first set, and children.
 *
 * <p>Nodes are immutable values: tagging, setting attributes and appending children make new nodes
 * that share what did not change, so a node can sit in many trees and vectors at once.
 */
public final class Node {
    private static final String[] NO_TAGS = {};
    private static final String[] NO_NAMES = {};
    private static final Vector[] NO_VALUES = {};
    private static final Node[] NO_CHILDREN = {};

    private final String kind;
    private final String[] tags;
    private final String[] names;
    private final Vector[] values;
    private final Node[] children;
    private long hash;

    private Node(String kind, String[] tags, String[] names, Vector[] values, Node[] children) {
        this.kind = kind;
        this.tags = tags;
        this.names = names;
        this.values = values;
        this.children = children;
    }

    /** A node of this kind with no tags, attributes or children. */
    public static Node of(String kind) {
        return new Node(kind, NO_TAGS, NO_NAMES, NO_VALUES, NO_CHILDREN);
    }

    public String kind() {
        return kind;
    }

    /** The tags, sorted. */
    public List<String> tags() {
        return Collections.unmodifiableList(Arrays.asList(tags));
    }

    public boolean hasTag(String tag) {
        return Arrays.binarySearch(tags, tag) >= 0;
    }

    /** The attributes in the order they were first set. */
    public Map<String, Vector> attributes() {
        Map<String, Vector> map = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            map.put(names[i], values[i]);
        }
        return Collections.unmodifiableMap(map);
    }

    public int attributeCount() {
        return names.length;
    }

    /** The attribute's value, or {@code null} when it is not set. */
    public Vector attribute(String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return values[i];
            }
        }
        return null;
    }

    public List<Node> children() {
        return Collections.unmodifiableList(Arrays.asList(children));
    }

    public int childCount() {
        return children.length;
    }

    public Node child(int index) {
        return children[index];
    }

    /** This node with {@code tag} added. */
    public Node withTag(String tag) {
        int at = Arrays.binarySearch(tags, tag);
        if (at >= 0) {
            return this;
        }
        int insert = -at - 1;
        String[] more = new String[tags.length + 1];
        System.arraycopy(tags, 0, more, 0, insert);
        more[insert] = tag;
        System.arraycopy(tags, insert, more, insert + 1, tags.length - insert);
        return new Node(kind, more, names, values, children);
    }

    /**
     * This node with the attributes set, in order; a {@code null} (empty) value removes an attribute.
     * An attribute that is set again keeps its place. The node may keep the arrays it is given (the
     * common case of a new node gets its first attributes without copying): callers must not change
     * them afterwards.
     */
    public Node withAttributes(String[] setNames, Vector[] setValues) {
        if (names.length == 0 && allSetAndDistinct(setNames, setValues)) {
            return new Node(kind, tags, setNames, setValues, children);
        }
        String[] newNames = names;
        Vector[] newValues = values;
        int count = names.length;
        boolean copied = false;
        for (int j = 0; j < setNames.length; j++) {
            String name = setNames[j];
            Vector value = setValues[j];
            int at = -1;
            for (int i = 0; i < count; i++) {
                if (newNames[i].equals(name)) {
                    at = i;
                    break;
                }
            }
            if (value.length() > 0) {
                if (!copied) {
                    newNames = Arrays.copyOf(names, count + setNames.length);
                    newValues = Arrays.copyOf(values, count + setNames.length);
                    copied = true;
                }
                if (at >= 0) {
                    newValues[at] = value;
                } else {
                    newNames[count] = name;
                    newValues[count] = value;
                    count++;
                }
            } else if (at >= 0) {
                if (!copied) {
                    newNames = Arrays.copyOf(names, count + setNames.length);
                    newValues = Arrays.copyOf(values, count + setNames.length);
                    copied = true;
                }
                System.arraycopy(newNames, at + 1, newNames, at, count - at - 1);
                System.arraycopy(newValues, at + 1, newValues, at, count - at - 1);
                count--;
            }
        }
        if (!copied) {
            return this;
        }
        if (count != newNames.length) {
            newNames = Arrays.copyOf(newNames, count);
            newValues = Arrays.copyOf(newValues, count);
        }
        return new Node(kind, tags, newNames, newValues, children);
    }

    private static boolean allSetAndDistinct(String[] setNames, Vector[] setValues) {
        for (int i = 0; i < setNames.length; i++) {
            if (setValues[i].length() == 0) {
                return false;
            }
            for (int j = 0; j < i; j++) {
                if (setNames[j].equals(setNames[i])) {
                    return false;
                }
            }
        }
        return setNames.length > 0;
    }

    /** This node with one attribute set (or removed, for {@code null}). */
    public Node withAttribute(String name, Vector value) {
        return withAttributes(new String[] {name}, new Vector[] {value});
    }

    /** This node with every node of {@code vectors}, in order, appended to its children. */
    public Node withChildren(Vector... vectors) {
        int added = 0;
        for (Vector vector : vectors) {
            added += vector.nodeCount();
        }
        if (added == 0) {
            return this;
        }
        Node[] more = Arrays.copyOf(children, children.length + added);
        int at = children.length;
        for (Vector vector : vectors) {
            at = vector.copyNodes(more, at);
        }
        return new Node(kind, tags, names, values, more);
    }

    /** This node with {@code nodes} appended to its children. */
    public Node withChildren(List<Node> nodes) {
        if (nodes.isEmpty()) {
            return this;
        }
        Node[] more = Arrays.copyOf(children, children.length + nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            more[children.length + i] = nodes.get(i);
        }
        return new Node(kind, tags, names, values, more);
    }

    /** The original's node hash: kind, sorted tags, sorted attributes, children. */
    public long hash() {
        long h = hash;
        if (h == 0) {
            h = Hashing.update(Hashing.START, Hashing.string(kind));
            for (String tag : tags) {
                h = Hashing.update(h, Hashing.string(tag));
            }
            if (names.length > 0) {
                Integer[] order = new Integer[names.length];
                for (int i = 0; i < order.length; i++) {
                    order[i] = i;
                }
                Arrays.sort(order, (a, b) -> names[a].compareTo(names[b]));
                for (int i : order) {
                    h = Hashing.update(h, Hashing.string(names[i]));
                    h = Hashing.update(h, values[i].hash(false));
                }
            }
            for (Node child : children) {
                h = Hashing.update(h, child.hash());
            }
            hash = h;
        }
        return h;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(hash());
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof Node)) {
            return false;
        }
        Node that = (Node) other;
        if (!kind.equals(that.kind) || !Arrays.equals(tags, that.tags) || names.length != that.names.length
                || children.length != that.children.length) {
            return false;
        }
        for (int i = 0; i < names.length; i++) {
            Vector value = that.attribute(names[i]);
            if (value == null || !value.equals(values[i])) {
                return false;
            }
        }
        return Arrays.equals(children, that.children);
    }

    /**
     * Flitter's text form: {@code !kind #tag name=value …}, then each child on its own lines, indented
     * one space per level.
     */
    public String repr() {
        StringBuilder out = new StringBuilder();
        repr(out, 0);
        return out.toString();
    }

    private void repr(StringBuilder out, int indent) {
        if (out.length() > 0) {
            out.append('\n');
        }
        for (int i = 0; i < indent; i++) {
            out.append(' ');
        }
        out.append('!').append(kind);
        for (String tag : tags) {
            out.append(" #").append(tag);
        }
        for (int i = 0; i < names.length; i++) {
            out.append(' ').append(names[i]).append('=').append(values[i].repr());
        }
        for (Node child : children) {
            child.repr(out, indent + 1);
        }
    }

    @Override
    public String toString() {
        return repr();
    }

    /** All nodes of the subtree rooted here, this one first (depth-first). */
    public List<Node> descendants() {
        List<Node> all = new ArrayList<>();
        collect(all);
        return all;
    }

    private void collect(List<Node> all) {
        all.add(this);
        for (Node child : children) {
            child.collect(all);
        }
    }
}
