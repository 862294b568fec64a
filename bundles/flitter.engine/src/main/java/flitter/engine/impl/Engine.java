package flitter.engine.impl;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

import flitter.engine.RendererFactory;
import flitter.engine.RunningShow;
import flitter.language.Compiler;

/**
 * Runs shows and keeps the whiteboard of renderer factories they hand their nodes to. Registered
 * under this (private) class for the bundle's own components: the command line and configured shows.
 * Each show, while it runs, is also a {@link RunningShow} service for the operator's commands.
 */
@Component(service = Engine.class)
public final class Engine {
    private record Registered(String kind, RendererFactory factory) {
    }

    private final BundleContext context;
    private final Compiler compiler;
    private final Logger log;
    private final PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    private final List<Registered> factories = new CopyOnWriteArrayList<>();
    private final Set<Show> shows = ConcurrentHashMap.newKeySet();
    private final AtomicInteger numbers = new AtomicInteger();
    /**
     * The bnd launcher exits on Ctrl-C or SIGTERM without stopping the framework: this hook ends the
     * shows first, so that their state is saved and their renderers closed.
     */
    private final Thread shutdownHook = new Thread(this::stopShows, "flitter engine shutdown");

    @Activate
    public Engine(BundleContext context, @Reference Compiler compiler, @Reference LoggerFactory logs) {
        this.context = context;
        this.compiler = compiler;
        this.log = logs.getLogger("flitter.engine");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
        policyOption = ReferencePolicyOption.GREEDY)
    void addRendererFactory(RendererFactory factory, Map<String, Object> properties) {
        Object kind = properties.get(RendererFactory.KIND);
        if (kind instanceof String name && !name.isEmpty()) {
            factories.add(new Registered(name, factory));
            log.debug("Renderer for !{} nodes arrived", name);
        } else {
            log.warn("A renderer factory without a '{}' property is ignored", RendererFactory.KIND);
        }
    }

    void removeRendererFactory(RendererFactory factory) {
        factories.removeIf(registered -> registered.factory == factory);
        for (Show show : shows) {
            show.drop(factory);
        }
    }

    /** The factory for a node kind: the first registered of that kind. */
    RendererFactory factory(String kind) {
        for (Registered registered : factories) {
            if (registered.kind.equals(kind)) {
                return registered.factory;
            }
        }
        return null;
    }

    Show show(Options options) {
        return new Show(numbers.incrementAndGet(), options, compiler, this::factory, log, out);
    }

    /** Runs a show on the calling thread to its end, registered as a service meanwhile; returns its exit status. */
    int run(Show show) {
        shows.add(show);
        ServiceRegistration<RunningShow> registration = context.registerService(RunningShow.class, show, null);
        try {
            return show.run();
        } finally {
            try {
                registration.unregister();
            } catch (IllegalStateException e) {
                // the bundle stopped first, which unregistered it
            }
            shows.remove(show);
        }
    }

    @Deactivate
    void deactivate() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook is running or has run
        }
        stopShows();
    }

    private void stopShows() {
        for (Show show : shows) {
            show.stop();
        }
        try {
            for (Show show : shows) {
                if (!show.awaitEnd(5000)) {
                    log.warn("A show did not stop within 5 s");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
