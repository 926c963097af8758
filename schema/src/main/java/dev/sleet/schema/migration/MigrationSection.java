package dev.sleet.schema.migration;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Up or the Down section of a migration: its raw text (kept so the runtime can store the Down
 * section and roll back even after the file changed), its statements, and whether it must run
 * outside a transaction.
 *
 * @param text                     the section's text as written
 * @param firstLine                the file line on which {@code text} begins
 * @param statements               the statements, in order
 * @param nonTransactionalReason   why the section cannot run in one transaction, or null when it can
 */
public record MigrationSection(String text, int firstLine, List<SqlStatement> statements, String nonTransactionalReason) {

    public static final MigrationSection EMPTY = new MigrationSection("", 0, List.of(), null);

    private static final List<Pattern> NEVER_IN_TRANSACTION = List.of(
            Pattern.compile("^CREATE\\s+(UNIQUE\\s+)?INDEX\\s+CONCURRENTLY\\b"),
            Pattern.compile("^DROP\\s+INDEX\\s+CONCURRENTLY\\b"),
            Pattern.compile("^REINDEX\\b.*\\bCONCURRENTLY\\b", Pattern.DOTALL),
            Pattern.compile("^ALTER\\s+TABLE\\b.*\\bDETACH\\s+PARTITION\\b.*\\bCONCURRENTLY\\b", Pattern.DOTALL),
            Pattern.compile("^VACUUM\\b"),
            Pattern.compile("^(CREATE|DROP)\\s+(DATABASE|TABLESPACE)\\b"),
            Pattern.compile("^ALTER\\s+SYSTEM\\b"));

    private static final Pattern ADD_ENUM_VALUE = Pattern.compile(
            "^ALTER\\s+TYPE\\s+.+?\\s+ADD\\s+VALUE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?'((?:[^']|'')*)'",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    public MigrationSection {
        statements = List.copyOf(statements);
    }

    /**
     * Parses section text. {@code forcedNoTransaction} reflects a {@code -- +migrate NoTransaction}
     * directive in the file.
     */
    public static MigrationSection parse(String file, String text, int firstLine, boolean forcedNoTransaction) {
        List<SqlStatement> statements = StatementSplitter.split(file, text, firstLine);
        String reason = forcedNoTransaction ? "the file says -- +migrate NoTransaction" : detectNonTransactional(statements);
        return new MigrationSection(text, firstLine, statements, reason);
    }

    public boolean transactional() {
        return nonTransactionalReason == null;
    }

    public boolean isEmpty() {
        return statements.isEmpty();
    }

    /**
     * Statements PostgreSQL refuses inside a transaction block, and {@code ALTER TYPE … ADD VALUE}
     * whose new label a later statement of the same section uses (a new label cannot be used
     * before the transaction that added it commits).
     */
    static String detectNonTransactional(List<SqlStatement> statements) {
        List<String> addedLabels = new ArrayList<>();
        for (SqlStatement s : statements) {
            if (mayRefuseTransaction(s.sql())) {
                String upper = s.sql().toUpperCase(Locale.ROOT);
                for (Pattern p : NEVER_IN_TRANSACTION) {
                    if (p.matcher(upper).find()) {
                        return "statement " + s.number() + " (line " + s.line() + ") cannot run inside a transaction: " + s.firstLine();
                    }
                }
            }
            for (String label : addedLabels) {
                if (s.sql().contains("'" + label.replace("'", "''") + "'")) {
                    return "statement " + s.number() + " (line " + s.line() + ") uses enum value '" + label
                            + "' added earlier in the same file, which PostgreSQL allows only after that addition commits";
                }
            }
            Matcher m = ADD_ENUM_VALUE.matcher(s.sql());
            if (m.lookingAt()) { // anchored at the start (^, not MULTILINE): find() would only try every other offset in vain
                addedLabels.add(m.group(1).replace("''", "'"));
            }
        }
        return null;
    }

    /**
     * A necessary condition for one of {@link #NEVER_IN_TRANSACTION} to match, checked without upper-casing the
     * whole statement first (a generated draft holds thousands of long CREATE TABLE statements): the statement
     * starts with VACUUM, REINDEX or ALTER, or with CREATE or DROP followed by whitespace and UNIQUE, INDEX,
     * DATABASE or TABLESPACE. Letters are compared ignoring case; that is exact here, since no character whose
     * upper case is several letters spells a part of these words, and whitespace upper-cases to itself.
     */
    private static boolean mayRefuseTransaction(String sql) {
        for (String word : List.of("VACUUM", "REINDEX", "ALTER")) {
            if (sql.regionMatches(true, 0, word, 0, word.length())) {
                return true;
            }
        }
        int i;
        if (sql.regionMatches(true, 0, "CREATE", 0, 6)) {
            i = 6;
        } else if (sql.regionMatches(true, 0, "DROP", 0, 4)) {
            i = 4;
        } else {
            return false;
        }
        int afterWord = i;
        while (i < sql.length() && " \t\n\013\f\r".indexOf(sql.charAt(i)) >= 0) { // the regex's \s
            i++;
        }
        if (i == afterWord) {
            return false;
        }
        for (String next : List.of("UNIQUE", "INDEX", "DATABASE", "TABLESPACE")) {
            if (sql.regionMatches(true, i, next, 0, next.length())) {
                return true;
            }
        }
        return false;
    }
}
