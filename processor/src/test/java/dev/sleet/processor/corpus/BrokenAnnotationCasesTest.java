package dev.sleet.processor.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.sleet.processor.SleetProcessor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broken-annotation corpus ({@code corpus/broken-annotations.txt}), each case compiled alone with
 * a migrations folder: the case's coded error on the marked line of its own file, no internal error
 * (SLEET-E033) and no uncaught exception, and not a single file left in the migrations folder.
 */
class BrokenAnnotationCasesTest {
    private static final String IMPORTS = """
            package corpus;
            import dev.sleet.annotations.*;
            import java.math.BigDecimal;
            import java.time.*;
            import java.util.*;
            """;
    private static final int IMPORT_LINES = 5;

    /** One case: the expected code (e.g. {@code E004}), a description, the body and the 1-based line the error belongs on. */
    record Case(int number, String code, String what, String body, int line) {
        String typeName() {
            return "Case" + number;
        }

        String source() {
            return IMPORTS + body.replace("%s", typeName());
        }
    }

    @TempDir
    Path dir;

    static List<Case> cases() throws IOException {
        String text;
        try (InputStream in = BrokenAnnotationCasesTest.class.getResourceAsStream("/corpus/broken-annotations.txt")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Case> out = new ArrayList<>();
        String[] blocks = text.split("(?m)^### ");
        for (int b = 1; b < blocks.length; b++) {
            String block = blocks[b];
            int eol = block.indexOf('\n');
            String header = block.substring(0, eol);
            String body = block.substring(eol + 1).stripTrailing() + "\n";
            String[] lines = body.split("\n");
            int marked = -1;
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].stripTrailing().endsWith("//!")) {
                    marked = IMPORT_LINES + i + 1;
                }
            }
            if (marked < 0) {
                throw new IllegalStateException("corpus case '" + header + "' has no line ending in //!");
            }
            int space = header.indexOf(' ');
            out.add(new Case(b, header.substring(0, space), header.substring(space + 1), body, marked));
        }
        return out;
    }

    @Test
    void corpusHoldsAtLeastAHundredCasesCoveringTheAnnotationErrors() throws IOException {
        List<Case> cases = cases();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(100);
        assertThat(cases.stream().map(Case::code).distinct().count()).isGreaterThanOrEqualTo(25);
    }

    @TestFactory
    Stream<DynamicTest> everyCaseIsACodedErrorOnItsLineAndWritesNothing() throws IOException {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.number() + " " + c.code() + " " + c.what(), () -> check(c)));
    }

    private void check(Case c) throws IOException {
        Path migrations = dir.resolve("m" + c.number());
        Files.createDirectories(migrations);
        JavaFileObject file = JavaFileObjects.forSourceString("corpus." + c.typeName(), c.source());
        Compilation compilation;
        try {
            compilation = Compiler.javac().withProcessors(new SleetProcessor())
                    .withOptions("-Asleet.migrations=" + migrations, "-Asleet.clock=2025-01-01T00:00:00Z")
                    .compile(file);
        } catch (RuntimeException e) {
            throw new AssertionError("the processor crashed on case " + c.number() + " (" + c.what() + "):\n" + c.source(), e);
        }
        List<Diagnostic<? extends JavaFileObject>> all = new ArrayList<>(compilation.diagnostics());
        String report = describe(c, all);
        assertThat(compilation.status()).as(report).isEqualTo(Compilation.Status.FAILURE);
        assertThat(all).as("no internal error: " + report)
                .noneMatch(d -> message(d).contains("SLEET-E033") || message(d).toLowerCase(Locale.ROOT).contains("exception"));
        assertThat(compilation.errors()).as(report).anyMatch(d -> message(d).contains("SLEET-" + c.code())
                && d.getSource() != null && d.getSource().getName().endsWith(c.typeName() + ".java")
                && d.getLineNumber() == c.line());
        try (Stream<Path> left = Files.walk(migrations)) {
            assertThat(left.filter(Files::isRegularFile).toList()).as("files left in the migrations folder: " + report).isEmpty();
        }
    }

    private static String message(Diagnostic<? extends JavaFileObject> d) {
        return d.getMessage(Locale.ROOT);
    }

    private static String describe(Case c, List<Diagnostic<? extends JavaFileObject>> diagnostics) {
        StringBuilder sb = new StringBuilder("case ").append(c.number()).append(" ").append(c.code()).append(" (").append(c.what())
                .append("), expected on line ").append(c.line()).append("; got:\n");
        for (Diagnostic<? extends JavaFileObject> d : diagnostics) {
            sb.append("  ").append(d.getKind()).append(" line ").append(d.getLineNumber()).append(": ")
                    .append(message(d).lines().findFirst().orElse("")).append('\n');
        }
        return sb.toString();
    }
}
