package dev.sleet.processor.ownership;

import dev.sleet.processor.diagnostics.Diagnostic;
import dev.sleet.processor.diagnostics.Reporter;
import dev.sleet.processor.model.BoundTable;
import dev.sleet.schema.migration.ClasspathLayout;
import dev.sleet.schema.model.QualifiedName;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import javax.annotation.processing.Filer;

/**
 * The guard against one table claimed by two overlays. Every overlay ships one claim file per table
 * it owns ({@link ClasspathLayout#claim}); an overlay whose class path carries another overlay's
 * claim on one of its own tables is refused (SLEET-E051). The runtime checks the same claims across
 * every owner it migrates.
 */
public record OverlayClaims(Filer filer, Reporter reporter, String overlay) {
    public void check(List<BoundTable> tables) {
        for (BoundTable table : tables) {
            QualifiedName name = table.table().name();
            String path = ClasspathLayout.claim(name.schema(), name.name());
            try {
                Optional<ClasspathResource> claim = ClasspathResource.find(filer, path);
                String owner = claim.map(c -> c.text().strip()).orElse("");
                // This overlay's own claim from its previous build is on the class path too (Maven puts the output folder there).
                if (!owner.isEmpty() && !owner.equals(overlay)) {
                    reporter.report(Diagnostic.TABLE_CLAIMED_TWICE.with(table.element().getSimpleName(), name, owner,
                            SharedSchemaReader.origin(claim.get().location()) + "/" + path), table.element());
                }
            } catch (IOException e) {
                // A claim that cannot be read is no claim: the runtime checks the claims again across every owner it migrates.
            }
        }
    }
}
