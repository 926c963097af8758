package dev.sleet.schema.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MigrationScriptTest {

    private static final String FILE = """
            -- a hand-written migration
            -- +migrate Up
            create table a (id int primary key);
            insert into a values (1);

            -- +migrate Down
            drop table a;
            """;

    @Test
    void parsesSectionsWithFileLineNumbers() {
        MigrationScript s = MigrationScript.parse("20260101_000000_create_a.sql", FILE);
        assertThat(s.name()).isEqualTo("20260101_000000_create_a");
        assertThat(s.fileName()).isEqualTo("20260101_000000_create_a.sql");
        assertThat(s.draft()).isFalse();
        assertThat(s.up().statements()).extracting(SqlStatement::line).containsExactly(3, 4);
        assertThat(s.up().statements().get(0).firstLine()).isEqualTo("create table a (id int primary key)");
        assertThat(s.down().statements()).extracting(SqlStatement::sql).containsExactly("drop table a");
        assertThat(s.down().statements().get(0).line()).isEqualTo(7);
        assertThat(s.up().transactional()).isTrue();
        assertThat(s.down().text()).isEqualTo("drop table a;\n");
    }

    @Test
    void checksumIgnoresLineEndingsButNotContent() {
        String a = MigrationScript.parse("x", FILE).checksum();
        assertThat(MigrationScript.parse("x", FILE.replace("\n", "\r\n")).checksum()).isEqualTo(a);
        assertThat(MigrationScript.parse("x", FILE.replace("(1)", "(2)")).checksum()).isNotEqualTo(a);
        assertThat(a).hasSize(64).matches("[0-9a-f]+");
        // SHA-256 of the empty string, a known value.
        assertThat(MigrationChecksum.of("")).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void draftMarkerOnFirstLine() {
        MigrationScript s = MigrationScript.parse("d.sql", "-- sleet:draft — rewritten by every build until you delete this line\n-- +migrate Up\nselect 1;\n");
        assertThat(s.draft()).isTrue();
        assertThat(MigrationScript.parse("d.sql", "-- +migrate Up\n-- sleet:draft\nselect 1;\n").draft()).isFalse();
    }

    @Test
    void noTransactionDirectiveAndDetection() {
        assertThat(MigrationScript.parse("a", "-- +migrate NoTransaction\n-- +migrate Up\ncreate table t (id int);\n").up().transactional()).isFalse();
        MigrationScript concurrent = MigrationScript.parse("b", "-- +migrate Up\ncreate unique index concurrently i on t (id);\n-- +migrate Down\ndrop index concurrently i;\n");
        assertThat(concurrent.up().nonTransactionalReason()).contains("line 2");
        assertThat(concurrent.down().transactional()).isFalse();
        assertThat(MigrationScript.parse("c", "-- +migrate Up\n-- concurrently in a comment only\ncreate index i on t (id);\n").up().transactional()).isTrue();
    }

    @Test
    void enumValueAddedAndUsedInTheSameFileIsNonTransactional() {
        MigrationScript used = MigrationScript.parse("e", """
                -- +migrate Up
                alter type status add value if not exists 'it''s';
                update t set s = 'it''s' where id = 1;
                """);
        assertThat(used.up().nonTransactionalReason()).contains("'it's'");
        MigrationScript unused = MigrationScript.parse("e", "-- +migrate Up\nalter type status add value 'x';\nselect 'y';\n");
        assertThat(unused.up().transactional()).isTrue();
    }

    @Test
    void missingUpMarkerIsAnError() {
        assertThatThrownBy(() -> MigrationScript.parse("20260101_000000_x.sql", "create table a (id int);\n"))
                .isInstanceOf(MigrationFormatException.class)
                .hasMessageContaining("20260101_000000_x.sql")
                .hasMessageContaining("-- +migrate Up");
        assertThatThrownBy(() -> MigrationScript.parse("x", "")).isInstanceOf(MigrationFormatException.class);
    }

    @Test
    void badMarkersAreErrors() {
        assertThatThrownBy(() -> MigrationScript.parse("x", "-- +migrate Down\nselect 1;\n-- +migrate Up\n"))
                .hasMessageContaining("x.sql:1");
        assertThatThrownBy(() -> MigrationScript.parse("x", "-- +migrate Up\n-- +migrate StatementBegin\n"))
                .hasMessageContaining("unknown directive");
        assertThatThrownBy(() -> MigrationScript.parse("x", "select 1;\n-- +migrate Up\n"))
                .hasMessageContaining("before '-- +migrate Up'");
        assertThatThrownBy(() -> MigrationScript.parse("x", "-- +migrate Up\nselect 1;\n-- +migrate Up\n"))
                .hasMessageContaining("x.sql:3");
    }

    @Test
    void truncatedFileNamesTheLine() {
        String truncated = FILE.replace("values (1)", "values ('cut");
        assertThatThrownBy(() -> MigrationScript.parse("t.sql", truncated))
                .isInstanceOf(MigrationFormatException.class)
                .hasMessageContaining("t.sql:4")
                .hasMessageContaining("truncated");
        // A file that ends cleanly after a statement without ';' is complete (issue 19).
        String noSemicolon = "-- +migrate Up\ncreate table a (id int)\n";
        assertThat(MigrationScript.parse("t.sql", noSemicolon).up().statements()).extracting(SqlStatement::sql)
                .containsExactly("create table a (id int)");
        String midFunction = "-- +migrate Up\ncreate function f() returns int language sql as $$\n select 1;\n";
        assertThatThrownBy(() -> MigrationScript.parse("t.sql", midFunction)).hasMessageContaining("t.sql:2");
    }

    @Test
    void byteOrderMarkIsTolerated() {
        MigrationScript s = MigrationScript.parse("b", "\uFEFF-- sleet:draft\n-- +migrate Up\nselect 1;\n");
        assertThat(s.draft()).isTrue();
        assertThat(s.up().statements()).hasSize(1);
    }
}
