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
 * One program of a show (from the command line, or loaded by an operator), with its own state, kept up
 * to date with its files: when the file or one it depends on changes, it is compiled again. A program
 * that no longer parses is reported once and the last good one stays.
 */
final class Page {
    final int number;
    final Path path;
    final State state;
    private Program program;
    /** What the files looked like when last compiled (modified time and size; null when missing). */
    private Map<Path, String> stamps = Map.of();
    private String lastProblem;

    /** A program just compiled, with what its files looked like when it was. */
    record Compiled(Program program, Map<Path, String> stamps) {
    }

    Page(int number, Path path, State state) {
        this.number = number;
        this.path = path;
        this.state = state;
    }

    /** A page whose program was compiled already (with {@link #compile(Compiler, Path)}). */
    Page(int number, Path path, State state, Compiled compiled) {
        this(number, path, state);
        program = compiled.program;
        stamps = compiled.stamps;
    }

    /** The last program that compiled, or null. */
    Program program() {
        return program;
    }

    /** Compiles the program file {@code path}; changes nothing, so any thread may call it. */
    static Compiled compile(Compiler compiler, Path path) throws ParseError, IOException {
        return compile(compiler, path, stamps(Set.of(path)));
    }

    /** Compiles the program again when any of its files changed since the last attempt. */
    void refresh(Compiler compiler, Logger log) {
        Map<Path, String> now = stamps(watched());
        if (now.equals(stamps)) {
            return;
        }
        try {
            install(compile(compiler, path, now), log);
        } catch (ParseError | IOException e) {
            stamps = now;
            String message = problem(e);
            if (!message.equals(lastProblem)) {
                log.warn(message);
                lastProblem = message;
            }
        }
    }

    /**
     * Compiles the program again now, changed or not (an operator asked). A failure is thrown to the
     * operator rather than logged, and the last good program stays.
     */
    void reload(Compiler compiler, Logger log) throws ParseError, IOException {
        Map<Path, String> now = stamps(watched());
        try {
            install(compile(compiler, path, now), log);
        } catch (ParseError | IOException e) {
            stamps = now;
            lastProblem = problem(e);
            throw e;
        }
    }

    private Set<Path> watched() {
        Set<Path> files = new LinkedHashSet<>();
        files.add(path);
        if (program != null) {
            files.addAll(program.dependencies());
        }
        files.addAll(stamps.keySet());
        return files;
    }

    private void install(Compiled compiled, Logger log) {
        if (program != null) {
            log.info("Reloaded page {}: {}", number, path);
        }
        program = compiled.program;
        stamps = compiled.stamps;
        lastProblem = null;
    }

    /** {@code before}: the files as they were before compiling, so that one saved while it compiled is seen next time. */
    private static Compiled compile(Compiler compiler, Path path, Map<Path, String> before) throws ParseError, IOException {
        Program compiled = compiler.compile(path);
        Set<Path> dependencies = new LinkedHashSet<>(compiled.dependencies());
        dependencies.add(path);
        Set<Path> found = new LinkedHashSet<>(dependencies);
        found.removeAll(before.keySet());
        Map<Path, String> seen = stamps(found);
        for (Path dependency : dependencies) {
            seen.putIfAbsent(dependency, before.get(dependency));
        }
        return new Compiled(compiled, seen);
    }

    private String problem(Exception e) {
        String keeps = program == null ? "" : " (the last good version keeps running)";
        if (e instanceof ParseError error) {
            return "Parse error: " + error.report() + (program == null ? "" : "\n(the last good version keeps running)");
        }
        if (e instanceof NoSuchFileException missing) {
            return "No such file: " + missing.getFile() + keeps;
        }
        return "Cannot read " + path + ": " + e.getMessage();
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
