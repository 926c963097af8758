package dev.sleet.processor.migrations;

import dev.sleet.processor.dao.ProcessorStamp;
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
    /**
     * The processor that generated this class output's DAOs ({@link ProcessorStamp}), next to {@code tables.txt}
     * ({@code META-INF/sleet/processor.txt}); read and written by the processor only.
     */
    public static final String PROCESSOR_STAMP_FILE = "processor.txt";

    private final Filer filer;
    private final String root;
    private final String overlay;

    public ClasspathExport(Filer filer) {
        this(filer, null);
    }

    /**
     * @param overlay the overlay this module is, or null: an overlay writes under
     *                {@code META-INF/sleet/overlays/<overlay>} so that its files and the shared jar's
     *                never stand at the same class-path path, and claims each table it owns
     */
    public ClasspathExport(Filer filer, String overlay) {
        this.filer = filer;
        this.overlay = overlay;
        this.root = overlay == null ? ClasspathLayout.ROOT : ClasspathLayout.overlayRoot(overlay);
    }

    public void snapshot(DatabaseSchema schema) throws IOException {
        write(root + "/snapshot.json", SnapshotJson.write(schema));
    }

    /** The snapshot together with the index of the records it came from: the two always describe the same compilation. */
    public void schema(SchemaModel model) throws IOException {
        snapshot(model.schema());
        write(root + "/tables.txt", TableIndex.of(model.tables()).render());
        write(root + "/" + PROCESSOR_STAMP_FILE, ProcessorStamp.current() + "\n");
        if (overlay != null) {
            for (var table : model.schema().tables()) {
                write(ClasspathLayout.claim(table.name().schema(), table.name().name()), overlay + "\n");
            }
        }
    }

    /**
     * The stamp of the processor behind the earlier compilation's output, if it left one. Read, like
     * {@link #previousTables()}, before this compilation writes its own.
     */
    public Optional<String> previousProcessorStamp() {
        try {
            FileObject resource = filer.getResource(StandardLocation.CLASS_OUTPUT, "", root + "/" + PROCESSOR_STAMP_FILE);
            try (InputStream in = resource.openInputStream()) {
                return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).strip());
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The index an earlier compilation left in the class output, if any. Must run before this
     * compilation writes its own (javac refuses to reopen a file it created in the same run).
     * Anything unreadable counts as absent: the guard then steps aside, as before it existed.
     */
    public Optional<TableIndex> previousTables() {
        try {
            FileObject resource = filer.getResource(StandardLocation.CLASS_OUTPUT, "", root + "/tables.txt");
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
            write(root + "/migrations/" + file.fileName(), file.content());
            index.append(file.name()).append('\n');
        }
        write(root + "/migrations/" + ClasspathLayout.INDEX_FILE, index.toString());
    }

    private void write(String path, String content) throws IOException {
        FileObject resource = filer.createResource(StandardLocation.CLASS_OUTPUT, "", path);
        try (Writer writer = resource.openWriter()) {
            writer.write(content);
        }
    }
}
