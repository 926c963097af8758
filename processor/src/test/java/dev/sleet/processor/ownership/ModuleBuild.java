package dev.sleet.processor.ownership;

import dev.sleet.processor.RealJavac;
import dev.sleet.processor.TestFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One Maven-like module compiled by real javac with the processor: its own sources, migrations
 * folder and class folder (on its own class path, as Maven has it), and the class folders of the
 * modules it depends on, the way a shared module's jar reaches an overlay.
 */
final class ModuleBuild {
    private final RealJavac javac;
    private final Path migrations;
    private final List<Path> dependencies = new ArrayList<>();
    private final List<String> options = new ArrayList<>();

    ModuleBuild(Path dir, String... options) {
        javac = new RealJavac(dir);
        migrations = dir.resolve("migrations");
        this.options.addAll(List.of(options));
    }

    ModuleBuild dependsOn(ModuleBuild other) {
        dependencies.add(other.classes());
        return this;
    }

    Path classes() {
        return javac.classes();
    }

    Path migrations() {
        return migrations;
    }

    /** Writes {@code <pkg>/<Name>.java} with Sleet's annotations imported. */
    ModuleBuild source(String pkg, String name, String body) {
        javac.source(pkg, name, "package " + pkg + ";\nimport dev.sleet.annotations.*;\n" + body);
        return this;
    }

    private RealJavac.Result compile(String clock) {
        List<String> all = new ArrayList<>(List.of("-Asleet.clock=" + clock, "-Asleet.migrations=" + migrations, "-Asleet.daos=false"));
        all.addAll(options);
        try (Stream<Path> walk = Files.walk(javac.sources())) {
            return javac.compile(walk.filter(p -> p.toString().endsWith(".java")).toList(), dependencies, all);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compiles, which must succeed. */
    ModuleBuild builds(String clock) {
        RealJavac.Result result = compile(clock);
        if (!result.success()) {
            throw new AssertionError("the build failed:\n" + result.text());
        }
        return this;
    }

    /** Compiles, which must fail, and returns javac's diagnostics, one {@code KIND: message} a line. */
    String refused(String clock) {
        RealJavac.Result result = compile(clock);
        if (result.success()) {
            throw new AssertionError("the build succeeded but should have been refused:\n" + result.text());
        }
        return result.text();
    }

    /** The {@code .sql} files of the migrations folder, sorted. */
    List<String> sqlFiles() {
        return TestFiles.sqlFiles(migrations);
    }

    String read(String relative) {
        return TestFiles.read(migrations.resolve(relative));
    }

    String classResource(String path) {
        return TestFiles.read(javac.classes().resolve(path));
    }

    void writeMigration(String file, String content) {
        try {
            Files.createDirectories(migrations);
            Files.writeString(migrations.resolve(file), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
