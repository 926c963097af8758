package dev.sleet.schema.diff;

import dev.sleet.schema.model.DatabaseSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One difference between a live database and the schema it should have, in plain words
 * ({@code missing column public.events.notes}, {@code unexpected index public.events.idx_x},
 * {@code column public.events.status differs: …}): the differ's plan told as a reader wants it,
 * one line per object. The runtime's verify ({@code dev.sleet.runtime.verify}) produces these;
 * the CLI and the testing module's assertion only print them.
 *
 * @param change  seen from the database: ADD = missing there, DROP = unexpected there, ALTER/RENAME = differs
 * @param subject the object concerned
 * @param message the plain-words description
 */
public record Drift(ChangeKind change, SchemaObject subject, String message) {

    @Override
    public String toString() {
        return message;
    }

    /**
     * Each difference between {@code live} and {@code expected}, one per object; empty when they match.
     * The differ may need several statements for one object (a changed constraint is dropped and
     * re-added, an enum is rebuilt): the reader gets one line per object. Citus distribution is not
     * compared: the introspector does not read Citus's metadata, so a live table always looks plain.
     */
    public static List<Drift> between(DatabaseSchema live, DatabaseSchema expected) {
        MigrationPlan plan = SchemaDiffer.diff(live.withoutDistribution(), expected.withoutDistribution());
        Map<SchemaObject, List<PlannedStatement>> bySubject = new LinkedHashMap<>();
        for (PlannedStatement s : plan.statements()) {
            bySubject.computeIfAbsent(s.subject(), k -> new ArrayList<>()).add(s);
        }
        List<Drift> drift = new ArrayList<>();
        for (Map.Entry<SchemaObject, List<PlannedStatement>> e : bySubject.entrySet()) {
            SchemaObject subject = e.getKey();
            List<PlannedStatement> statements = e.getValue();
            String what = kind(subject.kind()) + " " + object(subject);
            if (statements.stream().allMatch(s -> s.change() == ChangeKind.ADD)) {
                drift.add(new Drift(ChangeKind.ADD, subject, "missing " + what));
            } else if (statements.stream().allMatch(s -> s.change() == ChangeKind.DROP)) {
                drift.add(new Drift(ChangeKind.DROP, subject, "unexpected " + what));
            } else {
                ChangeKind change = statements.stream().anyMatch(s -> s.change() == ChangeKind.RENAME) ? ChangeKind.RENAME : ChangeKind.ALTER;
                drift.add(new Drift(change, subject, what + " differs: " + difference(subject, statements, live, expected)));
            }
        }
        return drift;
    }

    private static String difference(SchemaObject subject, List<PlannedStatement> statements, DatabaseSchema live, DatabaseSchema expected) {
        if (subject.kind() == SchemaObject.Kind.ENUM && subject.owner() != null) {
            var inDatabase = live.enumType(subject.owner());
            var wanted = expected.enumType(subject.owner());
            if (inDatabase.isPresent() && wanted.isPresent()) {
                return "values (" + String.join(", ", inDatabase.get().values()) + ") in the database, ("
                        + String.join(", ", wanted.get().values()) + ") expected";
            }
        }
        List<PlannedStatement> fixes = statements.stream().filter(s -> s.change() != ChangeKind.DROP).toList();
        return (fixes.isEmpty() ? statements : fixes).stream()
                .map(s -> Objects.requireNonNullElse(s.description(), s.sql()))
                .collect(Collectors.joining("; ")) + " would fix it";
    }

    private static String kind(SchemaObject.Kind kind) {
        return switch (kind) {
            case SCHEMA -> "schema";
            case EXTENSION -> "extension";
            case ENUM -> "enum type";
            case TABLE -> "table";
            case COLUMN -> "column";
            case PRIMARY_KEY -> "primary key";
            case FOREIGN_KEY -> "foreign key";
            case UNIQUE -> "unique constraint";
            case CHECK -> "check constraint";
            case EXCLUSION -> "exclusion constraint";
            case INDEX -> "index";
            case DISTRIBUTION -> "Citus distribution of";
        };
    }

    private static String object(SchemaObject subject) {
        if (subject.owner() == null) {
            return subject.member() == null ? "?" : subject.member();
        }
        if (subject.kind() == SchemaObject.Kind.SCHEMA || subject.kind() == SchemaObject.Kind.EXTENSION) {
            return subject.owner().name();
        }
        return subject.owner() + (subject.member() == null ? "" : "." + subject.member());
    }
}
