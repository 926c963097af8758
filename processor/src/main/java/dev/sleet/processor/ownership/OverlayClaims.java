package dev.sleet.processor.ownership;

import dev.sleet.processor.diagnostics.Diagnostic;
import dev.sleet.processor.diagnostics.Reporter;
import dev.sleet.processor.model.BoundTable;
import dev.sleet.schema.migration.ClasspathLayout;
import dev.sleet.schema.model.QualifiedName;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.annotation.processing.Filer;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * The guard against one table claimed by two overlays. Every overlay ships one claim file per table
 * it owns ({@link ClasspathLayout#claim}); an overlay whose class path carries another overlay's
 * claim on one of its own tables is refused (SLEET-E051). The runtime checks the same claims across
 * every owner it migrates.
 */
public final class OverlayClaims {
    private final Filer filer;
    private final Reporter reporter;
    private final String overlay;

    public OverlayClaims(Filer filer, Reporter reporter, String overlay) {
        this.filer = filer;
        this.reporter = reporter;
        this.overlay = overlay;
    }

    public void check(List<BoundTable> tables) {
        for (BoundTable table : tables) {
            QualifiedName name = table.table().name();
            String path = ClasspathLayout.claim(name.schema(), name.name());
            try {
                String owner;
                java.net.URI where;
                try {
                    FileObject claim = filer.getResource(StandardLocation.CLASS_PATH, "", path);
                    try (InputStream in = claim.openInputStream()) {
                        owner = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
                    }
                    where = claim.toUri();
                } catch (IOException | IllegalArgumentException notInFolders) {
                    // A claim inside a jar: javac does not list META-INF there (see SharedSchemaReader).
                    java.net.URL url = OverlayClaims.class.getClassLoader() == null ? null : OverlayClaims.class.getClassLoader().getResource(path);
                    if (url == null) {
                        throw notInFolders;
                    }
                    try (InputStream in = url.openStream()) {
                        owner = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
                    }
                    where = java.net.URI.create(url.toString());
                }
                // This overlay's own claim from its previous build is on the class path too (Maven puts the output folder there).
                if (!owner.isEmpty() && !owner.equals(overlay)) {
                    reporter.report(Diagnostic.TABLE_CLAIMED_TWICE.with(table.element().getSimpleName(), name, owner,
                            SharedSchemaReader.origin(where) + "/" + path), table.element());
                }
            } catch (IOException | IllegalArgumentException e) {
                // No claim on the class path: nobody else owns the table.
            }
        }
    }
}
