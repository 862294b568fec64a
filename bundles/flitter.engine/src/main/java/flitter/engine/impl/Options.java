package flitter.engine.impl;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import flitter.language.Defines;
import flitter.model.Vector;

/**
 * What a show runs and how, from the command line after {@code ./flitter}:
 * {@code PROGRAM.fl [MORE.fl …] [--fps N] [--define NAME=VALUE]… [--offscreen] [--lockstep]
 * [--runtime SECONDS] [--state FILE] [--screen N] [--fullscreen] [--vsync]}. Options take their
 * value as the next argument or after {@code =}.
 */
record Options(List<Path> programs, double fps, Map<String, Vector> defines, boolean offscreen, boolean lockstep,
        Double runTime, Path stateFile, int screen, boolean fullscreen, boolean vsync) {

    static final double DEFAULT_FPS = 60;

    Options {
        programs = List.copyOf(programs);
        defines = Collections.unmodifiableMap(new LinkedHashMap<>(defines));
    }

    /** Reads the arguments; an IllegalArgumentException says what is wrong with them. */
    static Options parse(List<String> args) {
        List<Path> programs = new ArrayList<>();
        double fps = DEFAULT_FPS;
        Map<String, Vector> defines = new LinkedHashMap<>();
        boolean offscreen = false;
        boolean lockstep = false;
        Double runTime = null;
        Path stateFile = null;
        int screen = 0;
        boolean fullscreen = false;
        boolean vsync = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg;
            String value = null;
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                name = arg.substring(0, equals);
                value = arg.substring(equals + 1);
            }
            switch (name) {
                case "--offscreen" -> offscreen = flag(name, value);
                case "--lockstep" -> lockstep = flag(name, value);
                case "--fullscreen" -> fullscreen = flag(name, value);
                case "--vsync" -> vsync = flag(name, value);
                case "--fps", "--define", "-D", "--runtime", "--state", "--screen" -> {
                    if (value == null) {
                        if (i + 1 >= args.size()) {
                            throw new IllegalArgumentException(name + " needs " + valueName(name));
                        }
                        value = args.get(++i);
                    }
                    switch (name) {
                        case "--fps" -> fps = positive(name, value);
                        case "--runtime" -> runTime = seconds(value);
                        case "--state" -> stateFile = Paths.get(value);
                        case "--screen" -> screen = screen(value);
                        default -> {
                            Map.Entry<String, Vector> definition = Defines.parse(value);
                            defines.put(definition.getKey(), definition.getValue());
                        }
                    }
                }
                default -> {
                    if (arg.startsWith("-") && arg.length() > 1) {
                        throw new IllegalArgumentException("unknown option '" + arg + "'");
                    }
                    programs.add(Paths.get(arg));
                }
            }
        }
        if (programs.isEmpty()) {
            throw new IllegalArgumentException("no program to run: give one or more PROGRAM.fl files");
        }
        return new Options(programs, fps, defines, offscreen, lockstep, runTime, stateFile, screen, fullscreen, vsync);
    }

    boolean realtime() {
        return !lockstep;
    }

    private static boolean flag(String name, String value) {
        if (value != null) {
            throw new IllegalArgumentException(name + " takes no value");
        }
        return true;
    }

    private static String valueName(String option) {
        return switch (option) {
            case "--fps" -> "a frame rate";
            case "--runtime" -> "a number of seconds";
            case "--state" -> "a file";
            case "--screen" -> "a screen number";
            default -> "NAME=VALUE";
        };
    }

    private static double positive(String name, String value) {
        try {
            double number = Double.parseDouble(value.strip());
            if (number > 0 && Double.isFinite(number)) {
                return number;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException(name + " must be a positive number, not '" + value + "'");
    }

    private static int screen(String value) {
        try {
            int screen = Integer.parseInt(value.strip());
            if (screen >= 0) {
                return screen;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("--screen must be a screen number (0, 1, …), not '" + value + "'");
    }

    /** Seconds, or a time code {@code [[H:]M:]S}, as the original reads {@code --runtime}. */
    static double seconds(String value) {
        String[] parts = value.strip().split(":", -1);
        try {
            if (parts.length <= 3) {
                double seconds = Double.parseDouble(parts[parts.length - 1]);
                if (parts.length > 1) {
                    seconds += 60 * Long.parseLong(parts[parts.length - 2]);
                }
                if (parts.length > 2) {
                    seconds += 3600 * Long.parseLong(parts[0]);
                }
                if (seconds >= 0 && Double.isFinite(seconds)) {
                    return seconds;
                }
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("--runtime must be seconds or a time code (1:30), not '" + value + "'");
    }
}
