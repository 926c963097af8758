package dev.sleet.processor.ownership;

import dev.sleet.processor.diagnostics.Diagnostic;
import dev.sleet.processor.diagnostics.Reporter;
import dev.sleet.schema.migration.ClasspathLayout;
import dev.sleet.schema.snapshot.SnapshotFormatException;
import dev.sleet.schema.snapshot.SnapshotJson;
import java.io.IOException;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.annotation.processing.Filer;

/**
 * Reads the shared module's snapshot and migration index from the class path, where its jar (or its
 * class folder in a reactor build) put them at the ordinary {@link ClasspathLayout} paths; {@link
 * ClasspathResource} finds them either way. An overlay never writes those paths itself, so what is
 * found there is the shared module's.
 */
public final class SharedSchemaReader {
    private final Filer filer;
    private final Reporter reporter;

    public SharedSchemaReader(Filer filer, Reporter reporter) {
        this.filer = filer;
        this.reporter = reporter;
    }

    /** The shared schema, or empty after reporting why there is none (SLEET-E053). */
    public Optional<SharedSchema> read(String overlay) {
        Optional<ClasspathResource> snapshot;
        try {
            snapshot = ClasspathResource.find(filer, ClasspathLayout.SNAPSHOT);
        } catch (IOException e) {
            reporter.report(Diagnostic.OVERLAY_SHARED_UNREADABLE.with(ClasspathLayout.SNAPSHOT, e.getMessage()), null);
            return Optional.empty();
        }
        if (snapshot.isEmpty()) {
            reporter.report(Diagnostic.OVERLAY_WITHOUT_SHARED.with(overlay, ClasspathLayout.SNAPSHOT), null);
            return Optional.empty();
        }
        String origin = origin(snapshot.get().location());
        try {
            return Optional.of(new SharedSchema(SnapshotJson.read(snapshot.get().text()), origin, migrations()));
        } catch (SnapshotFormatException e) {
            reporter.report(Diagnostic.OVERLAY_SHARED_UNREADABLE.with(origin, e.getMessage()), null);
            return Optional.empty();
        }
    }

    /** The shared index, or none: a shared module without a migrations folder ships only its snapshot. */
    private List<String> migrations() {
        try {
            return ClasspathResource.find(filer, ClasspathLayout.MIGRATIONS_INDEX)
                    .map(index -> Arrays.stream(index.text().split("\n")).map(String::strip).filter(s -> !s.isEmpty()).toList())
                    .orElse(List.of());
        } catch (IOException e) {
            return List.of();
        }
    }

    /** {@code jar:file:/m2/…/shared-1.0.jar!/META-INF/…} → {@code shared-1.0.jar}; a folder → the folder holding META-INF. */
    static String origin(URI uri) {
        String text = uri.toString();
        int bang = text.indexOf("!/");
        if (text.startsWith("jar:") && bang > 0) {
            String jar = text.substring(0, bang);
            return jar.substring(jar.lastIndexOf('/') + 1);
        }
        int meta = text.indexOf("/" + ClasspathLayout.ROOT);
        String folder = meta > 0 ? text.substring(0, meta) : text;
        if (folder.startsWith("file:")) {
            folder = URI.create(folder).getPath();
        }
        return folder;
    }
}
