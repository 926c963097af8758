package dev.sleet.processor.migrations;

import dev.sleet.schema.diff.MigrationPlan;
import dev.sleet.schema.diff.PlannedStatement;
import dev.sleet.schema.diff.SchemaObject;
import dev.sleet.schema.journal.MigrationsFolder;

/** Writes a draft file: marker line, Up section (with WARNING comments), Down section. */
public final class DraftRenderer {
    private DraftRenderer() {
    }

    public static String render(MigrationPlan up, MigrationPlan down) {
        StringBuilder out = new StringBuilder();
        out.append(MigrationsFolder.DRAFT_MARKER_LINE).append('\n');
        out.append("-- +migrate Up\n");
        statements(out, up);
        out.append("\n-- +migrate Down\n");
        statements(out, down);
        return out.toString();
    }

    private static void statements(StringBuilder out, MigrationPlan plan) {
        for (PlannedStatement statement : plan.statements()) {
            if (statement.destructive() != null) {
                out.append("-- WARNING ").append(statement.destructive().code()).append(": ")
                        .append(statement.destructive().risk()).append(" (").append(subject(statement.subject())).append(")\n");
            }
            out.append(statement.sql().strip()).append(";\n");
        }
    }

    /** {@code public.events}, {@code public.events.notes}, or the bare name of a schema or extension. */
    public static String subject(SchemaObject subject) {
        if (subject == null) {
            return "?";
        }
        if (subject.kind() == SchemaObject.Kind.SCHEMA || subject.kind() == SchemaObject.Kind.EXTENSION) {
            return subject.owner().name();
        }
        return subject.owner() + (subject.member() == null ? "" : "." + subject.member());
    }
}
