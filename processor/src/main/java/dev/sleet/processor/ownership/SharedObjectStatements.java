package dev.sleet.processor.ownership;

import dev.sleet.processor.diagnostics.Diagnostic;
import dev.sleet.processor.diagnostics.Reporter;
import dev.sleet.schema.migration.MigrationFile;
import dev.sleet.schema.migration.MigrationFormatException;
import dev.sleet.schema.migration.SqlStatement;
import dev.sleet.schema.model.QualifiedName;
import dev.sleet.schema.sql.SqlLexer;
import dev.sleet.schema.sql.SqlLexer.Kind;
import dev.sleet.schema.sql.SqlLexer.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The lint-style check of an overlay's hand-written migrations (SLEET-E052): a statement that
 * creates, alters or drops a table or type the shared module owns, or adds an index or a comment to
 * one, is refused. Generated drafts need no check: the overlay's schema holds no shared object, so
 * the differ never writes one. Reading DML ({@code INSERT INTO users ...}) is left alone: data is
 * not ownership.
 */
public final class SharedObjectStatements {
    private final SharedSchema shared;
    private final String overlay;
    private final Reporter reporter;

    public SharedObjectStatements(SharedSchema shared, String overlay, Reporter reporter) {
        this.shared = shared;
        this.overlay = overlay;
        this.reporter = reporter;
    }

    /** Reports every offending statement of the hand-written files; true when there was none. */
    public boolean check(List<MigrationFile> files) {
        boolean clean = true;
        for (MigrationFile file : files) {
            if (file.generated()) {
                continue;
            }
            List<SqlStatement> statements;
            try {
                statements = file.parse().up().statements();
            } catch (MigrationFormatException e) {
                continue; // the runtime and the linter report a file that does not parse, with its line
            }
            for (SqlStatement statement : statements) {
                Optional<Touch> touch = touched(statement.sql());
                if (touch.isPresent() && ownedByShared(touch.get())) {
                    reporter.report(Diagnostic.OVERLAY_MIGRATION_ALTERS_SHARED.with(file.fileName(), statement.line(),
                            statement.firstLine(), touch.get().describe(), shared.origin(), overlay), null);
                    clean = false;
                }
            }
        }
        return clean;
    }

    private boolean ownedByShared(Touch touch) {
        return touch.type() ? shared.schema().enumType(touch.name()).isPresent() : shared.ownsTable(touch.name());
    }

    /** The object a DDL statement changes: a table, or a type when {@code type}. */
    record Touch(QualifiedName name, boolean type) {
        String describe() {
            return (type ? "type " : "table ") + name;
        }
    }

    /** The table or type the statement changes, when it is one of the DDL forms that change one. */
    static Optional<Touch> touched(String sql) {
        List<Token> tokens = SqlLexer.significant(sql);
        Cursor c = new Cursor(tokens);
        if (c.word("ALTER")) {
            if (c.word("TABLE")) {
                c.word("IF");
                c.word("EXISTS");
                c.word("ONLY");
                return c.name().map(n -> new Touch(n, false));
            }
            if (c.word("TYPE")) {
                return c.name().map(n -> new Touch(n, true));
            }
            return Optional.empty();
        }
        if (c.word("DROP")) {
            boolean table = c.word("TABLE");
            boolean type = !table && c.word("TYPE");
            if (!table && !type) {
                return Optional.empty();
            }
            c.word("IF");
            c.word("EXISTS");
            return c.name().map(n -> new Touch(n, type)); // the first of a list names the culprit well enough
        }
        if (c.word("COMMENT")) {
            if (c.word("ON") && c.word("TABLE")) {
                return c.name().map(n -> new Touch(n, false));
            }
            return Optional.empty();
        }
        if (c.word("CREATE")) {
            c.word("OR");
            c.word("REPLACE");
            c.word("UNLOGGED");
            c.word("UNIQUE");
            if (c.word("TABLE")) {
                c.word("IF");
                c.word("NOT");
                c.word("EXISTS");
                return c.name().map(n -> new Touch(n, false));
            }
            if (c.word("TYPE")) {
                return c.name().map(n -> new Touch(n, true));
            }
            if (c.word("INDEX")) {
                // CREATE INDEX [CONCURRENTLY] [IF NOT EXISTS] [name] ON [ONLY] table
                while (c.more() && !c.word("ON")) {
                    c.skip();
                }
                c.word("ONLY");
                return c.name().map(n -> new Touch(n, false));
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
