package dev.sleet.schema.sql;

import dev.sleet.schema.model.QualifiedName;
import dev.sleet.schema.sql.SqlLexer.Kind;
import dev.sleet.schema.sql.SqlLexer.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The table or type a DDL statement creates, alters, drops, indexes or comments on, read from its
 * tokens. Used where ownership matters: an overlay's hand-written migrations must not change a
 * shared object (processor), and statements on a table an overlay later released are skipped where
 * the shared owner creates it (runtime). DML is not a change of a definition and names nothing here.
 */
public final class StatementTarget {
    private StatementTarget() {
    }

    /** The object a DDL statement changes: a table, or a type when {@code type}. */
    public record Touch(QualifiedName name, boolean type) {
        public String describe() {
            return (type ? "type " : "table ") + name;
        }
    }

    /** The table or type the statement changes, when it is one of the DDL forms that change one. */
    public static Optional<Touch> touched(String sql) {
        List<Token> tokens = SqlLexer.significant(sql);
        Cursor c = new Cursor(tokens);
        if (c.word("ALTER")) {
            if (c.word("TABLE")) {
                c.optional("IF", "EXISTS", "ONLY");
                return c.touched(false);
            }
            return c.word("TYPE") ? c.touched(true) : Optional.empty();
        }
        if (c.word("DROP")) {
            boolean table = c.word("TABLE");
            boolean type = !table && c.word("TYPE");
            if (!table && !type) {
                return Optional.empty();
            }
            c.optional("IF", "EXISTS");
            return c.touched(type); // the first of a list names the culprit well enough
        }
        if (c.word("COMMENT")) {
            return c.word("ON") && c.word("TABLE") ? c.touched(false) : Optional.empty();
        }
        if (c.word("CREATE")) {
            c.optional("OR", "REPLACE", "UNLOGGED", "UNIQUE");
            if (c.word("TABLE")) {
                c.optional("IF", "NOT", "EXISTS");
                return c.touched(false);
            }
            if (c.word("TYPE")) {
                return c.touched(true);
            }
            if (c.word("INDEX")) {
                // CREATE INDEX [CONCURRENTLY] [IF NOT EXISTS] [name] ON [ONLY] table
                while (c.more() && !c.word("ON")) {
                    c.skip();
                }
                c.optional("ONLY");
                return c.touched(false);
            }
        }
        return Optional.empty();
    }

    /** Walks the significant tokens of one statement. */
    private static final class Cursor {
        private final List<Token> tokens;
        private int at;

        Cursor(List<Token> tokens) {
            this.tokens = tokens;
        }

        boolean more() {
            return at < tokens.size();
        }

        void skip() {
            at++;
        }

        /** Consumes the keyword when it comes next. */
        boolean word(String keyword) {
            if (more() && tokens.get(at).kind() == Kind.WORD && tokens.get(at).text().equalsIgnoreCase(keyword)) {
                at++;
                return true;
            }
            return false;
        }

        /** Consumes each of these keywords that comes next, in this order; any of them may be missing. */
        void optional(String... keywords) {
            for (String keyword : keywords) {
                word(keyword);
            }
        }

        /** The table ({@code type} false) or type named next. */
        Optional<Touch> touched(boolean type) {
            return name().map(n -> new Touch(n, type));
        }

        /** {@code name} or {@code schema.name}, quoted or not; unqualified names are in public (the search path migrations run with). */
        Optional<QualifiedName> name() {
            List<String> parts = new ArrayList<>();
            while (more()) {
                Token t = tokens.get(at);
                if (t.kind() == Kind.WORD) {
                    parts.add(t.text().toLowerCase(Locale.ROOT));
                } else if (t.kind() == Kind.QUOTED_IDENTIFIER) {
                    parts.add(SqlLexer.identifier(t));
                } else {
                    break;
                }
                at++;
                if (more() && tokens.get(at).is(Kind.PUNCTUATION, ".")) {
                    at++;
                } else {
                    break;
                }
            }
            if (parts.size() == 1) {
                return Optional.of(QualifiedName.of(QualifiedName.DEFAULT_SCHEMA, parts.get(0)));
            }
            if (parts.size() == 2) {
                return Optional.of(QualifiedName.of(parts.get(0), parts.get(1)));
            }
            return Optional.empty();
        }
    }
}
