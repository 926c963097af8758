package dev.sleet.schema.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link MigrationSection#detectNonTransactional} looks at a statement's first words before upper-casing it
 * whole; these pin that the shortcut refuses exactly what the patterns on the upper-cased text refuse: every
 * spelling and whitespace the server accepts, characters whose upper case is an ASCII letter (dotless ı),
 * and statements that only look alike.
 */
class NonTransactionalDetectionTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "create index concurrently i on t (a)",
            "CREATE\tUNIQUE  INDEX CONCURRENTLY i ON t (a)",
            "Create\u000Bindex\fconcurrently i on t (a)",
            "CREATE \u0131NDEX CONCURRENTLY i ON t (a)", // dotless ı upper-cases to I
            "drop index concurrently i",
            "DROP\n\nINDEX CONCURRENTLY IF EXISTS i",
            "create database d",
            "DROP TABLESPACE s",
            "vacuum t",
            "VACUUM",
            "reindex (verbose) table concurrently t",
            "alter table t detach partition p concurrently",
            "ALTER SYSTEM SET work_mem = '64MB'",
    })
    void refused(String sql) {
        assertThat(MigrationSection.detectNonTransactional(List.of(new SqlStatement(1, 1, sql)))).contains("cannot run inside a transaction");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "create table t (id bigint, concurrently int)",
            "CREATE INDEX i ON t (a)",
            "createindex concurrently",
            "CREATE\u00A0INDEX CONCURRENTLY i ON t (a)", // a no-break space is not the patterns' \\s
            "-- a comment first\nCREATE INDEX CONCURRENTLY i ON t (a)",
            "drop table database",
            "alter table t add column system int",
            "alter table t detach partition p",
            "insert into vacuum values (1)",
            "reindexes",
    })
    void allowed(String sql) {
        assertThat(MigrationSection.detectNonTransactional(List.of(new SqlStatement(1, 1, sql)))).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ALTER TYPE s ADD VALUE 'x'", "alter type \"s\" add value if not exists 'x'"})
    void aLabelAddedAndUsedInOneSectionIsRefused(String add) {
        List<SqlStatement> statements = List.of(new SqlStatement(1, 1, add), new SqlStatement(2, 2, "update t set s = 'x'"));
        assertThat(MigrationSection.detectNonTransactional(statements)).contains("enum value 'x'");
    }
}
