package flitter.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class NodeTest {
    @Test
    void textFormSortsTagsKeepsAttributeOrderAndIndentsChildren() {
        Node tree = Node.of("node1").withAttribute("foo", Vector.symbol("foo")).withAttribute("bar", Vector.of(1, 2))
            .withChildren(Vector.of(Node.of("node2").withTag("baz").withTag("bar")
                .withChildren(Vector.of(Node.of("node3")))), Vector.of(Node.of("node4")));
        assertEquals("!node1 foo=:foo bar=1;2\n !node2 #bar #baz\n  !node3\n !node4", tree.repr());
    }

    @Test
    void settingAnAttributeAgainKeepsItsPlaceAndNullRemovesIt() {
        Node node = Node.of("a").withAttribute("x", Vector.of(1)).withAttribute("y", Vector.of(2))
            .withAttribute("x", Vector.of(3));
        assertEquals("!a x=3 y=2", node.repr());
        Node removed = node.withAttribute("x", Vector.NULL);
        assertEquals("!a y=2", removed.repr());
        assertNull(removed.attribute("x"));
        assertSame(removed, removed.withAttribute("nothing", Vector.NULL));
    }

    @Test
    void nodesAreValues() {
        Node a = Node.of("a");
        Node tagged = a.withTag("t");
        assertEquals("!a", a.repr());
        assertEquals(Node.of("a").withTag("t"), tagged);
        assertNotEquals(a, tagged);
        assertEquals(Node.of("x").withAttribute("p", Vector.of(1)).withAttribute("q", Vector.of(2)),
            Node.of("x").withAttribute("q", Vector.of(2)).withAttribute("p", Vector.of(1)));
        assertEquals(Node.of("x").hash(), Node.of("x").hash());
    }

    @Test
    void appendingTakesOnlyNodes() {
        Node parent = Node.of("p").withChildren(Vector.ofObjects(Node.of("c"), 5, "text", Node.of("d")));
        assertEquals(2, parent.childCount());
        assertEquals("d", parent.child(1).kind());
    }
}
