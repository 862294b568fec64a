package flitter.language.impl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.osgi.service.component.annotations.Component;

import flitter.language.Compiler;
import flitter.language.ParseError;
import flitter.language.Program;
import flitter.language.eval.CompiledProgram;
import flitter.language.parse.Parser;

/** The {@link Compiler} service. */
@Component
public final class FlitterCompiler implements Compiler {
    @Override
    public Program compile(String source, Path path) throws ParseError {
        return CompiledProgram.of(Parser.parse(source, path), path);
    }

    @Override
    public Program compile(Path file) throws ParseError, IOException {
        return compile(Files.readString(file, StandardCharsets.UTF_8), file);
    }
}
