package dev.sleet.studio;

import dev.sleet.runtime.migrate.MigrationStatus;
import dev.sleet.runtime.migrate.Migrator;
import dev.sleet.runtime.owners.OwnerStatus;
import dev.sleet.runtime.owners.Owners;
import dev.sleet.runtime.verify.OwnedDrift;
import dev.sleet.runtime.verify.SchemaVerifier;
import dev.sleet.schema.lint.LintFormats;
import dev.sleet.schema.lint.LintReport;
import dev.sleet.schema.lint.MigrationLinter;
import dev.sleet.schema.migration.HistoryTableName;
import dev.sleet.schema.model.DatabaseSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The migrations screen's content, from the same code as the CLI: {@link Migrator#status()} for
 * applied, pending, drafts and checksum problems; {@link SchemaVerifier#drift(Connection, Map, String)}
 * (what {@code sleet verify} runs) for drift against the snapshot, or with overlays against the union
 * of the owners' schemas, each difference with its owner; {@link MigrationLinter} (what
 * {@code sleet lint} runs) for findings. Each part is left out, with the reason, when the studio
 * was started without what it needs.
 *
 * @param ownerSchemas each owner's schema by name (with overlays), or null: the snapshot is then the one owner's
 */
record MigrationsReport(Migrator migrator, Owners owners, Path folder, DatabaseSchema snapshot, Map<String, DatabaseSchema> ownerSchemas,
                        String historySchema) {

    Map<String, Object> build(DataSource dataSource) throws Exception {
        Map<String, Object> doc = new LinkedHashMap<>();
        if (owners != null) {
            // One history per owner (docs/OVERLAYS.md), shared first, as `sleet status --overlay …` lists them.
            List<Map<String, Object>> perOwner = new ArrayList<>();
            for (OwnerStatus owner : owners.status(null)) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("owner", owner.owner());
                entry.put("history", owner.history());
                entry.put("migrations", owner.migrations().stream().map(MigrationsReport::status).toList());
                perOwner.add(entry);
            }
            doc.put("owners", perOwner);
        } else if (migrator == null) {
            doc.put("statusUnavailable", "no migrations were given; start the studio with --migrations <folder>");
        } else {
            doc.put("migrations", migrator.status().stream().map(MigrationsReport::status).toList());
        }
        if (snapshot == null && ownerSchemas == null) {
            doc.put("driftUnavailable", "no snapshot was found (migrations/meta or --snapshot), so there is nothing to compare the database with");
        } else {
            // One rule with `sleet verify`: the union of the owners' schemas (one owner without overlays).
            Map<String, DatabaseSchema> expected = ownerSchemas != null ? ownerSchemas : Map.of(HistoryTableName.SHARED_OWNER, snapshot);
            List<OwnedDrift> drift;
            try (Connection c = dataSource.getConnection()) {
                drift = SchemaVerifier.drift(c, expected, historySchema);
            }
            boolean attributed = expected.size() > 1;
            doc.put("drift", drift.stream().map(d -> attributed ? d.toString() : d.drift().message()).toList());
        }
        if (folder == null || !Files.isDirectory(folder)) {
            doc.put("lintUnavailable", "lint reads a migrations folder; start the studio with --migrations <folder>");
        } else {
            LintReport report = MigrationLinter.forFolder(folder).lintFolder(folder);
            doc.put("lint", report.active().stream().map(LintFormats::json).toList());
        }
        return doc;
    }

    private static Map<String, Object> status(MigrationStatus s) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", s.name());
        row.put("state", s.state().name().toLowerCase().replace('_', ' '));
        row.put("draft", s.draft());
        row.put("appliedAt", s.appliedAt() == null ? null : s.appliedAt().toString());
        row.put("durationMs", s.durationMs());
        row.put("detail", s.detail());
        return row;
    }
}
