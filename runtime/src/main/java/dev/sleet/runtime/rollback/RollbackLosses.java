package dev.sleet.runtime.rollback;

import dev.sleet.runtime.migrate.Migrator;
import dev.sleet.runtime.migrate.RecordedStatement;
import dev.sleet.schema.lint.DataLoss;
import java.util.ArrayList;
import java.util.List;

/**
 * The one data-loss judgement before a rollback, shared by {@code sleet rollback} and
 * {@code mvn sleet:rollback}: the Down statements {@link Migrator#rollbackStatements(int)} would run,
 * read by the linter's {@link DataLoss}. Outside {@code runtime.migrate} and not a {@link Migrator} method,
 * because {@code DataLoss} lives in sleet-schema-tools, which the runtime's core must not import (an
 * application's run-time class path need not carry it); only the tools that ask load this class.
 */
public final class RollbackLosses {
    private RollbackLosses() {
    }

    /**
     * What rolling back the newest {@code count} migrations would lose, one {@code <migration>: <loss>}
     * per finding, newest migration first; empty when nothing is lost. Takes no lock and runs nothing.
     */
    public static List<String> of(Migrator migrator, int count) {
        List<String> losses = new ArrayList<>();
        for (RecordedStatement statement : migrator.rollbackStatements(count)) {
            DataLoss.of(statement.sql()).forEach(loss -> losses.add(statement.migration() + ": " + loss));
        }
        return List.copyOf(losses);
    }

    /** {@code runs Down sections that lose data (<loss>; <loss>)}, the reason a caller asks or refuses with. */
    public static String describe(List<String> losses) {
        return "runs Down sections that lose data (" + String.join("; ", losses) + ")";
    }
}
