package dev.sleet.schema.lint;

import dev.sleet.schema.lint.DdlStatement.Action;
import dev.sleet.schema.lint.DdlStatement.AddColumn;
import dev.sleet.schema.lint.DdlStatement.AddConstraint;
import dev.sleet.schema.lint.DdlStatement.AlterTable;
import dev.sleet.schema.lint.DdlStatement.AlterType;
import dev.sleet.schema.lint.DdlStatement.ConstraintKind;
import dev.sleet.schema.lint.DdlStatement.CreateIndex;
import dev.sleet.schema.lint.DdlStatement.DropIndex;
import dev.sleet.schema.migration.MigrationFormatException;
import dev.sleet.schema.migration.MigrationScript;
import dev.sleet.schema.migration.MigrationSection;
import dev.sleet.schema.migration.SqlStatement;
import dev.sleet.schema.model.CheckConstraint;
import dev.sleet.schema.model.Column;
import dev.sleet.schema.model.ColumnType;
import dev.sleet.schema.model.DatabaseSchema;
import dev.sleet.schema.model.Index;
import dev.sleet.schema.model.QualifiedName;
import dev.sleet.schema.model.Table;
import dev.sleet.schema.diff.TypeChanges;
import dev.sleet.schema.sql.Sql;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Lints the Up section of one migration file against the schema committed before it. One instance
 * per file: it follows the file statement by statement, remembering which tables the file created
 * (safe to change), whether {@code lock_timeout} was set, which tables the transaction has locked
 * and which columns a validated CHECK already proves NOT NULL.
 */
final class FileLinter {
    private static final Pattern NOLINT = Pattern.compile("--\\s*sleet:nolint\\b(.*)$");
    private static final Pattern CODE_WORD = Pattern.compile("[A-Za-z]{2}\\d{3}");
    private static final Pattern WARNING = Pattern.compile("^\\s*--\\s*WARNING\\s+(DS\\d{3})\\b:?\\s*(.*)$");
    private static final Pattern IS_NOT_NULL = Pattern.compile(
            "^\\(*\\s*(\"(?:[^\"]|\"\")+\"|[A-Za-z_][A-Za-z0-9_$]*)\\s+IS\\s+NOT\\s+NULL\\s*\\)*$", Pattern.CASE_INSENSITIVE);

    private final String file;
    private final String content;
    private final Supplier<DatabaseSchema> committed;
    private final LintPolicy policy;

    private final List<Finding> findings = new ArrayList<>();
    private final Set<QualifiedName> createdTables = new HashSet<>();
    private final Set<QualifiedName> createdIndexes = new HashSet<>();
    private final Set<QualifiedName> heavilyLocked = new LinkedHashSet<>();
    private final Map<String, String> notNullChecks = new HashMap<>(); // "table|constraint" -> column
    private final Set<String> provenNotNull = new HashSet<>(); // "table|column"
    private Map<QualifiedName, Table> tables;
    private Map<QualifiedName, QualifiedName> indexTables;
    private boolean transactional;
    private int explicitTransactions;
    private boolean lockTimeoutSet;
    private boolean reportedLockTimeout;
    private boolean reportedManyLocks;

    FileLinter(String file, String content, Supplier<DatabaseSchema> committed, LintPolicy policy) {
        this.file = file.endsWith(".sql") ? file : file + ".sql";
        this.content = content;
        this.committed = committed;
        this.policy = policy;
    }

    /** The committed state, read on first use (most statements need none). */
    private DatabaseSchema before() {
        DatabaseSchema state = committed.get();
        return state == null ? DatabaseSchema.EMPTY : state;
    }

    List<Finding> run() {
        MigrationScript script;
        try {
            script = MigrationScript.parse(file, content);
        } catch (MigrationFormatException e) {
            add(LintCode.LT101, Math.max(1, e.line()), "", e.getMessage(),
                    "the runtime refuses to apply a file it cannot read", "fix the file as the message says", null);
            return findings;
        }
        String[] lines = content.replace("\r\n", "\n").split("\n", -1);
        MigrationSection up = script.up();
        transactional = up.transactional();
        int previousEnd = up.firstLine() - 1;
        for (SqlStatement statement : up.statements()) {
            int end = statement.line() + newlines(statement.sql());
            List<String> comments = new ArrayList<>();
            for (int line = Math.max(previousEnd + 1, 1); line <= end && line <= lines.length; line++) {
                comments.add(lines[line - 1]);
            }
            List<Nolint> nolints = nolints(comments, previousEnd + 1);
            previousEnd = end;
            int firstFinding = findings.size();
            judge(statement, DdlParser.parse(statement.sql()));
            fromWarningComments(statement, comments);
            applySuppressions(firstFinding, nolints);
        }
        return findings;
    }

    // ---- the rules

    private void judge(SqlStatement s, DdlStatement parsed) {
        if (parsed instanceof DdlStatement.CreateTable ct) {
            createdTables.add(ct.table());
        } else if (parsed instanceof CreateIndex ci) {
            createIndex(s, ci);
        } else if (parsed instanceof DropIndex di) {
            dropIndex(s, di);
        } else if (parsed instanceof AlterTable at) {
            alterTable(s, at);
        } else if (parsed instanceof DdlStatement.DropTable dt) {
            for (QualifiedName t : dt.tables()) {
                if (existing(t)) {
                    add(LintCode.DS102, s, "drops table " + t + " and its rows",
                            accessExclusive(t) + "; the rows are gone for good and the running release still queries the table",
                            "stop using the table in one release and drop it in the next; keep a copy (pg_dump -t " + t
                                    + ") if the rows may be needed");
                    takeAccessExclusive(s, t);
                }
            }
        } else if (parsed instanceof DdlStatement.DropSchema ds) {
            for (String schema : ds.schemas()) {
                add(LintCode.DS101, s, "drops schema " + schema + " and everything in it",
                        "ACCESS EXCLUSIVE locks on every object in the schema; all of it is gone for good",
                        "drop the objects one by one in a release after the code stopped using them");
            }
        } else if (parsed instanceof DdlStatement.DropType dt) {
            for (QualifiedName type : dt.types()) {
                if (before().enumType(type).isPresent()) {
                    add(LintCode.DS107, s, "drops enum type " + type,
                            "fails while a column still uses the type, and the running release may still send its values",
                            "drop the columns using it first, in a release after the code stopped using them");
                }
            }
        } else if (parsed instanceof DdlStatement.SetLockTimeout lt) {
            lockTimeoutSet = !lt.disables();
        } else if (parsed instanceof DdlStatement.TransactionControl tc) {
            explicitTransactions = tc.begin() ? explicitTransactions + 1 : Math.max(0, explicitTransactions - 1);
        }
    }

    private void createIndex(SqlStatement s, CreateIndex ci) {
        if (ci.index() != null) {
            createdIndexes.add(ci.index());
        }
        if (ci.concurrently() && explicitTransactions > 0) {
            add(LintCode.PG103, s, "CREATE INDEX CONCURRENTLY inside BEGIN … COMMIT",
                    "PostgreSQL refuses it: ERROR: CREATE INDEX CONCURRENTLY cannot run inside a transaction block",
                    "remove BEGIN/COMMIT around it; the runtime runs a file holding CONCURRENTLY outside a transaction, statement by statement");
        }
        if (!existing(ci.table())) {
            return;
        }
        if (!ci.concurrently()) {
            add(LintCode.PG101, s, "creates index " + indexName(ci.index()) + " on existing table " + ci.table() + " without CONCURRENTLY",
                    "SHARE lock on " + ci.table() + " for the whole build: INSERT, UPDATE and DELETE wait (reads go on)",
                    "in a migration of its own: " + insertAfter(s.sql(), "INDEX", " CONCURRENTLY")
                            + "; (the runtime runs it outside a transaction; if it fails, DROP INDEX CONCURRENTLY the invalid index and retry)");
            takeHeavyLock(s, ci.table());
        }
        if (ci.unique()) {
            add(LintCode.MF101, s, "unique index " + indexName(ci.index()) + " on existing rows of " + ci.table(),
                    "fails with a unique violation (23505) if " + ci.table() + " already holds duplicates",
                    "look for duplicates first (SELECT <columns>, count(*) FROM " + ci.table()
                            + " GROUP BY <columns> HAVING count(*) > 1), clean them up, then build the index CONCURRENTLY");
        }
    }

    private void dropIndex(SqlStatement s, DropIndex di) {
        if (di.concurrently() && explicitTransactions > 0) {
            add(LintCode.PG103, s, "DROP INDEX CONCURRENTLY inside BEGIN … COMMIT",
                    "PostgreSQL refuses it: ERROR: DROP INDEX CONCURRENTLY cannot run inside a transaction block",
                    "remove BEGIN/COMMIT around it; the runtime runs a file holding CONCURRENTLY outside a transaction");
        }
        if (di.concurrently()) {
            return;
        }
        for (QualifiedName index : di.indexes()) {
            if (createdIndexes.contains(index)) {
                continue;
            }
            QualifiedName table = tableOfIndex(index);
            if (table != null && !existing(table)) {
                continue;
            }
            String on = table == null ? "its table" : table.toString();
            add(LintCode.PG102, s, "drops index " + index + " without CONCURRENTLY",
                    accessExclusive(on) + " until the drop commits",
                    "in a migration of its own: " + insertAfter(s.sql(), "INDEX", " CONCURRENTLY") + ";");
            if (table != null) {
                takeAccessExclusive(s, table);
            } else {
                reportMissingLockTimeout(s, on);
            }
        }
    }

    private void alterTable(SqlStatement s, AlterTable at) {
        QualifiedName t = at.table();
        if (!existing(t)) {
            return;
        }
        boolean accessExclusive = false;
        for (Action action : at.actions()) {
            accessExclusive |= !(action instanceof DdlStatement.ValidateConstraint)
                    && !(action instanceof AddConstraint ac && ac.kind() == ConstraintKind.FOREIGN_KEY)
                    && !(action instanceof DdlStatement.OtherAction other && takesShareUpdateExclusive(other.words()));
            if (action instanceof AddColumn ac) {
                addColumn(s, t, ac);
            } else if (action instanceof DdlStatement.DropColumn dc) {
                add(LintCode.DS103, s, "drops column " + dc.column() + " of " + t + " and its values",
                        accessExclusive(t) + " (brief); the values are gone for good and the running release still reads and writes the column",
                        "stop using the column in one release (ignore it in the records), drop it in the next");
            } else if (action instanceof AlterType type) {
                alterType(s, t, type);
            } else if (action instanceof DdlStatement.SetNotNull nn) {
                setNotNull(s, t, nn.column());
            } else if (action instanceof AddConstraint ac) {
                addConstraint(s, t, ac);
            } else if (action instanceof DdlStatement.ValidateConstraint vc) {
                String column = notNullChecks.get(t + "|" + vc.name());
                if (column != null) {
                    provenNotNull.add(t + "|" + column);
                }
            } else if (action instanceof DdlStatement.RenameColumn rc) {
                add(LintCode.BC102, s, "renames column " + rc.from() + " of " + t + " to " + rc.to(),
                        accessExclusive(t) + " (brief); the release still running reads and writes " + rc.from() + " and fails from now on",
                        "expand and contract: add " + rc.to() + ", write both (a trigger or the code), backfill, move reads, drop "
                                + rc.from() + " in a later release");
            } else if (action instanceof DdlStatement.RenameTable rt) {
                add(LintCode.BC101, s, "renames table " + t + " to " + rt.to(),
                        accessExclusive(t) + " (brief); the release still running queries " + t + " and fails from now on",
                        "rename, then CREATE VIEW " + t.sql() + " AS SELECT * FROM the new name for the old release, and drop the view"
                                + " once no release uses the old name");
            }
        }
        if (accessExclusive) {
            takeAccessExclusive(s, t);
        } else if (at.actions().stream().anyMatch(a -> a instanceof AddConstraint ac && !ac.notValid())) {
            takeHeavyLock(s, t);
        }
    }

    /** The ALTER TABLE forms PostgreSQL runs under SHARE UPDATE EXCLUSIVE, which lets reads and writes go on. */
    private static boolean takesShareUpdateExclusive(String words) {
        String w = words.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        return w.startsWith("set (") || w.startsWith("reset (") || w.startsWith("set statistics") || w.startsWith("cluster on")
                || w.startsWith("set without cluster") || w.startsWith("attach partition");
    }

    private void addColumn(SqlStatement s, QualifiedName t, AddColumn ac) {
        if (ac.notNull() && ac.defaultExpression() == null && !ac.generatesValues()) {
            add(LintCode.MF103, s, "adds NOT NULL column " + ac.column() + " to " + t + " without a default",
                    "fails with a not-null violation (23502) as soon as " + t + " has one row",
                    "add it with a constant DEFAULT (PostgreSQL 11+ stores it without rewriting the table), or add it nullable,"
                            + " backfill in batches and make it NOT NULL through a validated CHECK (see MF104)");
        }
        if (ac.generatesValues() || Volatility.isVolatile(ac.defaultExpression())) {
            String what = ac.generatesValues() ? "an identity, serial or stored generated value" : "the volatile default " + ac.defaultExpression();
            add(LintCode.PG109, s, "adds column " + ac.column() + " to " + t + " with " + what,
                    accessExclusive(t) + " while every row is rewritten to store its own value",
                    "add the column without a default (or with a constant one), then ALTER COLUMN " + Sql.quote(ac.column())
                            + " SET DEFAULT … (affects new rows only), and backfill existing rows in batches");
        }
        if (ac.inlineConstraint() == ConstraintKind.UNIQUE || ac.inlineConstraint() == ConstraintKind.PRIMARY_KEY) {
            add(LintCode.PG107, s, "adds column " + ac.column() + " to " + t + " with an inline " + kindText(ac.inlineConstraint()),
                    accessExclusive(t) + " while the unique index is built",
                    "add the column plain, CREATE UNIQUE INDEX CONCURRENTLY on it, then ADD CONSTRAINT … UNIQUE USING INDEX");
        }
    }

    private void alterType(SqlStatement s, QualifiedName t, AlterType type) {
        Optional<Column> column = column(t, type.column());
        if (column.isEmpty()) {
            add(LintCode.PG108, s, "changes the type of column " + type.column() + " of " + t + " to " + type.type()
                            + " (the committed state does not know its current type)",
                    accessExclusive(t) + "; unless the change is binary-coercible, every row is rewritten and every index rebuilt",
                    rewriteFix(t, type));
            return;
        }
        ColumnType from = column.get().type();
        if (TypeChanges.rewritesTable(from, type.type())) {
            add(LintCode.PG108, s, "changes column " + type.column() + " of " + t + " from " + from.sql() + " to " + type.type(),
                    accessExclusive(t) + " while every row is rewritten and every index of " + t + " rebuilt",
                    rewriteFix(t, type));
        }
        boolean toEnum = type.type().contains("\"") || before().enums().stream()
                .anyMatch(e -> e.name().name().equals(type.type().strip().toLowerCase(Locale.ROOT)));
        if (!toEnum && !TypeChanges.isSafeWidening(from, ColumnType.builtin(type.type()))) {
            add(LintCode.MF105, s, "narrows column " + type.column() + " of " + t + " from " + from.sql() + " to " + type.type(),
                    "fails (or rounds values) when existing rows do not fit " + type.type(),
                    "check the rows fit first (SELECT count(*) FROM " + t.sql() + " WHERE <value does not fit>), or keep the wider type");
        }
    }

    private static String rewriteFix(QualifiedName t, AlterType type) {
        return "expand and contract: ADD COLUMN " + Sql.quote(type.column() + "_new") + " " + type.type()
                + ", write both, backfill in batches, switch reads, drop the old column; changes that rewrite nothing are"
                + " varchar(n) to varchar(m >= n) or text, and numeric(p,s) to numeric(q >= p,s)";
    }

    private void setNotNull(SqlStatement s, QualifiedName t, String column) {
        if (provenNotNull.contains(t + "|" + column) || provenByCommittedCheck(t, column)) {
            return;
        }
        String check = Sql.quote(t.name() + "_" + column + "_not_null");
        String alter = "ALTER TABLE " + t.sql() + " ";
        add(LintCode.MF104, s, "makes column " + column + " of " + t + " NOT NULL",
                accessExclusive(t) + " while every row is scanned; fails with 23502 if any row holds NULL",
                alter + "ADD CONSTRAINT " + check + " CHECK (" + Sql.quote(column) + " IS NOT NULL) NOT VALID; then, in the next migration, "
                        + alter + "VALIDATE CONSTRAINT " + check + "; " + alter + "ALTER COLUMN " + Sql.quote(column) + " SET NOT NULL; "
                        + alter + "DROP CONSTRAINT " + check + "; (SET NOT NULL skips the scan when a valid CHECK proves it)");
    }

    private void addConstraint(SqlStatement s, QualifiedName t, AddConstraint ac) {
        String name = ac.name() == null ? "" : " " + ac.name();
        String validate = ac.name() == null ? "name the constraint, then ALTER TABLE … VALIDATE CONSTRAINT it"
                : "ALTER TABLE " + t.sql() + " VALIDATE CONSTRAINT " + Sql.quote(ac.name());
        if (ac.kind() == ConstraintKind.CHECK) {
            Matcher m = ac.expression() == null ? null : IS_NOT_NULL.matcher(ac.expression().strip());
            if (m != null && m.matches() && ac.name() != null) {
                String column = unquote(m.group(1));
                if (ac.notValid()) {
                    notNullChecks.put(t + "|" + ac.name(), column);
                } else {
                    provenNotNull.add(t + "|" + column);
                }
            }
            if (!ac.notValid()) {
                add(LintCode.PG105, s, "adds CHECK" + name + " to existing table " + t + " without NOT VALID",
                        accessExclusive(t) + " while every row is checked",
                        s.sql() + " NOT VALID; then, in a later migration, " + validate
                                + "; (VALIDATE takes SHARE UPDATE EXCLUSIVE: reads and writes go on)");
            }
        } else if (ac.kind() == ConstraintKind.FOREIGN_KEY) {
            if (!ac.notValid()) {
                String other = ac.references() == null ? "the referenced table" : ac.references().toString();
                add(LintCode.PG104, s, "adds FOREIGN KEY" + name + " to existing table " + t + " without NOT VALID",
                        "SHARE ROW EXCLUSIVE locks on " + t + " and " + other + " while every row is checked: writes to both wait",
                        s.sql() + " NOT VALID; then, in a later migration, " + validate
                                + "; (VALIDATE takes SHARE UPDATE EXCLUSIVE on " + t + " and ROW SHARE on " + other + ")");
                if (ac.references() != null && existing(ac.references())) {
                    takeHeavyLock(s, ac.references());
                }
            }
        } else if (ac.kind() == ConstraintKind.UNIQUE || ac.kind() == ConstraintKind.PRIMARY_KEY) {
            if (!ac.usingIndex()) {
                add(LintCode.PG107, s, "adds " + kindText(ac.kind()) + name + " to existing table " + t + ", building its index",
                        accessExclusive(t) + " while the unique index is built",
                        "CREATE UNIQUE INDEX CONCURRENTLY <index> ON " + t.sql() + " (<columns>); in a migration of its own, then "
                                + "ALTER TABLE " + t.sql() + " ADD CONSTRAINT <name> " + kindText(ac.kind()) + " USING INDEX <index>;");
            }
            add(LintCode.MF102, s, kindText(ac.kind()) + name + " on existing rows of " + t,
                    "fails with a unique violation (23505)" + (ac.kind() == ConstraintKind.PRIMARY_KEY ? " or a not-null violation" : "")
                            + " if existing rows break it",
                    "look for duplicates (and NULLs) first, clean them up, then add it USING INDEX of an index built CONCURRENTLY");
        } else if (ac.kind() == ConstraintKind.EXCLUDE) {
            add(LintCode.PG106, s, "adds EXCLUDE" + name + " to existing table " + t,
                    accessExclusive(t) + " while its index is built and every row is checked; EXCLUDE has no NOT VALID form",
                    "add it while the table is small or in a maintenance window with SET lock_timeout; for a large busy table,"
                            + " create a new table with the constraint and move the rows in batches");
        }
    }

    // ---- locks held by the migration

    private void takeAccessExclusive(SqlStatement s, QualifiedName table) {
        reportMissingLockTimeout(s, table.toString());
        takeHeavyLock(s, table);
    }

    private void reportMissingLockTimeout(SqlStatement s, String table) {
        if (!lockTimeoutSet && !reportedLockTimeout) {
            reportedLockTimeout = true;
            add(LintCode.PG111, s, "asks for an ACCESS EXCLUSIVE lock on " + table + " with no lock_timeout set",
                    "while it waits behind a long query, every later read and write of " + table + " queues behind it",
                    "SET lock_timeout = '5s'; as the first statement of the migration, and retry the migration when it times out");
        }
    }

    private void takeHeavyLock(SqlStatement s, QualifiedName table) {
        if (!transactional) {
            return;
        }
        heavilyLocked.add(table);
        if (heavilyLocked.size() >= 2 && !reportedManyLocks) {
            reportedManyLocks = true;
            String names = heavilyLocked.stream().map(QualifiedName::toString).collect(Collectors.joining(", "));
            add(LintCode.PG112, s, "locks " + names + " in one transaction",
                    "every lock is held until the migration commits, so " + names
                            + " stay blocked for the whole migration, and two sessions locking them in another order deadlock",
                    "one migration per table (or -- +migrate NoTransaction with statements safe to run one by one)");
        }
    }

    // ---- the committed state

    private boolean existing(QualifiedName table) {
        // A table the committed state does not know (created by a hand-written file) is treated as existing.
        return !createdTables.contains(table);
    }

    private Optional<Column> column(QualifiedName table, String name) {
        Table t = tables().get(table);
        return t == null ? Optional.empty() : t.column(name);
    }

    private QualifiedName tableOfIndex(QualifiedName index) {
        if (indexTables == null) {
            indexTables = new HashMap<>();
            for (Table t : before().tables()) {
                for (Index i : t.indexes()) {
                    indexTables.put(new QualifiedName(t.name().schema(), i.name()), t.name());
                }
            }
        }
        return indexTables.get(index);
    }

    private boolean provenByCommittedCheck(QualifiedName table, String column) {
        Table t = tables().get(table);
        if (t == null) {
            return false;
        }
        for (CheckConstraint c : t.checks()) {
            Matcher m = IS_NOT_NULL.matcher(c.expression().strip());
            if (m.matches() && unquote(m.group(1)).equals(column)) {
                return true;
            }
        }
        return false;
    }

    private Map<QualifiedName, Table> tables() {
        if (tables == null) {
            tables = new HashMap<>();
            before().tables().forEach(t -> tables.put(t.name(), t));
        }
        return tables;
    }

    // ---- comments: nolint and the draft's WARNING lines

    private record Nolint(int line, String text, Set<LintCode> codes, String reason) {
    }

    private List<Nolint> nolints(List<String> lines, int firstLine) {
        List<Nolint> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = NOLINT.matcher(lines.get(i));
            if (!m.find()) {
                continue;
            }
            int line = firstLine + i;
            String rest = m.group(1).strip();
            Set<LintCode> codes = new LinkedHashSet<>();
            List<String> unknown = new ArrayList<>();
            int offset = 0;
            String[] words = rest.isEmpty() ? new String[0] : rest.split("[\\s,]+");
            for (String word : words) {
                if (!CODE_WORD.matcher(word).matches()) {
                    break;
                }
                offset++;
                LintCode.named(word).ifPresentOrElse(codes::add, () -> unknown.add(word));
            }
            String reason = String.join(" ", java.util.Arrays.asList(words).subList(offset, words.length)).strip();
            String comment = lines.get(i).strip();
            if (codes.isEmpty() || !unknown.isEmpty()) {
                add(LintCode.NL102, line, comment, unknown.isEmpty() ? "sleet:nolint names no lint code"
                                : "sleet:nolint names unknown code(s) " + String.join(", ", unknown),
                        "a nolint silences only the codes it names", "write the codes it silences, e.g. -- sleet:nolint PG101 <reason>", null);
            }
            if (reason.isEmpty()) {
                add(LintCode.NL101, line, comment, "sleet:nolint without a reason",
                        "the next reader cannot tell why the finding is safe to ignore",
                        "say why after the codes: -- sleet:nolint PG101 table is empty in every environment", null);
            }
            out.add(new Nolint(line, comment, codes, reason.isEmpty() ? "(no reason given)" : reason));
        }
        return out;
    }

    private void fromWarningComments(SqlStatement s, List<String> comments) {
        for (String comment : comments) {
            Matcher m = WARNING.matcher(comment);
            if (!m.matches()) {
                continue;
            }
            Optional<LintCode> code = LintCode.named(m.group(1));
            if (code.isEmpty() || code.get().family() != LintCode.Family.DESTRUCTIVE || alreadyFound(s, code.get())) {
                continue;
            }
            add(code.get(), s, "the draft marks it " + m.group(1) + ": " + m.group(2).strip(),
                    "the generated draft marks it as destructive: the running release may still use what it removes",
                    "stop using it in one release, remove it in the next");
        }
    }

    private boolean alreadyFound(SqlStatement s, LintCode code) {
        return findings.stream().anyMatch(f -> f.line() == s.line() && f.code() == code);
    }

    private void applySuppressions(int from, List<Nolint> nolints) {
        for (int i = from; i < findings.size(); i++) {
            Finding f = findings.get(i);
            if (f.code().family() == LintCode.Family.SUPPRESSION) {
                continue;
            }
            for (Nolint n : nolints) {
                if (n.codes().contains(f.code())) {
                    findings.set(i, f.withSuppression(n.reason()));
                    break;
                }
            }
        }
    }

    // ---- helpers

    private void add(LintCode code, SqlStatement s, String message, String why, String fix) {
        add(code, s.line(), s.sql(), message, why, fix, null);
    }

    private void add(LintCode code, int line, String statement, String message, String why, String fix, String suppressed) {
        Severity severity = policy.severityOf(code);
        if (severity != Severity.OFF) {
            findings.add(new Finding(code, severity, file, line, statement, message, why, fix, suppressed));
        }
    }

    private static String accessExclusive(Object table) {
        return "ACCESS EXCLUSIVE lock on " + table + ": every read and write of it waits";
    }

    private static String kindText(ConstraintKind kind) {
        return kind == ConstraintKind.PRIMARY_KEY ? "PRIMARY KEY" : "UNIQUE";
    }

    private static String indexName(QualifiedName index) {
        return index == null ? "(unnamed)" : index.name();
    }

    private static String unquote(String identifier) {
        return identifier.startsWith("\"") ? identifier.substring(1, identifier.length() - 1).replace("\"\"", "\"")
                : identifier.toLowerCase(Locale.ROOT);
    }

    /** The statement with {@code insert} placed after the first top-level {@code keyword}. */
    private static String insertAfter(String sql, String keyword, String insert) {
        Matcher m = Pattern.compile("(?i)\\b" + keyword + "\\b").matcher(sql);
        return m.find() ? sql.substring(0, m.end()) + insert + sql.substring(m.end()) : sql;
    }

    private static int newlines(String text) {
        int n = 0;
        for (int nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', nl + 1)) {
            n++;
        }
        return n;
    }
}
