package dev.sleet.processor;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * javac with Sleet's processor as a build tool or an IDE runs it, over a folder: sources on disk in
 * {@code src/}, a real class output {@code classes/} that is on the class path too, and generated
 * sources in {@code generated/}. So what one run leaves in the class output (class files,
 * {@code META-INF/sleet/...}) is what the next, possibly partial, run sees, which compile-testing's
 * in-memory {@link Harness} cannot show.
 */
public final class RealJavac {
    private final Path sources;
    private final Path classes;
    private final Path generated;

    /** Whether javac succeeded, its warnings, and every diagnostic as a {@code KIND: message} line. */
    public record Result(boolean success, List<String> warnings, String text) {
    }

    public RealJavac(Path dir) {
        try {
            sources = Files.createDirectories(dir.resolve("src"));
            classes = Files.createDirectories(dir.resolve("classes"));
            generated = Files.createDirectories(dir.resolve("generated"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path sources() {
        return sources;
    }

    public Path classes() {
        return classes;
    }

    public Path generated() {
        return generated;
    }

    /** Writes {@code src/<pkg>/<name>.java} and returns its path. */
    public Path source(String pkg, String name, String text) {
        try {
            Path folder = Files.createDirectories(sources.resolve(pkg));
            return Files.writeString(folder.resolve(name + ".java"), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compiles {@code inputs} with the test's class path, the class output and {@code dependencies} on the class path. */
    public Result compile(List<Path> inputs, List<Path> dependencies, List<String> options) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StringBuilder classpath = new StringBuilder(System.getProperty("java.class.path")).append(File.pathSeparator).append(classes);
        dependencies.forEach(d -> classpath.append(File.pathSeparator).append(d));
        List<String> all = new ArrayList<>(List.of("-d", classes.toString(), "-s", generated.toString(), "-classpath", classpath.toString()));
        all.addAll(options);
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            JavaCompiler.CompilationTask task = javac.getTask(null, files, diagnostics, all, null,
                    files.getJavaFileObjectsFromFiles(inputs.stream().map(Path::toFile).toList()));
            task.setProcessors(List.of(new SleetProcessor()));
            boolean success = task.call();
            List<String> warnings = diagnostics.getDiagnostics().stream()
                    .filter(d -> d.getKind() == Diagnostic.Kind.WARNING || d.getKind() == Diagnostic.Kind.MANDATORY_WARNING)
                    .map(d -> d.getMessage(Locale.ROOT)).toList();
            StringBuilder text = new StringBuilder();
            diagnostics.getDiagnostics().forEach(d -> text.append(d.getKind()).append(": ").append(d.getMessage(Locale.ROOT)).append('\n'));
            return new Result(success, warnings, text.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
