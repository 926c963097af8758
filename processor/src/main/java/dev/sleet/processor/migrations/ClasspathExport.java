package dev.sleet.processor.migrations;

import dev.sleet.processor.SchemaModel;
import dev.sleet.schema.migration.ClasspathLayout;
import dev.sleet.schema.migration.MigrationFile;
import dev.sleet.schema.model.DatabaseSchema;
import dev.sleet.schema.snapshot.SnapshotJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import javax.annotation.processing.Filer;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Puts the schema snapshot and the migrations into the class output, where the runtime and the
 * CLI find them on the classpath (paths: {@link ClasspathLayout}).
 */
public final class ClasspathExport {

    private final Filer filer;

    public ClasspathExport(Filer filer) {
        this.filer = filer;
    }

    public void snapshot(DatabaseSchema schema) throws IOException {
        write(ClasspathLayout.SNAPSHOT, SnapshotJson.write(schema));
    }

    /** The snapshot together with the index of the records it came from: the two always describe the same compilation. */
    public void schema(SchemaModel model) throws IOException {
        snapshot(model.schema());
        write(ClasspathLayout.TABLES, TableIndex.of(model.tables()).render());
    }

    /**
     * The index an earlier compilation left in the class output, if any. Must run before this
     * compilation writes its own (javac refuses to reopen a file it created in the same run).
     * Anything unreadable counts as absent: the guard then steps aside, as before it existed.
     */
    public Optional<TableIndex> previousTables() {
        try {
            FileObject resource = filer.getResource(StandardLocation.CLASS_OUTPUT, "", ClasspathLayout.TABLES);
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
            write(ClasspathLayout.MIGRATIONS + "/" + file.fileName(), file.content());
            index.append(file.name()).append('\n');
        }
        write(ClasspathLayout.MIGRATIONS_INDEX, index.toString());
    }

    private void write(String path, String content) throws IOException {
        FileObject resource = filer.createResource(StandardLocation.CLASS_OUTPUT, "", path);
        try (Writer writer = resource.openWriter()) {
            writer.write(content);
        }
    }
}
