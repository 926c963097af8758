package dev.sleet.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sleet.schema.diff.SchemaDiffer;
import dev.sleet.schema.migration.MigrationScript;
import dev.sleet.schema.model.DatabaseSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The inputs the benchmarks generate are valid: the figures would mean nothing otherwise. */
class GeneratedInputsTest {
    @Test
    void migrationFilesAreTheSameSqlInBothFormatsAndSortInTheSameOrder(@TempDir Path dir) throws Exception {
        MigrationFiles.writeFlyway(dir.resolve("flyway"), 12);
        MigrationFiles.writeSleet(dir.resolve("sleet"), 12);
        List<String> sleet = names(dir.resolve("sleet"));
        assertThat(sleet).hasSize(12).isSorted();
        // Lexicographic order of Sleet's names is the numeric order of Flyway's versions.
        for (int i = 1; i <= 12; i++) {
            assertThat(sleet.get(i - 1)).isEqualTo(MigrationFiles.sleetName(i)).endsWith("_create_" + MigrationFiles.table(i) + ".sql");
            String flywaySql = Files.readString(dir.resolve("flyway").resolve(MigrationFiles.flywayName(i)));
            MigrationScript script = MigrationScript.parse(sleet.get(i - 1), Files.readString(dir.resolve("sleet").resolve(sleet.get(i - 1))));
            assertThat(script.draft()).isFalse();
            assertThat(script.up().statements()).hasSize(2);
            assertThat(script.up().text().strip()).isEqualTo(flywaySql.strip());
            assertThat(script.down().statements()).hasSize(1);
        }
    }

    @Test
    void generatedSchemaCompilesAndItsChangedVariantDiffers(@TempDir Path dir) throws Exception {
        DatabaseSchema before = CompileBench.snapshotOf(dir, SchemaSources.write(dir.resolve("a"), 30, false));
        DatabaseSchema after = CompileBench.snapshotOf(dir, SchemaSources.write(dir.resolve("b"), 30, true));
        assertThat(before.tables()).hasSize(30);
        assertThat(before.enums()).hasSize(1);
        assertThat(before.tables().get(1).foreignKeys()).hasSize(1);
        assertThat(after.tables()).hasSize(30);
        List<String> sql = SchemaDiffer.diff(before, after).sql();
        assertThat(sql).anyMatch(s -> s.startsWith("DROP TABLE") && s.contains("\"rec0001\""))
                .anyMatch(s -> s.startsWith("CREATE TABLE") && s.contains("\"rec0035\""))
                .anyMatch(s -> s.contains("ADD COLUMN") && s.contains("note"));
        assertThat(SchemaDiffer.diff(after, after).isEmpty()).isTrue();
    }

    private static List<String> names(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
