package dev.sleet.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.sleet.processor.TestClock.T1;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import dev.sleet.schema.types.JavaType;
import dev.sleet.schema.types.JavaTypes;
import java.nio.file.Path;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The binder accepts exactly what the DAOs can map: every type of the catalogue compiles to a DAO
 * (with its DAO generated and compiled), and a type outside it is one SLEET-E003 from the binder,
 * not a second, differently worded one from the DAO step. Containers (List, Set, Collection, object
 * arrays) of mapped reference types and enums are mapped by the catalogue's rule.
 */
class TypeCatalogueTest {
    @TempDir
    Path migrations;

    @Test
    void everyCatalogueTypeGetsAColumnAndACompilingDao() {
        StringBuilder components = new StringBuilder("@Id long id");
        int i = 0;
        for (JavaType type : JavaTypes.ALL) {
            String nullable = type.isPrimitive() ? "" : "@Nullable ";
            components.append(",\n    ").append(nullable).append(type.name()).append(" c").append(i++);
        }
        for (String container : new String[] {"List<String>", "Set<Long>", "Collection<UUID>", "Instant[]", "List<Duration>",
                "Status[]", "List<Status>", "Set<Status>"}) {
            components.append(",\n    @Nullable ").append(container).append(" c").append(i++);
        }
        JavaFileObject f = Sources.of("Everything", "@Table\npublic record Everything(" + components + ") {}\n");
        JavaFileObject status = Sources.of("Status", "@PgEnum public enum Status { A, B }\n");
        Compilation compilation = new Harness(migrations).compile(T1, f, status);
        assertThat(compilation).succeeded();
        assertThat(compilation.generatedSourceFile("app.EverythingDao")).isPresent();
        assertThat(compilation.generatedSourceFile("app.EverythingTable")).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"double[]", "boolean[]", "List<List<String>>", "List<byte[]>", "List<long[]>", "Map<String, Long>",
            "Optional<String>", "Object"})
    void aTypeOutsideTheCatalogueIsOneErrorFromTheBinder(String javaType) {
        JavaFileObject status = Sources.of("Status", "@PgEnum public enum Status { A, B }\n");
        JavaFileObject f = Sources.of("Tagged", "@Table\npublic record Tagged(@Id long id,\n    " + javaType + " tags) {}\n");
        Compilation compilation = new Harness(migrations).compile(T1, f, status);
        assertThat(compilation).failed();
        assertThat(compilation.errors()).hasSize(1);
        Harness.assertRefused(compilation, f, 8, "SLEET-E003", "Double[], not double[]");
    }
}
