package dev.sleet.processor.migrations;

import dev.sleet.processor.SchemaModel;
import dev.sleet.schema.journal.MigrationFile;
import dev.sleet.schema.model.DatabaseSchema;
import dev.sleet.schema.snapshot.SnapshotJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import javax.annotation.processing.Filer;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Puts the schema snapshot and the migrations into the class output, where the runtime and the
 * CLI find them on the classpath ({@code META-INF/sleet/...}).
 */
public final class ClasspathExport {
    public static final String SNAPSHOT = "META-INF/sleet/snapshot.json";
    public static final String MIGRATIONS = "META-INF/sleet/migrations/";
    public static final String INDEX = MIGRATIONS + "index.txt";
    /** The table records the snapshot was built from ({@link TableIndex}); read back by the next compilation. */
    public static final String TABLES = "META-INF/sleet/tables.txt";

    private final Filer filer;

    public ClasspathExport(Filer filer) {
        this.filer = filer;
    }

    public void snapshot(DatabaseSchema schema) throws IOException {
        write(SNAPSHOT, SnapshotJson.write(schema));
    }

    /** The snapshot together with the index of the records it came from: the two always describe the same compilation. */
    public void schema(SchemaModel model) throws IOException {
        snapshot(model.schema());
        write(TABLES, TableIndex.of(model.tables()).render());
    }

    /**
     * The index an earlier compilation left in the class output, if any. Must run before this
     * compilation writes its own (javac refuses to reopen a file it created in the same run).
     * Anything unreadable counts as absent: the guard then steps aside, as before it existed.
     */
    public Optional<TableIndex> previousTables() {
        try {
            FileObject resource = filer.getResource(StandardLocation.CLASS_OUTPUT, "", TABLES);
            try (InputStream in = resource.openInputStream()) {
                return Optional.of(TableIndex.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
        } catch (IOException | RuntimeException e) {
            // No earlier build (FileNotFoundException, NoSuchFileException), or a file manager that cannot read its output.
            return Optional.empty();
        }
    }

    public void migrations(List<MigrationFile> files) throws IOException {
        StringBuilder index = new StringBuilder();
        for (MigrationFile file : files) {
            write(MIGRATIONS + file.name() + ".sql", Files.readString(file.path(), StandardCharsets.UTF_8));
            index.append(file.name()).append('\n');
        }
        write(INDEX, index.toString());
    }

    private void write(String path, String content) throws IOException {
        FileObject resource = filer.createResource(StandardLocation.CLASS_OUTPUT, "", path);
        try (Writer writer = resource.openWriter()) {
            writer.write(content);
        }
    }
}
