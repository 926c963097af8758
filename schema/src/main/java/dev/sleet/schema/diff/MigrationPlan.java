package dev.sleet.schema.diff;

import java.util.List;

/** An ordered list of DDL statements produced by {@link SchemaDiffer}. */
public record MigrationPlan(List<PlannedStatement> statements) {
    public MigrationPlan {
        statements = List.copyOf(statements);
    }

    public boolean isEmpty() {
        return statements.isEmpty();
    }

    public boolean isDestructive() {
        return statements.stream().anyMatch(s -> s.destructive() != null);
    }
}
