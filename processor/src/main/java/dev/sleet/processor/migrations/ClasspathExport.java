package dev.sleet.processor.migrations;

import dev.sleet.schema.journal.MigrationFile;
import dev.sleet.schema.model.DatabaseSchema;
import dev.sleet.schema.snapshot.SnapshotJson;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
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

    private final Filer filer;

    public ClasspathExport(Filer filer) {
        this.filer = filer;
    }

    public void snapshot(DatabaseSchema schema) throws IOException {
        write(SNAPSHOT, SnapshotJson.write(schema));
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
