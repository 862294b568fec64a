package flitter.language.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import flitter.language.ParseError;
import flitter.language.parse.Parser;
import flitter.model.State;
import flitter.model.Vector;

/**
 * The modules a program imports. A module runs with the built-ins only (no engine names, no defines,
 * empty state); what it defines at its top level is what can be imported. A module is compiled and
 * run once, and again only when its file changes.
 */
final class Modules {
    private static final class Entry {
        FileTime modified;
        Map<String, Vector> exports;
    }

    private final Map<Path, Entry> cache = new HashMap<>();

    /** The names defined by {@code file} (relative to the importing program), or null when it cannot be imported. */
    synchronized Map<String, Vector> load(Run run, String file) {
        Path target = Compilation.resolve(run.path, file);
        if (target.equals(run.path == null ? null : run.path.toAbsolutePath().normalize())
                || run.importChain.contains(target)) {
            run.error("Circular import of '" + file + "'");
            return null;
        }
        FileTime modified;
        try {
            modified = Files.getLastModifiedTime(target);
        } catch (IOException e) {
            run.error("Unable to import from '" + file + "'");
            return null;
        }
        Entry entry = cache.get(target);
        if (entry != null && entry.modified.equals(modified)) {
            return entry.exports;
        }
        Map<String, Vector> exports = run(run, file, target);
        if (exports == null) {
            return null;
        }
        entry = new Entry();
        entry.modified = modified;
        entry.exports = exports;
        cache.put(target, entry);
        return exports;
    }

    private Map<String, Vector> run(Run importer, String file, Path target) {
        Compilation.Compiled module;
        try {
            module = Compilation.compile(Parser.parse(Files.readString(target, StandardCharsets.UTF_8), target), target,
                true);
        } catch (IOException e) {
            importer.error("Unable to import from '" + file + "'");
            return null;
        } catch (ParseError e) {
            importer.error("Unable to import from '" + file + "': " + e.report());
            return null;
        }
        importer.errors.addAll(module.errors());
        List<Path> chain = new ArrayList<>(importer.importChain);
        if (importer.path != null) {
            chain.add(importer.path.toAbsolutePath().normalize());
        }
        Run run = new Run(new State(), target, this, importer.errors, importer.logs, chain);
        Frame frame = new Frame(module.frameSize(), new Vector[0], module.globals().values(Collections.emptyMap()), run);
        module.body().eval(frame);
        return run.exports == null ? Collections.emptyMap() : run.exports;
    }
}
