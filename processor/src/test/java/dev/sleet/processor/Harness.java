package dev.sleet.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

/** Runs the processor on sources with a migrations folder and a fixed clock. */
final class Harness {
    private final Path migrations;
    private final List<String> options = new ArrayList<>();

    Harness(Path migrations) {
        this.migrations = migrations;
    }

    /** The harness of the schema and draft tests: DAO generation off, and these options. */
    static Harness withoutDaos(Path migrations, String... options) {
        return new Harness(migrations).option("-Asleet.daos=false").option(options);
    }

    Harness option(String... more) {
        options.addAll(List.of(more));
        return this;
    }

    Compilation compile(String clock, JavaFileObject... sources) {
        List<String> all = new ArrayList<>();
        if (migrations != null) {
            all.add("-Asleet.migrations=" + migrations);
        }
        all.add("-Asleet.clock=" + clock);
        all.addAll(options);
        all.add("-proc:only");
        return javac().withProcessors(new SleetProcessor()).withOptions(all).compile(sources);
    }

    /** Names of the .sql files in the migrations folder, sorted. */
    List<String> files() {
        return TestFiles.sqlFiles(migrations);
    }

    /** Names of the drafts in the migrations folder (the files that start with the draft marker), sorted. */
    List<String> drafts() {
        return files().stream().filter(f -> read(f).startsWith("-- sleet:draft")).toList();
    }

    String read(String file) {
        return TestFiles.read(migrations.resolve(file));
    }

    /** Builds {@code sources}, which must succeed, and releases the draft they write, named {@code draft}. */
    Harness released(String clock, String draft, JavaFileObject... sources) {
        assertThat(compile(clock, sources)).succeeded();
        release(draft);
        return this;
    }

    /** Releases a draft as its developer does: deletes its first line, the draft marker, so no build rewrites it again. */
    void release(String file) {
        String content = read(file);
        if (!content.startsWith("-- sleet:draft")) {
            throw new AssertionError(file + " is not a draft: " + content.lines().findFirst().orElse(""));
        }
        try {
            Files.writeString(migrations.resolve(file), content.substring(content.indexOf('\n') + 1), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asserts that the build failed with an error whose message holds {@code code} and every one of {@code parts}. */
    static void assertRefused(Compilation compilation, String code, String... parts) {
        assertRefused(compilation, null, 0, code, parts);
    }

    /** {@link #assertRefused(Compilation, String, String...)}, with that error reported on {@code line} of {@code file}. */
    static void assertRefused(Compilation compilation, JavaFileObject file, long line, String code, String... parts) {
        assertThat(compilation).failed();
        List<String> errors = compilation.errors().stream().map(d -> d.getMessage(Locale.ROOT)).toList();
        assertThat(compilation.errors()).as("an error with %s and %s among %s", code, List.of(parts), errors).anySatisfy(d -> {
            String message = d.getMessage(Locale.ROOT);
            assertThat(message).contains(code).contains(parts);
            if (file != null) {
                assertThat(d.getSource().toUri()).isEqualTo(file.toUri());
                assertThat(d.getLineNumber()).isEqualTo(line);
            }
        });
    }

    static String resource(Compilation compilation, String path) {
        try {
            return compilation.generatedFile(StandardLocation.CLASS_OUTPUT, path).orElseThrow().getCharContent(true).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean hasResource(Compilation compilation, String path) {
        return compilation.generatedFile(StandardLocation.CLASS_OUTPUT, path).isPresent();
    }
}
