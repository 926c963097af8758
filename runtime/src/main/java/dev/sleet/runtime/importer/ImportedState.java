package dev.sleet.runtime.importer;

import dev.sleet.runtime.introspect.Introspector;
import dev.sleet.schema.journal.MetaJson;
import dev.sleet.schema.journal.MigrationMeta;
import dev.sleet.schema.journal.MigrationsFolder;
import dev.sleet.schema.model.DatabaseSchema;
import dev.sleet.schema.model.Table;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * Makes the imported history the committed state the processor drafts on: a {@code meta/} file
 * for the newest adopted migration holding the schema of the database the tool migrated (read
 * by the runtime's {@link Introspector}, the tool's history table left out). The next build's
 * draft is then the difference between that schema and the annotated records, not a
 * re-creation of every table.
 */
public final class ImportedState {
    private ImportedState() {
    }

    /** The database's schema without the tool's history table (and its schema, when nothing else is in it). */
    public static DatabaseSchema read(DataSource dataSource, ToolHistoryTable toolTable) {
        DatabaseSchema live;
        try {
            live = Introspector.read(dataSource);
        } catch (SQLException e) {
            throw new ImportRefusedException("cannot read the schema of the database: " + e.getMessage());
        }
        List<Table> tables = live.tables().stream()
                .filter(t -> !(t.name().schema().equals(toolTable.schema()) && t.name().name().equals(toolTable.table()))).toList();
        TreeSet<String> schemas = new TreeSet<>(live.schemas());
        boolean schemaStillUsed = tables.stream().anyMatch(t -> t.name().schema().equals(toolTable.schema()))
                || live.enums().stream().anyMatch(e -> e.name().schema().equals(toolTable.schema()));
        if (!schemaStillUsed && !toolTable.schema().equals("public")) {
            schemas.remove(toolTable.schema());
        }
        return new DatabaseSchema(schemas, live.extensions(), live.enums(), tables);
    }

    /**
     * Writes {@code meta/<migration>.json} with {@code schema} and no parents, unless a meta file
     * is already there (left as it is: a meta file is never rewritten behind the processor).
     *
     * @return true when the file was written
     */
    public static boolean write(Path out, String migration, DatabaseSchema schema) {
        Path meta = MigrationsFolder.at(out).metaFile(migration);
        if (Files.exists(meta)) {
            return false;
        }
        try {
            Files.createDirectories(meta.getParent());
            Files.writeString(meta, MetaJson.write(new MigrationMeta(migration, List.of(), schema)), StandardCharsets.UTF_8);
            return true;
        } catch (IOException e) {
            throw new ImportRefusedException("cannot write " + meta.toAbsolutePath() + ": " + e.getMessage());
        }
    }
}
