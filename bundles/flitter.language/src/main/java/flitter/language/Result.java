package flitter.language;

import java.util.List;
import java.util.Set;

import flitter.model.Node;

/**
 * What one run of a program produced: the top-level nodes of the tree, the distinct error messages
 * (evaluation carried on past each, giving {@code null} where it failed), and messages the program
 * logged with {@code debug()}.
 */
public record Result(List<Node> nodes, Set<String> errors, List<String> logs) {
    /** The tree in Flitter's text form: each top-level node, children indented one space per level. */
    public String text() {
        StringBuilder out = new StringBuilder();
        for (Node node : nodes) {
            out.append(node.repr()).append('\n');
        }
        return out.toString();
    }
}
