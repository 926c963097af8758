package dev.sleet.schema.migration;

import java.util.ArrayList;
import java.util.List;
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

    // Matched with lookingAt() at the statement's start, ignoring Unicode case (as the upper-cased copy these
    // were once matched against did: a dotless ı counts as I): a statement that starts otherwise (most of a
    // generated draft: long CREATE TABLEs) fails on its first characters, and no copy of it is made.
    private static final int KEYWORD_CASE = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final List<Pattern> NEVER_IN_TRANSACTION = List.of(
            Pattern.compile("CREATE\\s+(UNIQUE\\s+)?INDEX\\s+CONCURRENTLY\\b", KEYWORD_CASE),
            Pattern.compile("DROP\\s+INDEX\\s+CONCURRENTLY\\b", KEYWORD_CASE),
            Pattern.compile("REINDEX\\b.*\\bCONCURRENTLY\\b", KEYWORD_CASE | Pattern.DOTALL),
            Pattern.compile("ALTER\\s+TABLE\\b.*\\bDETACH\\s+PARTITION\\b.*\\bCONCURRENTLY\\b", KEYWORD_CASE | Pattern.DOTALL),
            Pattern.compile("VACUUM\\b", KEYWORD_CASE),
            Pattern.compile("(CREATE|DROP)\\s+(DATABASE|TABLESPACE)\\b", KEYWORD_CASE),
            Pattern.compile("ALTER\\s+SYSTEM\\b", KEYWORD_CASE));

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
            for (Pattern p : NEVER_IN_TRANSACTION) {
                if (p.matcher(s.sql()).lookingAt()) {
                    return "statement " + s.number() + " (line " + s.line() + ") cannot run inside a transaction: " + s.firstLine();
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
}
