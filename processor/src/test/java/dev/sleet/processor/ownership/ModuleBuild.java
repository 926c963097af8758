package dev.sleet.processor.ownership;

import dev.sleet.processor.SleetProcessor;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * One Maven-like module compiled by real javac with the processor: its own sources, migrations
 * folder and class folder (on its own class path, as Maven has it), and the class folders of the
 * modules it depends on, the way a shared module's jar reaches an overlay.
 */
final class ModuleBuild {
    private final Path sources;
    private final Path classes;
    private final Path generated;
    private final Path migrations;
    private final List<Path> dependencies = new ArrayList<>();
    private final List<String> options = new ArrayList<>();

    ModuleBuild(Path dir, String... options) {
        try {
            sources = Files.createDirectories(dir.resolve("src"));
            classes = Files.createDirectories(dir.resolve("classes"));
            generated = Files.createDirectories(dir.resolve("generated"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        migrations = dir.resolve("migrations");
        this.options.addAll(List.of(options));
    }

    ModuleBuild dependsOn(ModuleBuild other) {
        dependencies.add(other.classes);
        return this;
    }

    Path classes() {
        return classes;
    }

    Path migrations() {
        return migrations;
    }

    /** Writes {@code <pkg>/<Name>.java} with Sleet's annotations imported. */
    ModuleBuild source(String pkg, String name, String body) {
        try {
            Path folder = Files.createDirectories(sources.resolve(pkg));
            Files.writeString(folder.resolve(name + ".java"), "package " + pkg + ";\nimport dev.sleet.annotations.*;\n" + body,
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    Result compile(String clock) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StringBuilder classpath = new StringBuilder(System.getProperty("java.class.path")).append(File.pathSeparator).append(classes);
        dependencies.forEach(d -> classpath.append(File.pathSeparator).append(d));
        List<String> all = new ArrayList<>(List.of("-d", classes.toString(), "-s", generated.toString(),
                "-classpath", classpath.toString(), "-Asleet.clock=" + clock, "-Asleet.migrations=" + migrations, "-Asleet.daos=false"));
        all.addAll(options);
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8);
             Stream<Path> walk = Files.walk(sources)) {
            List<File> inputs = walk.filter(p -> p.toString().endsWith(".java")).map(Path::toFile).toList();
            JavaCompiler.CompilationTask task = javac.getTask(null, files, diagnostics, all, null, files.getJavaFileObjectsFromFiles(inputs));
            task.setProcessors(List.of(new SleetProcessor()));
            boolean success = task.call();
            StringBuilder text = new StringBuilder();
            diagnostics.getDiagnostics().forEach(d -> text.append(d.getKind()).append(": ").append(d.getMessage(Locale.ROOT)).append('\n'));
            return new Result(success, text.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code .sql} files of the migrations folder, sorted. */
    List<String> sqlFiles() {
        if (!Files.isDirectory(migrations)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(migrations)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String read(String relative) {
        try {
            return Files.readString(migrations.resolve(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String classResource(String path) {
        try {
            return Files.readString(classes.resolve(path), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void writeMigration(String file, String content) {
        try {
            Files.createDirectories(migrations);
            Files.writeString(migrations.resolve(file), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Result(boolean success, String text) {
    }
}
