package dev.sleet.runtime.migrate;

import dev.sleet.schema.migration.MigrationScript;
import dev.sleet.schema.migration.MigrationSection;
import dev.sleet.schema.migration.OwnershipHeader;
import dev.sleet.schema.migration.SqlStatement;
import dev.sleet.schema.model.QualifiedName;
import dev.sleet.schema.sql.StatementTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which statements an owner leaves to another (docs/OVERLAYS.md, "Adopt and release"): an overlay
 * migration older than the overlay's release of a table skips its statements on that table, since
 * the shared owner creates the table where it is missing; and the rollback of a shared migration
 * that created an adopted table leaves the table to the overlay that still holds its history.
 */
final class OwnedStatements {
    /** Written at the top of the recorded Down section of an adoption that created its tables. */
    static final String CREATED_MARKER = "-- sleet:adoption-created ";
    /** The recorded Down section of an adoption that found its tables in place: rollback runs nothing. */
    static final String ADOPTED_MARKER = "-- sleet:adopted ";

    private OwnedStatements() {
    }

    /** table → the migration of this source that releases it. */
    static Map<QualifiedName, String> releases(List<ResolvedMigration> files) {
        Map<QualifiedName, String> out = new TreeMap<>();
        for (ResolvedMigration file : files) {
            for (OwnershipHeader.Release release : file.header().releases()) {
                out.putIfAbsent(release.table(), file.name());
            }
        }
        return out;
    }

    /** The tables released by a migration newer than {@code name}: its statements on them are skipped. */
    static Set<QualifiedName> releasedAfter(String name, Map<QualifiedName, String> releases) {
        Set<QualifiedName> out = new TreeSet<>();
        releases.forEach((table, release) -> {
            if (release.compareTo(name) > 0) {
                out.add(table);
            }
        });
        return out;
    }

    /** The script with every statement on one of {@code tables} left out of both sections. */
    static MigrationScript without(MigrationScript script, Set<QualifiedName> tables) {
        if (tables.isEmpty()) {
            return script;
        }
        return new MigrationScript(script.name(), script.checksum(), script.draft(), without(script.up(), tables, null),
                without(script.down(), tables, null));
    }

    /**
     * The section without the statements on {@code tables}; its text is rebuilt from the kept
     * statements (the history records it for rollback) after an optional {@code note} line.
     */
    static MigrationSection without(MigrationSection section, Set<QualifiedName> tables, String note) {
        List<SqlStatement> kept = new ArrayList<>();
        StringBuilder text = new StringBuilder(note == null ? "" : note + "\n");
        for (SqlStatement statement : section.statements()) {
            Optional<StatementTarget.Touch> touch = StatementTarget.touched(statement.sql());
            // Tables and the enum types released with them alike: a name is one or the other, never both.
            if (touch.isPresent() && tables.contains(touch.get().name())) {
                continue;
            }
            kept.add(new SqlStatement(kept.size() + 1, statement.line(), statement.sql()));
            text.append(statement.sql()).append(";\n");
        }
        if (kept.size() == section.statements().size() && note == null) {
            return section;
        }
        return new MigrationSection(text.toString(), section.firstLine(), kept, section.nonTransactionalReason());
    }

    /** The tables named by a {@link #CREATED_MARKER} line of a recorded Down section, with the overlay they came from. */
    static Map<QualifiedName, String> createdByAdoption(String recordedDown) {
        Map<QualifiedName, String> out = new TreeMap<>();
        for (String line : recordedDown.split("\n")) {
            if (line.startsWith(CREATED_MARKER)) {
                String[] words = line.substring(CREATED_MARKER.length()).strip().split("\\s+");
                if (words.length == 3 && words[1].equals("from")) {
                    out.put(OwnershipHeader.name(words[0]), words[2]);
                }
            }
        }
        return out;
    }
}
