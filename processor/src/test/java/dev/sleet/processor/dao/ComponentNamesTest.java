package dev.sleet.processor.dao;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.sleet.processor.SleetProcessor;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Components may be named like the generated DAO's own variables and field ({@code c}, {@code db},
 * {@code ps}, {@code row}, …): finders, upserts and the conflict-checked booking methods take them as
 * parameters, which must neither shadow the DAO's field nor collide with its locals and lambdas.
 */
class ComponentNamesTest {

    @Test
    void componentsNamedLikeTheGeneratedCodesOwnNamesCompile(@TempDir Path migrations) {
        Compilation compilation = javac().withProcessors(new SleetProcessor())
                .withOptions("-Asleet.migrations=" + migrations, "-Asleet.clock=2026-01-01T00:00:00Z")
                .compile(JavaFileObjects.forSourceString("demo.Clash", """
                        package demo;

                        import dev.sleet.annotations.Exclusion;
                        import dev.sleet.annotations.Id;
                        import dev.sleet.annotations.Identity;
                        import dev.sleet.annotations.Index;
                        import dev.sleet.annotations.IndexMethod;
                        import dev.sleet.annotations.Nullable;
                        import dev.sleet.annotations.Table;
                        import dev.sleet.annotations.Unique;
                        import java.time.OffsetDateTime;

                        @Table(name = "clash")
                        @Index(columns = "db")
                        @Index(columns = "tx")
                        @Unique(columns = "rows")
                        @Exclusion(name = "clash_no_overlap", using = IndexMethod.GIST, elements = {
                                @Exclusion.Element(column = "c", operator = "="),
                                @Exclusion.Element(expression = "tstzrange(ps, row, '[)')", operator = "&&")})
                        public record Clash(@Id @Identity long id, long c, String db, OffsetDateTime ps, OffsetDateTime row,
                                String rows, @Nullable String tx) {
                        }
                        """));
        assertThat(compilation).succeeded();
        assertThat(compilation).generatedSourceFile("demo.ClashDao");
    }
}
