package dev.sleet.schema.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link DdlParser#parse} reads a CREATE TABLE from the text before its first {@code (}; these pin that it always
 * gives what reading the whole statement gives, whatever stands in the head (quoted names holding a parenthesis,
 * comments, strings, dollar quotes) and for the statements that only start like one.
 */
class DdlParserHeadTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "CREATE TABLE \"public\".\"rec0001\" (\n  \"id\" bigint NOT NULL\n)",
            "create table t (a int)",
            "CREATE UNLOGGED TABLE IF NOT EXISTS s.t (a int)",
            "CREATE TEMP TABLE t(a int)",
            "CREATE TABLE \"we(ird\" (a int)",
            "CREATE TABLE \"s\".\"a(b\" (a int)",
            "CREATE TABLE t -- a note (with a parenthesis)\n (a int)",
            "CREATE TABLE s-- c(\n. a (b int)",
            "CREATE -- (\nTABLE t (a int)",
            "CREATE /* ( */ TABLE t (a int)",
            "CREATE /* /* ( */ */ TABLE t (a int)",
            "CREATE TABLE $x$ ( $x$ (a int)",
            "CREATE TABLE s. (a int)",
            "CREATE TABLE (a int)",
            "CREATE TABLE t AS SELECT 1",
            "CREATE TABLE t PARTITION OF p FOR VALUES IN (1)",
            "CREATE INDEX i ON t (a)",
            "CREATE UNIQUE INDEX CONCURRENTLY i ON t USING btree (a)",
            "CREATE TYPE s AS ENUM ('a', 'b')",
            "CREATE OR REPLACE FUNCTION f() RETURNS int AS $$ select 1 $$ LANGUAGE sql",
            "CREATE TABLE t1 (LIKE t2)",
            "create table e'x' (a int)",
            "CREATE TABLE t ('a' int)",
            "ALTER TABLE t ADD CONSTRAINT c CHECK (a > 0)",
            "(select 1)",
    })
    void theHeadGivesWhatTheWholeStatementGives(String sql) {
        assertThat(DdlParser.parse(sql)).isEqualTo(DdlParser.whole(sql));
    }

    @Test
    void generatedStatements() {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        List<String> pieces = List.of("CREATE", "create", "TABLE", "table", "UNLOGGED", "IF", "NOT", "EXISTS", "INDEX", "s", ".", "t",
                "\"q(\"", "\"q\"", "(", ")", "a int", "-- c(\n", "/* ( */", "/*", "'x('", "$$", "$a$", ",", " ", "\n", "e'", "U&\"", "1.5e");
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sql = new StringBuilder(random.nextBoolean() ? "CREATE TABLE " : "");
            for (int n = random.nextInt(10); n >= 0; n--) {
                sql.append(pieces.get(random.nextInt(pieces.size()))).append(random.nextInt(3) == 0 ? "" : " ");
            }
            String statement = sql.toString();
            assertThat(DdlParser.parse(statement)).as("seed %d: %s", seed, statement).isEqualTo(DdlParser.whole(statement));
        }
    }
}
