package dev.sleet.schema.diff;

import dev.sleet.schema.model.CheckConstraint;
import dev.sleet.schema.model.Column;
import dev.sleet.schema.model.Distribution;
import dev.sleet.schema.model.ExclusionConstraint;
import dev.sleet.schema.model.ExclusionElement;
import dev.sleet.schema.model.ForeignKey;
import dev.sleet.schema.model.Index;
import dev.sleet.schema.model.IndexKey;
import dev.sleet.schema.model.IndexMethod;
import dev.sleet.schema.model.PrimaryKey;
import dev.sleet.schema.model.QualifiedName;
import dev.sleet.schema.model.ReferentialAction;
import dev.sleet.schema.model.SortOrder;
import dev.sleet.schema.model.Table;
import dev.sleet.schema.model.UniqueConstraint;
import dev.sleet.schema.sql.Sql;
import dev.sleet.schema.sql.SqlLexer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * PostgreSQL DDL text for model objects. Identifiers always go through {@link Sql#quote} or
 * {@link QualifiedName#sql()}; expressions (checks, defaults, index and exclusion expressions,
 * predicates) are inserted as written, inside their own parentheses, and never into an identifier.
 */
final class Ddl {
    private Ddl() {
    }

    static String quotedList(List<String> identifiers) {
        return identifiers.stream().map(Sql::quote).collect(Collectors.joining(", ", "(", ")"));
    }

    static String columnDefinition(Column c) {
        StringBuilder sb = new StringBuilder(Sql.quote(c.name())).append(' ').append(c.type().sql());
        if (c.identity() != null) {
            sb.append(' ').append(c.identity().sql());
        }
        if (c.defaultExpression() != null) {
            sb.append(" DEFAULT ").append(defaultExpression(c.defaultExpression()));
        }
        if (!c.nullable()) {
            sb.append(" NOT NULL");
        }
        return sb.toString();
    }

    /** Words a DEFAULT clause cannot take bare (it accepts only a restricted expression): those get parentheses. */
    private static final Set<String> NEEDS_PARENTHESES = Set.of(
            "and", "or", "not", "is", "in", "like", "ilike", "between", "similar", "isnull", "notnull", "collate", "at");

    static String defaultExpression(String expression) {
        for (SqlLexer.Token t : SqlLexer.tokenize(expression)) {
            boolean keyword = t.kind() == SqlLexer.Kind.WORD && NEEDS_PARENTHESES.contains(t.text().toLowerCase(Locale.ROOT));
            boolean comparison = t.kind() == SqlLexer.Kind.OPERATOR && t.text().chars().anyMatch(c -> c == '=' || c == '<' || c == '>');
            if (keyword || comparison) {
                return "(" + expression + ")";
            }
        }
        return expression;
    }

    static String createTable(Table t) {
        List<String> parts = new ArrayList<>();
        for (Column c : t.columns()) {
            parts.add(columnDefinition(c));
        }
        if (t.primaryKey() != null) {
            parts.add(primaryKeyClause(t.primaryKey()));
        }
        for (UniqueConstraint u : t.uniques()) {
            parts.add(uniqueClause(u));
        }
        for (CheckConstraint c : t.checks()) {
            parts.add(checkClause(c));
        }
        for (ExclusionConstraint x : t.exclusions()) {
            parts.add(exclusionClause(x));
        }
        if (parts.isEmpty()) {
            return "CREATE TABLE " + t.name().sql() + " ()";
        }
        return "CREATE TABLE " + t.name().sql() + " (\n  " + String.join(",\n  ", parts) + "\n)";
    }

    static String primaryKeyClause(PrimaryKey pk) {
        return "CONSTRAINT " + Sql.quote(pk.name()) + " PRIMARY KEY " + quotedList(pk.columns());
    }

    static String uniqueClause(UniqueConstraint u) {
        return "CONSTRAINT " + Sql.quote(u.name()) + " UNIQUE " + (u.nullsNotDistinct() ? "NULLS NOT DISTINCT " : "")
                + quotedList(u.columns());
    }

    static String checkClause(CheckConstraint c) {
        return "CONSTRAINT " + Sql.quote(c.name()) + " CHECK (" + c.expression() + ")";
    }

    static String exclusionClause(ExclusionConstraint x) {
        StringBuilder sb = new StringBuilder("CONSTRAINT ").append(Sql.quote(x.name())).append(" EXCLUDE USING ")
                .append(method(x.method()).sql()).append(" (");
        for (int i = 0; i < x.elements().size(); i++) {
            ExclusionElement e = x.elements().get(i);
            sb.append(i == 0 ? "" : ", ")
                    .append(e.isColumn() ? Sql.quote(e.column()) : "(" + e.expression() + ")")
                    .append(" WITH ").append(e.operator());
        }
        sb.append(')');
        if (x.where() != null) {
            sb.append(" WHERE (").append(x.where()).append(')');
        }
        return sb.toString();
    }

    static String addConstraint(QualifiedName table, String clause) {
        return "ALTER TABLE " + table.sql() + " ADD " + clause;
    }

    static String dropConstraint(QualifiedName table, String name) {
        return "ALTER TABLE " + table.sql() + " DROP CONSTRAINT " + Sql.quote(name);
    }

    static String foreignKey(QualifiedName table, ForeignKey fk) {
        StringBuilder sb = new StringBuilder("ALTER TABLE ").append(table.sql()).append(" ADD CONSTRAINT ")
                .append(Sql.quote(fk.name())).append(" FOREIGN KEY ").append(quotedList(fk.columns()))
                .append(" REFERENCES ").append(fk.referencedTable().sql()).append(' ').append(quotedList(fk.referencedColumns()));
        if (action(fk.onDelete()) != ReferentialAction.NO_ACTION) {
            sb.append(" ON DELETE ").append(fk.onDelete().sql());
        }
        if (action(fk.onUpdate()) != ReferentialAction.NO_ACTION) {
            sb.append(" ON UPDATE ").append(fk.onUpdate().sql());
        }
        return sb.toString();
    }

    static String createIndex(QualifiedName table, Index index) {
        StringBuilder sb = new StringBuilder("CREATE ").append(index.unique() ? "UNIQUE " : "").append("INDEX ")
                .append(Sql.quote(index.name())).append(" ON ").append(table.sql())
                .append(" USING ").append(method(index.method()).sql()).append(" (");
        for (int i = 0; i < index.keys().size(); i++) {
            IndexKey k = index.keys().get(i);
            sb.append(i == 0 ? "" : ", ")
                    .append(k.isColumn() ? Sql.quote(k.column()) : "(" + k.expression() + ")")
                    .append(order(k.order()).sqlSuffix());
        }
        sb.append(')');
        if (index.where() != null) {
            sb.append(" WHERE (").append(index.where()).append(')');
        }
        return sb.toString();
    }

    /** An index lives in its table's schema. */
    static String dropIndex(QualifiedName table, String indexName) {
        return "DROP INDEX " + new QualifiedName(table.schema(), indexName).sql();
    }

    static IndexMethod method(IndexMethod m) {
        return m == null ? IndexMethod.BTREE : m;
    }

    static ReferentialAction action(ReferentialAction a) {
        return a == null ? ReferentialAction.NO_ACTION : a;
    }

    static SortOrder order(SortOrder o) {
        return o == null ? SortOrder.ASC : o;
    }

    static String alterTable(QualifiedName table) {
        return "ALTER TABLE " + table.sql() + " ";
    }

    static String alterColumn(QualifiedName table, String column) {
        return "ALTER TABLE " + table.sql() + " ALTER COLUMN " + Sql.quote(column) + " ";
    }

    static String enumLabels(List<String> values) {
        return values.stream().map(Sql::literal).collect(Collectors.joining(", ", "(", ")"));
    }

    // Citus: the table and colocation arguments are regclass/text values parsed as (quoted) names;
    // the distribution column is looked up as written, so it goes in unquoted.

    /** {@code SELECT create_distributed_table(...)} or {@code SELECT create_reference_table(...)}. */
    static String distribute(QualifiedName table, Distribution distribution) {
        if (distribution instanceof Distribution.Distributed d) {
            return "SELECT create_distributed_table(" + Sql.literal(table.sql()) + ", " + Sql.literal(d.column())
                    + (d.colocateWith() == null ? "" : ", colocate_with => " + Sql.literal(d.colocateWith().sql())) + ")";
        }
        return "SELECT create_reference_table(" + Sql.literal(table.sql()) + ")";
    }

    /** A distributed table moved to another column or colocation group, in place. */
    static String alterDistribution(QualifiedName table, Distribution.Distributed was, Distribution.Distributed now) {
        StringBuilder sql = new StringBuilder("SELECT alter_distributed_table(").append(Sql.literal(table.sql()));
        if (!was.column().equals(now.column())) {
            sql.append(", distribution_column => ").append(Sql.literal(now.column()));
        }
        if (!java.util.Objects.equals(was.colocateWith(), now.colocateWith())) {
            sql.append(", colocate_with => ").append(Sql.literal(now.colocateWith() == null ? "default" : now.colocateWith().sql()));
        }
        return sql.append(")").toString();
    }

    static String undistribute(QualifiedName table) {
        return "SELECT undistribute_table(" + Sql.literal(table.sql()) + ")";
    }
}
