package flitter.language.impl;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.Map;
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

import flitter.language.Compiler;
import flitter.language.Defines;
import flitter.language.ParseError;
import flitter.language.Program;
import flitter.language.Result;
import flitter.model.State;
import flitter.model.Vector;

/**
 * {@code ./flitter eval PROGRAM.fl [--define NAME=VALUE]…}: runs the program once with empty state,
 * prints the tree on standard output and errors on standard error. Exit status 0 when it ran (runtime
 * errors included), 2 on a parse error, 1 when the file cannot be read.
 *
 * <p>The command line reaches the framework through the bnd launcher's service
 * ({@code launcher.arguments}); the command runs as the launcher's main-thread callable, whose return
 * value is the process's exit status.
 */
@Component(immediate = true)
public final class EvalCommand {
    private final ServiceRegistration<?> registration;

    @Activate
    public EvalCommand(BundleContext context, @Reference Compiler compiler,
            @Reference(service = Object.class, target = "(launcher.arguments=*)", cardinality = ReferenceCardinality.OPTIONAL,
                policyOption = ReferencePolicyOption.GREEDY) ServiceReference<Object> launcher) {
        // Only the bnd launcher of the exported host registers this; in other frameworks there is no command line.
        String[] args = launcher == null ? null : (String[]) launcher.getProperty("launcher.arguments");
        if (args == null || args.length == 0 || !args[0].equals("eval")) {
            registration = null;
            return;
        }
        Callable<Integer> command = new Command(compiler, args);
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("main.thread", Boolean.TRUE);
        registration = context.registerService(Callable.class.getName(), command, properties);
    }

    /** The launcher checks that a main-thread service is a {@code Callable<Integer>}: a lambda would not say so. */
    private static final class Command implements Callable<Integer> {
        private final Compiler compiler;
        private final String[] args;

        Command(Compiler compiler, String[] args) {
            this.compiler = compiler;
            this.args = args;
        }

        @Override
        public Integer call() {
            // Program text and the tree are UTF-8, whatever the platform's default charset.
            return run(compiler, args,
                new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8),
                new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
        }
    }

    @Deactivate
    void deactivate() {
        if (registration != null) {
            registration.unregister();
        }
    }

    static int run(Compiler compiler, String[] args, PrintStream out, PrintStream err) {
        Path file = null;
        Map<String, Vector> names = new LinkedHashMap<>(frameNames());
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--define") || arg.equals("-D")) {
                if (i + 1 >= args.length) {
                    err.println("flitter eval: " + arg + " needs NAME=VALUE");
                    return 1;
                }
                arg = args[++i];
            } else if (arg.startsWith("--define=")) {
                arg = arg.substring("--define=".length());
            } else if (file == null) {
                file = Paths.get(arg);
                continue;
            } else {
                err.println("flitter eval: unexpected argument '" + arg + "'");
                return 1;
            }
            try {
                Map.Entry<String, Vector> definition = Defines.parse(arg);
                names.put(definition.getKey(), definition.getValue());
            } catch (IllegalArgumentException e) {
                err.println("flitter eval: " + e.getMessage());
                return 1;
            }
        }
        if (file == null) {
            err.println("usage: flitter eval PROGRAM.fl [--define NAME=VALUE]...");
            return 1;
        }
        Program program;
        try {
            program = compiler.compile(file);
        } catch (NoSuchFileException e) {
            err.println("flitter eval: no such file: " + file);
            return 1;
        } catch (IOException e) {
            err.println("flitter eval: cannot read " + file + ": " + e.getMessage());
            return 1;
        } catch (ParseError e) {
            err.println("parse error: " + e.report());
            return 2;
        }
        Result result = program.run(names, new State());
        out.print(result.text());
        out.flush();
        for (String log : result.logs()) {
            err.println(log);
        }
        for (String error : result.errors()) {
            err.println("error: " + error);
        }
        err.flush();
        return 0;
    }

    /** The engine's names as they are on the first frame, as the original's engine gives them. */
    static Map<String, Vector> frameNames() {
        return frameNames(System.currentTimeMillis() / 1000.0);
    }

    /** The same, with {@code clock} given. */
    static Map<String, Vector> frameNames(double clock) {
        Map<String, Vector> names = new LinkedHashMap<>();
        names.put("beat", Vector.of(0));
        names.put("quantum", Vector.of(4));
        names.put("tempo", Vector.of(120));
        names.put("delta", Vector.of(0));
        names.put("time", Vector.of(0));
        names.put("clock", Vector.of(clock));
        names.put("frame", Vector.of(0));
        names.put("fps", Vector.of(60));
        names.put("performance", Vector.of(2));
        names.put("slow_frame", Vector.of(0));
        names.put("realtime", Vector.of(0));
        names.put("screen", Vector.of(0));
        names.put("fullscreen", Vector.of(0));
        names.put("vsync", Vector.of(0));
        names.put("offscreen", Vector.of(0));
        names.put("opengl_es", Vector.of(0));
        names.put("run_time", Vector.NULL);
        return names;
    }
}
