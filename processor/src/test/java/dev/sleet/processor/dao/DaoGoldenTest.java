package dev.sleet.processor.dao;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The generated Java for the fixture tables, compared with the reviewed copies in
 * {@code src/test/resources/golden-dao}. After an intended change, regenerate them with
 * {@code -Dsleet.updateGolden=true} and review the diff.
 */
class DaoGoldenTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden-dao");
    private static Compilation compilation;

    @BeforeAll
    static void compile() {
        compilation = DaoCompilation.compile(DaoFixtures.TABLES, List.of());
        assertThat(compilation).succeededWithoutWarnings();
    }

    @ParameterizedTest
    @ValueSource(strings = {"EventDao", "EventTable", "ResourceScheduleDao", "ResourceScheduleTable",
            "AllTypesDao", "AllTypesTable"})
    void generatedSourceMatchesGolden(String simpleName) throws IOException {
        JavaFileObject file = compilation.generatedSourceFile("demo." + simpleName)
                .orElseThrow(() -> new AssertionError("demo." + simpleName + " was not generated"));
        String actual = file.getCharContent(true).toString();
        Path golden = GOLDEN.resolve(simpleName + ".java");
        if (Boolean.getBoolean("sleet.updateGolden")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertThat(golden).as("golden file; run with -Dsleet.updateGolden=true to create it").exists();
        assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }
}
