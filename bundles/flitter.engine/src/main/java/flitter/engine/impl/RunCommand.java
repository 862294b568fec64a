package flitter.engine.impl;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.Callable;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * {@code ./flitter PROGRAM.fl [MORE.fl …] [options]}: the launcher passes {@code run} and the programs
 * and engine options as the bnd launcher's arguments ({@code launcher.arguments}); the show runs as
 * the launcher's main-thread callable, whose return value is the process's exit status: 0 at the end
 * of {@code --runtime} or when the host is stopped, 2 for bad options, 1 for a missing program file.
 */
@Component(immediate = true)
public final class RunCommand {
    static final String COMMAND = "run";

    private final ServiceRegistration<?> registration;

    @Activate
    public RunCommand(BundleContext context, @Reference Engine engine,
            @Reference(service = Object.class, target = "(launcher.arguments=*)", cardinality = ReferenceCardinality.OPTIONAL,
                policyOption = ReferencePolicyOption.GREEDY) ServiceReference<Object> launcher) {
        String[] args = launcher == null ? null : (String[]) launcher.getProperty("launcher.arguments");
        if (args == null || args.length == 0 || !args[0].equals(COMMAND)) {
            registration = null;
            return;
        }
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("main.thread", Boolean.TRUE);
        registration = context.registerService(Callable.class.getName(),
            new Command(engine, Arrays.asList(args).subList(1, args.length)), properties);
    }

    @Deactivate
    void deactivate() {
        if (registration != null) {
            registration.unregister();
        }
    }

    /** The launcher checks that a main-thread service is a {@code Callable<Integer>}: a lambda would not say so. */
    private static final class Command implements Callable<Integer> {
        private final Engine engine;
        private final List<String> args;

        Command(Engine engine, List<String> args) {
            this.engine = engine;
            this.args = args;
        }

        @Override
        public Integer call() {
            PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
            Options options;
            try {
                options = Options.parse(args);
            } catch (IllegalArgumentException e) {
                err.println("flitter: " + e.getMessage() + " (./flitter --help lists the options)");
                return 2;
            }
            for (Path program : options.programs()) {
                if (!Files.isRegularFile(program)) {
                    err.println("flitter: no such program file: " + program);
                    return 1;
                }
            }
            return engine.run(engine.show(options));
        }
    }
}
