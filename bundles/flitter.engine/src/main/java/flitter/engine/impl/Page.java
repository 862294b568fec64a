package flitter.engine.impl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.osgi.service.log.Logger;

import flitter.language.Compiler;
import flitter.language.ParseError;
import flitter.language.Program;
import flitter.model.State;

/**
 * One program of the command line, with its own state, kept up to date with its files: when the file
 * or one it depends on changes, it is compiled again. A program that no longer parses is reported once
 * and the last good one stays.
 */
final class Page {
    final int number;
    final Path path;
    final State state;
    private Program program;
    /** What the files looked like when last compiled (modified time and size; null when missing). */
    private Map<Path, String> stamps = Map.of();
    private String lastProblem;

    Page(int number, Path path, State state) {
        this.number = number;
        this.path = path;
        this.state = state;
    }

    /** The last program that compiled, or null. */
    Program program() {
        return program;
    }

    /** Compiles the program again when any of its files changed since the last attempt. */
    void refresh(Compiler compiler, Logger log) {
        Set<Path> files = new LinkedHashSet<>();
        files.add(path);
        if (program != null) {
            files.addAll(program.dependencies());
        }
        files.addAll(stamps.keySet());
        Map<Path, String> now = stamps(files);
        if (now.equals(stamps)) {
            return;
        }
        try {
            Program compiled = compiler.compile(path);
            Set<Path> dependencies = new LinkedHashSet<>(compiled.dependencies());
            dependencies.add(path);
            // The files as they were before compiling: one saved while it compiled is seen next time.
            Set<Path> found = new LinkedHashSet<>(dependencies);
            found.removeAll(now.keySet());
            Map<Path, String> seen = stamps(found);
            for (Path dependency : dependencies) {
                seen.putIfAbsent(dependency, now.get(dependency));
            }
            stamps = seen;
            if (program != null) {
                log.info("Reloaded page {}: {}", number, path);
            }
            program = compiled;
            lastProblem = null;
        } catch (ParseError e) {
            stamps = now;
            problem(log, "Parse error: " + e.report() + (program == null ? "" : "\n(the last good version keeps running)"));
        } catch (NoSuchFileException e) {
            stamps = now;
            problem(log, "No such file: " + e.getFile() + (program == null ? "" : " (the last good version keeps running)"));
        } catch (IOException e) {
            stamps = now;
            problem(log, "Cannot read " + path + ": " + e.getMessage());
        }
    }

    private void problem(Logger log, String message) {
        if (!message.equals(lastProblem)) {
            log.warn(message);
            lastProblem = message;
        }
    }

    private static Map<Path, String> stamps(Set<Path> files) {
        Map<Path, String> stamps = new HashMap<>();
        for (Path file : files) {
            String stamp;
            try {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                stamp = attributes.lastModifiedTime() + "/" + attributes.size();
            } catch (IOException e) {
                stamp = "missing";
            }
            stamps.put(file, stamp);
        }
        return stamps;
    }
}
