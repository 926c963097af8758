package dev.sleet.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tables that use types another processor generates in a later round are bound once those types exist. */
class DeferralTest {
    @TempDir
    Path dir;

    /** Generates {@code app.Color} (a @PgEnum) and {@code app.Palette} (a table) in the first round. */
    static final class GeneratingProcessor extends AbstractProcessor {
        private boolean done;

        @Override
        public Set<String> getSupportedAnnotationTypes() {
            return Set.of("*");
        }

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return SourceVersion.latestSupported();
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            if (!done) {
                done = true;
                write("app.Color", "package app; @dev.sleet.annotations.PgEnum public enum Color { RED, GREEN }");
                write("app.Palette", "package app; @dev.sleet.annotations.Table(name = \"palettes\")"
                        + " public record Palette(@dev.sleet.annotations.Id long id) {}");
            }
            return false;
        }

        private void write(String name, String source) {
            try (Writer w = processingEnv.getFiler().createSourceFile(name).openWriter()) {
                w.write(source);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void typesGeneratedInALaterRoundAreWaitedFor() {
        Compilation compilation = javac().withProcessors(new GeneratingProcessor(), new SleetProcessor())
                .withOptions("-Asleet.migrations=" + dir, "-Asleet.clock=2026-11-22T02:15:00Z", "-Asleet.daos=false", "-proc:only")
                .compile(Sources.of("Swatch", """
                        @Table(name = "swatches")
                        public record Swatch(@Id long id, Color color, @References(table = Palette.class) long paletteId) {}
                        """));
        assertThat(compilation).succeeded();
        Harness h = new Harness(dir);
        String draft = h.read(h.files().get(0));
        assertThat(draft).contains("CREATE TYPE \"public\".\"color\" AS ENUM ('red', 'green')")
                .contains("\"color\" \"public\".\"color\" NOT NULL")
                .contains("REFERENCES \"public\".\"palettes\" (\"id\")");
    }
}
