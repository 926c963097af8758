package dev.sleet.schema.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatementSplitterTest {

    private static List<String> sql(String text) {
        return StatementSplitter.split("f.sql", text).stream().map(SqlStatement::sql).toList();
    }

    @Test
    void splitsOnSemicolonsAndRecordsLines() {
        List<SqlStatement> s = StatementSplitter.split("f.sql", "create table a (id int);\n\n  -- note\n  insert into a values (1);\n", 10);
        assertThat(s).extracting(SqlStatement::sql).containsExactly("create table a (id int)", "insert into a values (1)");
        assertThat(s).extracting(SqlStatement::line).containsExactly(10, 13);
        assertThat(s).extracting(SqlStatement::number).containsExactly(1, 2);
    }

    @Test
    void semicolonsInsideLiteralsAndIdentifiersDoNotSplit() {
        assertThat(sql("insert into t values ('a;b', 'it''s; fine');\nselect \"we;ird\"\"name\" from t;"))
                .containsExactly("insert into t values ('a;b', 'it''s; fine')", "select \"we;ird\"\"name\" from t");
    }

    @Test
    void escapeStringsHonourBackslashes() {
        assertThat(sql("select E'a\\';b';select e'\\\\';select 1;"))
                .containsExactly("select E'a\\';b'", "select e'\\\\'", "select 1");
    }

    @Test
    void aWordEndingInEIsNotAnEscapePrefix() {
        // In "some'\\'" the quote follows "some", so the backslash is a plain character and the string ends at the second quote.
        assertThat(sql("select some'\\';select 2;")).containsExactly("select some'\\'", "select 2");
    }

    @Test
    void commentsIncludingNestedBlockCommentsDoNotSplit() {
        assertThat(sql("select 1 -- a; b\n;/* x; /* nested; */ still; */ select 2;"))
                .containsExactly("select 1 -- a; b", "select 2");
        assertThat(sql("select 1 /* x; /* nested; */ still; */ + 2;")).containsExactly("select 1 /* x; /* nested; */ still; */ + 2");
    }

    @Test
    void dollarQuotedBodiesWithAndWithoutTags() {
        String fn = "create function f() returns int language plpgsql as $$ begin perform 1; return 2; end $$";
        String tagged = "create function g() returns text language sql as $body$ select 'x;' || $$;$$ $body$";
        assertThat(sql(fn + ";\n" + tagged + ";")).containsExactly(fn, tagged);
    }

    @Test
    void dollarInIdentifiersAndPositionalParametersAreNotQuotes() {
        assertThat(sql("select a$b$c from t$1;prepare p as select $1;select 3;"))
                .containsExactly("select a$b$c from t$1", "prepare p as select $1", "select 3");
    }

    @Test
    void emptyStatementsAndTrailingCommentsAreIgnored() {
        assertThat(sql(";;select 1;;\n-- the end\n/* done */\n")).containsExactly("select 1");
    }

    @Test
    void unterminatedStringNamesFileAndLine() {
        assertThatThrownBy(() -> StatementSplitter.split("20260101_000000_x.sql", "select 1;\ninsert into t values ('abc", 5))
                .isInstanceOf(MigrationFormatException.class)
                .hasMessageContaining("20260101_000000_x.sql:6")
                .hasMessageContaining("string literal")
                .hasMessageContaining("truncated");
    }

    @Test
    void unterminatedDollarBodyCommentAndIdentifier() {
        assertThatThrownBy(() -> StatementSplitter.split("f.sql", "select 1;\n\ncreate function f() as $fn$ begin"))
                .isInstanceOf(MigrationFormatException.class).hasMessageContaining("f.sql:3").hasMessageContaining("$fn$");
        assertThatThrownBy(() -> StatementSplitter.split("f.sql", "select 1; /* a /* b */"))
                .isInstanceOf(MigrationFormatException.class).hasMessageContaining("*/");
        assertThatThrownBy(() -> StatementSplitter.split("f.sql", "select \"abc from t;"))
                .isInstanceOf(MigrationFormatException.class).hasMessageContaining("quoted identifier");
    }

    @Test
    void lastStatementWithoutSemicolonIsAcceptedWhenTheTextEndsCleanly() {
        assertThat(sql("create table a (id int);\ncreate table b (\n  id int\n)")).containsExactly("create table a (id int)",
                "create table b (\n  id int\n)");
        assertThat(StatementSplitter.split("f.sql", "select 1;\n\nselect 2 -- no semicolon\n-- trailing note\n"))
                .extracting(SqlStatement::line).containsExactly(1, 3);
        assertThat(sql("select 'a;' || $$;$$")).containsExactly("select 'a;' || $$;$$");
    }

    @Test
    void psqlMetaCommandsAreRefusedWithTheirLine() {
        assertThatThrownBy(() -> StatementSplitter.split("m.sql", "select 1;\n\\connect other\nselect 2;"))
                .isInstanceOf(MigrationFormatException.class).hasMessageContaining("m.sql:2")
                .hasMessageContaining("psql meta-command \\connect other");
        assertThatThrownBy(() -> StatementSplitter.split("m.sql", "  \\i other.sql\n", 10))
                .isInstanceOf(MigrationFormatException.class).hasMessageContaining("m.sql:10").hasMessageContaining("\\i other.sql");
        // A backslash inside a literal, or not at the start of a line, is not a meta-command.
        assertThat(sql("select E'a\\\\b';\nselect '\\x';")).hasSize(2);
    }

    @Test
    void copyFromStdinIsRefusedWithItsLine() {
        String dump = "create table t (id int);\nCOPY public.t (id) FROM stdin;\n1\n2\n\\.\n";
        assertThatThrownBy(() -> StatementSplitter.split("d.sql", dump))
                .isInstanceOf(MigrationFormatException.class).hasMessageContaining("d.sql:2").hasMessageContaining("FROM stdin");
        assertThat(sql("copy t to stdout;")).containsExactly("copy t to stdout");
    }

    @Test
    void crlfAndUnicodeSurvive() {
        assertThat(sql("insert into t values ('héllo; wörld');\r\nselect 'ok';\r\n"))
                .containsExactly("insert into t values ('héllo; wörld')", "select 'ok'");
    }
}
