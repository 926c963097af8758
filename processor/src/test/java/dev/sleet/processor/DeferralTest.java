package dev.sleet.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import javax.annotation.processing.RoundEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tables that use types another processor generates in a later round are bound once those types exist. */
class DeferralTest {
    @TempDir
    Path dir;

    /** Generates {@code app.Color} (a @PgEnum) and {@code app.Palette} (a table) in the first round. */
    static final class GeneratingProcessor extends FirstRoundProcessor {
        @Override
        protected void firstRound(RoundEnvironment round) {
            write("app.Color", "package app; @dev.sleet.annotations.PgEnum public enum Color { RED, GREEN }");
            write("app.Palette", "package app; @dev.sleet.annotations.Table(name = \"palettes\")"
                    + " public record Palette(@dev.sleet.annotations.Id long id) {}");
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
                .withOptions("-Asleet.migrations=" + dir, "-Asleet.clock=" + TestClock.T1, "-Asleet.daos=false", "-proc:only")
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
