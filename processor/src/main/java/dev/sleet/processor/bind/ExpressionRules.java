package dev.sleet.processor.bind;

import dev.sleet.schema.sql.SqlLexer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What PostgreSQL refuses inside the SQL expressions of annotations, found at compile time rather than
 * when the migration runs ({@code SLEET-E044}): a subquery or an aggregate anywhere (a check or index
 * sees one row), and in index keys, index predicates and exclusions a function that is not IMMUTABLE
 * (the index would have to change while no row does). Read from the tokens, outside string literals
 * and quoted names; only the well-known built-ins are named, so a user's own function is never
 * refused here (PostgreSQL judges those).
 */
final class ExpressionRules {
    private ExpressionRules() {
    }

    /** Where an expression sits, in PostgreSQL's words, and how to do without what it refuses there. */
    enum Place {
        CHECK("a check constraint", false, "a check sees only its own row; enforce the rule in a trigger or in the application"),
        INDEX_KEY("an index expression", true, "index only IMMUTABLE expressions of the row's own columns, and compare with the"
                + " time or a random value in the query instead"),
        INDEX_PREDICATE("an index predicate (where)", true, "write a fixed condition (e.g. a literal date), or filter in the query"),
        EXCLUSION("an exclusion constraint", true, "use IMMUTABLE expressions of the row's own columns");

        final String text;
        final boolean immutableOnly;
        final String fix;

        Place(String text, boolean immutableOnly, String fix) {
            this.text = text;
            this.immutableOnly = immutableOnly;
            this.fix = fix;
        }
    }

    private static final Set<String> AGGREGATES = Set.of("count", "sum", "avg", "min", "max", "array_agg", "string_agg", "bool_and",
            "bool_or", "every", "json_agg", "jsonb_agg", "json_object_agg", "jsonb_object_agg", "stddev", "variance", "bit_and", "bit_or");
    /** SQL value functions, written without parentheses. */
    private static final Set<String> CURRENT_VALUES = Set.of("current_timestamp", "current_date", "current_time", "localtime",
            "localtimestamp");
    /** Built-in functions that are STABLE or VOLATILE. */
    private static final Set<String> NOT_IMMUTABLE = Set.of("now", "clock_timestamp", "statement_timestamp", "transaction_timestamp",
            "timeofday", "random", "random_normal", "setseed", "gen_random_uuid", "uuid_generate_v1", "uuid_generate_v1mc",
            "uuid_generate_v4", "uuidv4", "uuidv7", "nextval", "currval", "lastval", "txid_current", "pg_current_xact_id");

    /** What PostgreSQL would refuse in {@code expression} at {@code place}, in words for the message; empty when nothing. */
    static Optional<String> refused(String expression, Place place) {
        if (expression == null || expression.isBlank()) {
            return Optional.empty();
        }
        List<SqlLexer.Token> tokens = SqlLexer.significant(expression);
        for (int i = 0; i < tokens.size(); i++) {
            SqlLexer.Token t = tokens.get(i);
            if (t.kind() != SqlLexer.Kind.WORD || (i > 0 && tokens.get(i - 1).is(SqlLexer.Kind.PUNCTUATION, "."))) {
                continue;
            }
            String word = t.text().toLowerCase(Locale.ROOT);
            boolean call = i + 1 < tokens.size() && tokens.get(i + 1).is(SqlLexer.Kind.PUNCTUATION, "(");
            if (word.equals("select")) {
                return Optional.of("a subquery (SELECT)");
            }
            if (call && AGGREGATES.contains(word)) {
                return Optional.of("the aggregate " + word + "()");
            }
            if (place.immutableOnly && CURRENT_VALUES.contains(word)) {
                return Optional.of(word + ", which is not IMMUTABLE");
            }
            if (place.immutableOnly && call && NOT_IMMUTABLE.contains(word)) {
                return Optional.of(word + "(), which is not IMMUTABLE");
            }
        }
        return Optional.empty();
    }
}
