package flitter.render.gl;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import flitter.model.Node;
import flitter.model.Vector;

/**
 * A node of the window rendering tree: it keeps an output image ({@link #texture()}) up to date with
 * its Flitter node, frame after frame. This base class handles what every node shares: {@code id}
 * (the node can be referenced), {@code hidden} (rendered but not an input to its parent), {@code size}
 * (inherited from the parent when not given), and the children, each made by the factory of its kind
 * and matched to last frame's by kind, tags and id. Subclasses render in {@link #render}.
 */
public abstract class WindowNode implements AutoCloseable {
    protected final GlContext gl;
    private final List<WindowNode> children = new ArrayList<>();
    private WindowNode parent;
    private String kind;
    private String id;
    private List<String> tags = List.of();
    private boolean hidden;
    private int width;
    private int height;

    protected WindowNode(GlContext gl) {
        this.gl = gl;
    }

    /** The output image, or null when there is none this frame. */
    public abstract RenderTarget texture();

    /**
     * Brings this node up to date with {@code node}: common attributes, then the children (depth
     * first), then {@link #render}.
     */
    public void update(Node node, WindowFrame frame, int defaultWidth, int defaultHeight) throws Exception {
        kind = node.kind();
        tags = node.tags();
        Vector idValue = node.attribute("id");
        id = idValue == null ? null : idValue.asString();
        if (id != null && registers()) {
            frame.register(id, this);
        }
        Vector hiddenValue = node.attribute("hidden");
        hidden = hiddenValue != null && hiddenValue.asBool();
        int[] size = size(node, defaultWidth, defaultHeight);
        boolean resized = size[0] != width || size[1] != height;
        width = size[0];
        height = size[1];
        prepare(node, frame, resized);
        descend(node, frame);
        render(node, frame);
        for (WindowNode child : children) {
            child.parentFinished();
        }
    }

    /** {@code size=W;H}, or the default; never less than 1x1. */
    protected int[] size(Node node, int defaultWidth, int defaultHeight) {
        Vector size = node.attribute("size");
        double[] wh = size == null ? null : size.numbers(2);
        if (wh == null) {
            return new int[] {defaultWidth, defaultHeight};
        }
        return new int[] {Math.max(1, (int) Math.floor(wh[0])), Math.max(1, (int) Math.floor(wh[1]))};
    }

    /**
     * Whether this node is the one its {@code id} names; a node whose {@code id} names another
     * ({@code !reference}) says no.
     */
    protected boolean registers() {
        return true;
    }

    /** Called before the children are updated, with whether the size changed. */
    protected void prepare(Node node, WindowFrame frame, boolean resized) throws Exception {
    }

    /** Renders this node's output, its children being up to date. */
    protected abstract void render(Node node, WindowFrame frame) throws Exception;

    /** The parent has used this node's output for the frame. */
    protected void parentFinished() {
    }

    /** Whether this node stands for {@code node} of the next frame (same kind, tags and id). */
    public boolean similarTo(Node node) {
        Vector idValue = node.attribute("id");
        return node.kind().equals(kind) && node.tags().equals(tags)
            && Objects.equals(idValue == null ? null : idValue.asString(), id);
    }

    /**
     * Updates the children, matching last frame's to this frame's. A child is kept as soon as it is
     * matched, so that when one fails (the exception goes on up) every node is still either a child or
     * closed.
     */
    private void descend(Node node, WindowFrame frame) throws Exception {
        List<WindowNode> existing = new ArrayList<>(children);
        children.clear();
        try {
            for (Node child : node.children()) {
                WindowNodeFactory factory = frame.factory(child.kind());
                if (factory == null) {
                    continue;
                }
                WindowNode match = null;
                for (Iterator<WindowNode> i = existing.iterator(); i.hasNext();) {
                    WindowNode candidate = i.next();
                    if (candidate.similarTo(child)) {
                        i.remove();
                        match = candidate;
                        break;
                    }
                }
                if (match == null) {
                    match = factory.create(gl);
                }
                match.parent = this;
                children.add(match);
                match.update(child, frame, width, height);
            }
        } finally {
            for (WindowNode gone : existing) {
                gone.close();
            }
        }
    }

    /** The output images of the visible children, named {@code texture0}, {@code texture1}, … */
    protected Map<String, RenderTarget> childTextures() {
        Map<String, RenderTarget> textures = new LinkedHashMap<>();
        for (WindowNode child : children) {
            RenderTarget texture = child.texture();
            if (texture != null && !child.hidden) {
                textures.put("texture" + textures.size(), texture);
            }
        }
        return textures;
    }

    public String id() {
        return id;
    }

    public boolean hidden() {
        return hidden;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** {@code kind#tag#tag}. */
    public String name() {
        return name(kind == null ? "?" : kind, tags);
    }

    /** Where this node is in the tree, for messages: {@code window/shader#glow/blur}. */
    public String path() {
        return parent == null ? name() : parent.path() + "/" + name();
    }

    /** The path {@code node} has as this node, before this node has seen it. */
    protected String path(Node node) {
        String name = name(node.kind(), node.tags());
        return parent == null ? name : parent.path() + "/" + name;
    }

    private static String name(String kind, List<String> tags) {
        StringBuilder name = new StringBuilder(kind);
        for (String tag : tags) {
            name.append('#').append(tag);
        }
        return name.toString();
    }

    /** Releases the children, then this node's own resources ({@link #release()}). */
    @Override
    public final void close() {
        for (WindowNode child : children) {
            child.close();
        }
        children.clear();
        release();
    }

    /** Releases this node's own GL resources. */
    protected void release() {
    }

    @Override
    public String toString() {
        return "<" + name() + (id == null ? "" : " id=" + id) + ">";
    }
}
