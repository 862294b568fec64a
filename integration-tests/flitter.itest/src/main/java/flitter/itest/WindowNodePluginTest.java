package flitter.itest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceRegistration;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;

import flitter.engine.Frame;
import flitter.engine.Renderer;
import flitter.engine.RendererFactory;
import flitter.language.Compiler;
import flitter.model.Node;
import flitter.model.State;
import flitter.model.Vector;
import flitter.render.gl.GlContext;
import flitter.render.gl.ProgramNode;
import flitter.render.gl.WindowFrame;
import flitter.render.gl.WindowNodeFactory;

/**
 * The window-node plugin point inside the host: a bundle registering a {@link WindowNodeFactory} adds
 * a node kind to every window while the host runs, and its nodes go when it does. Rendered offscreen
 * by the host's own renderer, seen through a {@code !record}ed PNG.
 */
@ExtendWith({BundleContextExtension.class, ServiceExtension.class})
class WindowNodePluginTest {
    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = 10_000)
    Compiler compiler;

    @InjectService(timeout = 10_000, filter = "(" + RendererFactory.KIND + "=offscreen)")
    RendererFactory offscreen;

    @TempDir
    Path folder;

    /** A node kind that fills its output with green. */
    static final class Green extends ProgramNode {
        Green(GlContext gl) {
            super(gl);
        }

        @Override
        protected String fragmentSource(Node node, WindowFrame frame, int children) {
            return gl.header() + "\nout vec4 color;\nvoid main() { color = vec4(0.0, 1.0, 0.0, 1.0); }\n";
        }
    }

    private int[] recordedCentre(Renderer renderer, String file) throws Exception {
        return recordedCentre(renderer, file, "green");
    }

    /** Draws {@code !offscreen} holding a {@code !KIND} node, recorded to {@code file}; its centre pixel. */
    private int[] recordedCentre(Renderer renderer, String file, String kind) throws Exception {
        Path output = folder.resolve(file);
        Node tree = compiler.compile(String.join("\n",
            "!offscreen size=4;4",
            "    !record filename='" + output + "'",
            "        !" + kind), null).run(Map.of(), new State()).nodes().get(0);
        renderer.update(tree, new Frame() {
            @Override
            public Map<String, Vector> names() {
                return Map.of();
            }

            @Override
            public State state() {
                return new State();
            }

            @Override
            public Path path() {
                return folder.resolve("program.fl");
            }

            @Override
            public boolean offscreen() {
                return true;
            }

            @Override
            public void nextPage() {
            }

            @Override
            public void previousPage() {
            }
        });
        assertTrue(Files.exists(output), "no recording at " + output);
        BufferedImage image = ImageIO.read(output.toFile());
        int argb = image.getRGB(2, 2);
        return new int[] {(argb >> 16) & 0xff, (argb >> 8) & 0xff, argb & 0xff};
    }

    @Test
    void aNodeKindArrivesAndLeavesWithItsService() throws Exception {
        Renderer renderer = offscreen.create();
        try {
            assertEquals(0, recordedCentre(renderer, "before.png")[1], "no !green kind yet");
            Dictionary<String, Object> properties = new Hashtable<>();
            properties.put(WindowNodeFactory.KIND, "green");
            ServiceRegistration<WindowNodeFactory> registration =
                context.registerService(WindowNodeFactory.class, Green::new, properties);
            assertEquals(255, recordedCentre(renderer, "during.png")[1], "!green renders once its service is there");
            registration.unregister();
            assertEquals(0, recordedCentre(renderer, "after.png")[1], "and is gone with it");
        } finally {
            renderer.close();
        }
    }

    @Test
    void aBundleThatBringsANodeKindCanComeAndGoWhileTheRendererDraws() throws Exception {
        File fixture = new File(context.getProperty("flitter.itest.fixture"));
        assertTrue(fixture.isFile(), "fixture bundle not built: " + fixture);
        Renderer renderer = offscreen.create();
        try {
            assertArrayEquals(new int[] {0, 0, 0}, recordedCentre(renderer, "before.png", "fixture_magenta"),
                "no !fixture_magenta kind before the bundle");
            Bundle bundle = context.installBundle(fixture.toURI().toString());
            try {
                bundle.start();
                Await.until("the fixture's window node kind is registered", Duration.ofSeconds(10),
                    () -> magentaKinds() == 1);
                assertArrayEquals(new int[] {255, 0, 255}, recordedCentre(renderer, "during.png", "fixture_magenta"),
                    "the installed bundle's node draws");
            } finally {
                bundle.uninstall();
            }
            assertArrayEquals(new int[] {0, 0, 0}, recordedCentre(renderer, "after.png", "fixture_magenta"),
                "the node is gone with its bundle, and the renderer goes on");
        } finally {
            renderer.close();
        }
    }

    private int magentaKinds() {
        try {
            return context.getServiceReferences(WindowNodeFactory.class,
                "(" + WindowNodeFactory.KIND + "=fixture_magenta)").size();
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
