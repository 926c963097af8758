package dev.sleet.schema.diff;

import static dev.sleet.schema.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sleet.schema.model.CheckConstraint;
import dev.sleet.schema.model.Column;
import dev.sleet.schema.model.ColumnType;
import dev.sleet.schema.model.DatabaseSchema;
import dev.sleet.schema.model.EnumType;
import dev.sleet.schema.model.ForeignKey;
import dev.sleet.schema.model.Index;
import dev.sleet.schema.model.IndexKey;
import dev.sleet.schema.model.IndexMethod;
import dev.sleet.schema.model.QualifiedName;
import dev.sleet.schema.model.ReferentialAction;
import dev.sleet.schema.model.Table;
import dev.sleet.schema.model.UniqueConstraint;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Names PostgreSQL accepts only quoted, and expressions that look like they could break out of their place. */
class HostileIdentifiersTest {

    @ParameterizedTest
    @ValueSource(strings = {"user", "order", "select", "MixedCase", "with space", "say \"hi\"", "\"", "ünïcødé_名前", "a;b", "x--y", "it's"})
    void everyIdentifierIsQuotedAndEmbeddedQuotesDoubled(String name) {
        String q = '"' + name.replace("\"", "\"\"") + '"';
        QualifiedName tableName = QualifiedName.of(name, name);
        EnumType e = new EnumType(QualifiedName.of(name, name + "_e"), List.of(name));
        Table t = with(withPrimaryKey(table(tableName,
                        new Column(name, new ColumnType.EnumRef(e.name(), false), false),
                        col(name + "2", "bigint")), name + "_pk", name),
                new UniqueConstraint(name + "_u", List.of(name + "2"), false),
                new Index(name + "_i", List.of(IndexKey.column(name + "2")), false, IndexMethod.BTREE, null),
                new ForeignKey(name + "_fk", List.of(name + "2"), tableName, List.of(name), ReferentialAction.CASCADE, null));
        DatabaseSchema s = schema(Set.of(name), Set.of(), List.of(e), t);

        List<String> up = SchemaDiffer.diff(schema(), s).sql();
        assertThat(up).containsExactly(
                "CREATE SCHEMA " + q,
                "CREATE TYPE " + q + "." + quote(name + "_e") + " AS ENUM (" + "'" + name.replace("'", "''") + "')",
                "CREATE TABLE " + q + "." + q + " (\n"
                        + "  " + q + " " + q + "." + quote(name + "_e") + " NOT NULL,\n"
                        + "  " + quote(name + "2") + " bigint NOT NULL,\n"
                        + "  CONSTRAINT " + quote(name + "_pk") + " PRIMARY KEY (" + q + "),\n"
                        + "  CONSTRAINT " + quote(name + "_u") + " UNIQUE (" + quote(name + "2") + ")\n"
                        + ")",
                "CREATE INDEX " + quote(name + "_i") + " ON " + q + "." + q + " USING btree (" + quote(name + "2") + ")",
                "ALTER TABLE " + q + "." + q + " ADD CONSTRAINT " + quote(name + "_fk") + " FOREIGN KEY (" + quote(name + "2")
                        + ") REFERENCES " + q + "." + q + " (" + q + ") ON DELETE CASCADE");
        assertThat(SchemaDiffer.diff(s, s).isEmpty()).isTrue();

        List<String> down = SchemaDiffer.diff(s, schema()).sql();
        assertThat(down).containsExactly("DROP TABLE " + q + "." + q, "DROP TYPE " + q + "." + quote(name + "_e"), "DROP SCHEMA " + q);
    }

    private static String quote(String s) {
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    @Test
    void renamesOfHostileNamesAreQuotedOnBothSides() {
        Table before = table(pub("Order"), col("select", "text"));
        Table after = renamedTable(table(pub("order items"), renamed(col("from \"x\"", "text"), "select")), pub("order items"), "Order");
        assertThat(SchemaDiffer.diff(schema(before), schema(after)).sql()).containsExactly(
                "ALTER TABLE \"public\".\"Order\" RENAME TO \"order items\"",
                "ALTER TABLE \"public\".\"order items\" RENAME COLUMN \"select\" TO \"from \"\"x\"\"\"");
    }

    @Test
    void expressionsArePassedAsWrittenInsideTheirOwnParentheses() {
        String check = "\"weird col\" <> 'x'' OR 1=1 --'";
        Table t = with(table("t", col("weird col", "text")),
                new CheckConstraint("t_check", check),
                new Index("t_expr", List.of(IndexKey.expression("lower(\"weird col\")")), false, IndexMethod.BTREE, "\"weird col\" IS NOT NULL"));
        List<String> sql = SchemaDiffer.diff(schema(), schema(t)).sql();
        assertThat(sql.get(0)).contains("CONSTRAINT \"t_check\" CHECK (" + check + ")");
        assertThat(sql.get(1)).isEqualTo("CREATE INDEX \"t_expr\" ON \"public\".\"t\" USING btree ((lower(\"weird col\"))) WHERE (\"weird col\" IS NOT NULL)");
    }

    @Test
    void aNameWithALineBreakCannotEscapeTheWarningComment() {
        Table evil = table(pub("t\nDROP DATABASE prod; --"), col("a", "text"));
        String script = ScriptRenderer.render(SchemaDiffer.diff(schema(evil), schema()));
        assertThat(script).isEqualTo(
                "-- WARNING DS102: drops a table and its rows (public.t\\u000aDROP DATABASE prod; --)\n"
                        + "DROP TABLE \"public\".\"t\nDROP DATABASE prod; --\";\n");
        assertThat(script.lines().filter(l -> l.startsWith("DROP DATABASE"))).hasSize(1)
                .allSatisfy(l -> assertThat(l).endsWith("--\";")); // still inside the quoted identifier
    }
}
