package dev.sleet.schema.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sleet.schema.journal.JournalException;
import dev.sleet.schema.journal.MetaJson;
import dev.sleet.schema.journal.MigrationMeta;
import dev.sleet.schema.journal.MigrationsFolder;
import dev.sleet.schema.model.Column;
import dev.sleet.schema.model.ColumnType;
import dev.sleet.schema.model.DatabaseSchema;
import dev.sleet.schema.model.Table;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetaSchemasTest {
    @TempDir
    Path dir;

    private static DatabaseSchema withColumn(DatabaseSchema schema, String column) {
        List<Table> tables = new ArrayList<>(schema.tables());
        Table t = tables.get(0);
        List<Column> columns = new ArrayList<>(t.columns());
        columns.add(new Column(column, ColumnType.builtin("text"), true));
        tables.set(0, new Table(t.name(), columns, t.primaryKey(), t.foreignKeys(), t.uniques(), t.checks(), t.exclusions(), t.indexes(),
                t.renamedFrom()));
        return new DatabaseSchema(schema.schemas(), schema.extensions(), schema.enums(), tables);
    }

    @Test
    void readsWhatTheStrictReaderReadsAndSharesUnchangedTables() {
        MigrationsFolder folder = MigrationsFolder.at(dir);
        DatabaseSchema first = MigrationLinterTest.committed();
        DatabaseSchema second = withColumn(first, "added");
        folder.write("20261129_120000_a", "-- +migrate Up\n", new MigrationMeta("20261129_120000_a", List.of(), first));
        folder.write("20261129_120001_b", "-- +migrate Up\n", new MigrationMeta("20261129_120001_b", List.of("20261129_120000_a"), second));

        MetaSchemas metas = new MetaSchemas();
        DatabaseSchema readFirst = metas.read(folder.metaFile("20261129_120000_a"));
        DatabaseSchema readSecond = metas.read(folder.metaFile("20261129_120001_b"));
        assertThat(readFirst).isEqualTo(first);
        assertThat(readSecond).isEqualTo(second);
        // clients (first by name) gained a column; events did not change: one parsed object serves both files.
        assertThat(readSecond.tables().get(0)).isNotEqualTo(readFirst.tables().get(0));
        assertThat(readSecond.tables().get(1)).isSameAs(readFirst.tables().get(1));
    }

    @Test
    void aFileInAnotherLayoutIsReadByTheStrictReader() throws Exception {
        MigrationsFolder folder = MigrationsFolder.at(dir);
        DatabaseSchema schema = MigrationLinterTest.committed();
        folder.write("20261129_120000_a", "-- +migrate Up\n", new MigrationMeta("20261129_120000_a", List.of(), schema));
        Path meta = folder.metaFile("20261129_120000_a");
        // Reordered keys, as a JSON tool reformatting the file might leave them: still the same schema.
        String json = Files.readString(meta, StandardCharsets.UTF_8);
        String reordered = "{\"schema\": " + json.substring(json.indexOf("\"schema\": ") + 10, json.lastIndexOf('}')).strip()
                + ", \"parents\": [], \"migration\": \"20261129_120000_a\", \"format\": 1}";
        Files.writeString(meta, reordered, StandardCharsets.UTF_8);
        assertThat(MetaJson.read(reordered, "x").schema()).isEqualTo(schema);
        assertThat(new MetaSchemas().read(meta)).isEqualTo(schema);
    }

    @Test
    void aCorruptedFileIsReportedByTheStrictReader() throws Exception {
        MigrationsFolder folder = MigrationsFolder.at(dir);
        folder.write("20261129_120000_a", "-- +migrate Up\n", new MigrationMeta("20261129_120000_a", List.of(), MigrationLinterTest.committed()));
        Path meta = folder.metaFile("20261129_120000_a");
        Files.writeString(meta, Files.readString(meta, StandardCharsets.UTF_8).replace("\"columns\"", "\"colums\""), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new MetaSchemas().read(meta)).isInstanceOf(JournalException.class)
                .hasMessageContaining("20261129_120000_a.json is corrupted").hasMessageContaining("colums");
    }
}
