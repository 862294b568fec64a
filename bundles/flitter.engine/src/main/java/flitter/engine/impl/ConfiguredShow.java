package flitter.engine.impl;

import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * A show started by configuration rather than the command line: each factory configuration of
 * {@code flitter.engine.show} (e.g. {@code load/flitter.engine.show-main.cfg}) runs its programs on a
 * frame thread of its own until the configuration is deleted or its run time is over.
 */
@Component(configurationPid = ConfiguredShow.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = ConfiguredShow.Config.class, factory = true)
public final class ConfiguredShow {
    static final String PID = "flitter.engine.show";

    @ObjectClassDefinition(name = "Flitter show", description = "Programs run as pages, as by ./flitter PROGRAM.fl")
    public @interface Config {
        @AttributeDefinition(description = "program files, one page each")
        String[] programs();

        @AttributeDefinition(description = "target frame rate")
        double fps() default Options.DEFAULT_FPS;

        @AttributeDefinition(description = "NAME=VALUE definitions")
        String[] define() default {};

        boolean offscreen() default false;

        @AttributeDefinition(description = "time advances exactly 1/fps per frame, as fast as possible")
        boolean lockstep() default false;

        @AttributeDefinition(description = "seconds to run for (empty: until the configuration goes)")
        String runtime() default "";

        @AttributeDefinition(description = "the state file (empty: none)")
        String state() default "";

        int screen() default 0;

        boolean fullscreen() default false;

        boolean vsync() default false;
    }

    private final Show show;
    private final Thread thread;

    @Activate
    public ConfiguredShow(@Reference Engine engine, @Reference LoggerFactory logs, Config config) {
        Logger log = logs.getLogger("flitter.engine");
        Options options;
        try {
            options = Options.parse(arguments(config));
        } catch (IllegalArgumentException e) {
            log.warn("The show configuration cannot run: {}", e.getMessage());
            show = null;
            thread = null;
            return;
        }
        show = engine.show(options);
        thread = new Thread(() -> engine.run(show), "flitter show " + options.programs().get(0).getFileName());
        thread.start();
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        if (show != null) {
            show.stop();
            thread.join(10_000);
        }
    }

    static List<String> arguments(Config config) {
        List<String> args = new ArrayList<>(List.of(config.programs()));
        args.add("--fps=" + config.fps());
        for (String definition : config.define()) {
            args.add("--define=" + definition);
        }
        args.add("--screen=" + config.screen());
        if (!config.runtime().isEmpty()) {
            args.add("--runtime=" + config.runtime());
        }
        if (!config.state().isEmpty()) {
            args.add("--state=" + config.state());
        }
        flag(args, "--offscreen", config.offscreen());
        flag(args, "--lockstep", config.lockstep());
        flag(args, "--fullscreen", config.fullscreen());
        flag(args, "--vsync", config.vsync());
        return args;
    }

    private static void flag(List<String> args, String option, boolean set) {
        if (set) {
            args.add(option);
        }
    }
}
