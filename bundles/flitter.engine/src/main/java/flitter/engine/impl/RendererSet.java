package flitter.engine.impl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.osgi.service.log.Logger;

import flitter.engine.Frame;
import flitter.engine.Renderer;
import flitter.engine.RendererFactory;
import flitter.model.Node;

/**
 * A show's renderers: the n-th top-level node of a kind goes to the n-th renderer made by that kind's
 * factory, as in the original. Renderers are made as nodes appear and closed as they go. Used only on
 * the frame thread.
 */
final class RendererSet {
    private record Slots(RendererFactory factory, List<Renderer> renderers) {
    }

    private final Function<String, RendererFactory> factories;
    private final Logger log;
    private final Map<String, Slots> byKind = new LinkedHashMap<>();
    private final Set<String> unrendered = new HashSet<>();
    private final Set<String> failures = new HashSet<>();

    RendererSet(Function<String, RendererFactory> factories, Logger log) {
        this.factories = factories;
        this.log = log;
    }

    void update(List<Node> nodes, Frame frame) {
        Map<String, List<Node>> nodesByKind = new LinkedHashMap<>();
        for (Node node : nodes) {
            nodesByKind.computeIfAbsent(node.kind(), k -> new ArrayList<>(2)).add(node);
        }
        for (String kind : new ArrayList<>(byKind.keySet())) {
            Slots slots = byKind.get(kind);
            if (!nodesByKind.containsKey(kind) || factories.apply(kind) != slots.factory) {
                close(byKind.remove(kind).renderers, 0);
            }
        }
        for (Map.Entry<String, List<Node>> entry : nodesByKind.entrySet()) {
            String kind = entry.getKey();
            RendererFactory factory = factories.apply(kind);
            if (factory == null) {
                if (unrendered.add(kind)) {
                    log.debug("No renderer for !{} nodes: they are not rendered", kind);
                }
                continue;
            }
            unrendered.remove(kind);
            List<Renderer> renderers = byKind.computeIfAbsent(kind, k -> new Slots(factory, new ArrayList<>())).renderers;
            List<Node> kindNodes = entry.getValue();
            for (int i = 0; i < kindNodes.size(); i++) {
                if (i == renderers.size()) {
                    try {
                        renderers.add(factory.create());
                    } catch (RuntimeException e) {
                        failure("Cannot make a renderer for !" + kind + ": " + e, e);
                        break;
                    }
                }
                try {
                    renderers.get(i).update(kindNodes.get(i), frame);
                } catch (Exception e) {
                    failure("Renderer for !" + kind + " failed: " + e, e);
                }
            }
            close(renderers, kindNodes.size());
        }
    }

    /** Closes the renderers that {@code factory} made (it is going away). */
    void drop(RendererFactory factory) {
        byKind.values().removeIf(slots -> {
            if (slots.factory != factory) {
                return false;
            }
            close(slots.renderers, 0);
            return true;
        });
    }

    void purge() {
        for (Slots slots : byKind.values()) {
            for (Renderer renderer : slots.renderers) {
                try {
                    renderer.purge();
                } catch (RuntimeException e) {
                    failure("Renderer purge failed: " + e, e);
                }
            }
        }
    }

    void closeAll() {
        for (Slots slots : byKind.values()) {
            close(slots.renderers, 0);
        }
        byKind.clear();
    }

    int size() {
        int size = 0;
        for (Slots slots : byKind.values()) {
            size += slots.renderers.size();
        }
        return size;
    }

    /** Closes the renderers from {@code keep} on, last first. */
    private void close(List<Renderer> renderers, int keep) {
        while (renderers.size() > keep) {
            Renderer renderer = renderers.remove(renderers.size() - 1);
            try {
                renderer.close();
            } catch (RuntimeException e) {
                failure("Renderer close failed: " + e, e);
            }
        }
    }

    /** Each distinct failure is logged once: a renderer failing every frame must not flood the log. */
    private void failure(String message, Exception e) {
        if (failures.size() < 1000 && failures.add(message)) {
            log.error(message, e);
        }
    }
}
