package dev.sleet.studio;

import dev.sleet.schema.model.Column;
import dev.sleet.schema.sql.Sql;
import java.util.List;
import java.util.stream.Collectors;

/** Small pieces of SQL the studio writes: quoted catalog names and typed parameter placeholders. */
final class SqlText {
    private SqlText() {
    }

    static String quote(String identifier) {
        return Sql.quote(identifier);
    }

    /**
     * A bound parameter converted to the column's type: {@code CAST(? AS "public"."event_status")}. Every
     * value travels as text and PostgreSQL parses it with the column's own input function, so an enum
     * label, a timestamp or a numeric keeps its exact text form, and the type name comes from the catalog.
     */
    static String param(Column column) {
        return "CAST(? AS " + column.type().sql() + ")";
    }

    static String quotedList(List<String> identifiers) {
        return identifiers.stream().map(Sql::quote).collect(Collectors.joining(", "));
    }
}
