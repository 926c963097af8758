package dev.sleet.processor;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
 * javac with Sleet's processor as a build tool or an IDE runs it: source files on disk and a real
 * class output folder that is on the class path too, so what one run leaves there (class files,
 * {@code META-INF/sleet/...}) is what the next, possibly partial, run sees. (compile-testing's
 * in-memory {@link Harness} cannot show that.)
 */
public final class RealJavac {
    private RealJavac() {
    }

    /** Whether javac succeeded, its warnings, and every diagnostic as a {@code KIND: message} line. */
    public record Result(boolean success, List<String> warnings, String text) {
    }

    /**
     * Compiles {@code inputs} into {@code classes} (generated sources into {@code generated}) with
     * the test's class path, {@code classes} and {@code dependencies} on the class path.
     */
    public static Result compile(List<Path> inputs, Path classes, Path generated, List<Path> dependencies, List<String> options) {
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
