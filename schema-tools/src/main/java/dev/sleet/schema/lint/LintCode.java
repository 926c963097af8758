package dev.sleet.schema.lint;

import dev.sleet.schema.diff.Destructive;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every rule of the migration linter, with a stable code. The families and, where the meaning
 * matches, the numbers follow Atlas ({@code DS} destructive, {@code MF} data-dependent,
 * {@code BC} backward-incompatible, {@code PG} PostgreSQL locks and rewrites), so users can move
 * between the two. {@code NL} codes are about suppressions, {@code LT} about files the linter
 * cannot read. Documented in docs/DIAGNOSTICS.md; codes are never reused or renumbered.
 */
public enum LintCode {
    DS101(Family.DESTRUCTIVE, Severity.WARNING, Destructive.DROP_SCHEMA.risk()),
    DS102(Family.DESTRUCTIVE, Severity.WARNING, Destructive.DROP_TABLE.risk()),
    DS103(Family.DESTRUCTIVE, Severity.WARNING, Destructive.DROP_COLUMN.risk()),
    DS106(Family.DESTRUCTIVE, Severity.WARNING, Destructive.DROP_ENUM_VALUE.risk()),
    DS107(Family.DESTRUCTIVE, Severity.WARNING, Destructive.DROP_ENUM.risk()),

    MF101(Family.DATA_DEPENDENT, Severity.WARNING, "unique index on existing columns; fails if the table holds duplicates"),
    MF102(Family.DATA_DEPENDENT, Severity.WARNING, "unique or primary key constraint on existing columns; fails if the table holds duplicates"),
    MF103(Family.DATA_DEPENDENT, Severity.WARNING, "NOT NULL column added to an existing table without a default; fails if the table has rows"),
    MF104(Family.DATA_DEPENDENT, Severity.WARNING, "SET NOT NULL on an existing column; fails if any row holds NULL"),
    MF105(Family.DATA_DEPENDENT, Severity.WARNING, "column type narrowed; values that do not fit fail or are cut"),

    BC101(Family.BACKWARD_INCOMPATIBLE, Severity.WARNING, "table renamed; the running release still uses the old name"),
    BC102(Family.BACKWARD_INCOMPATIBLE, Severity.WARNING, "column renamed; the running release still uses the old name"),

    PG101(Family.LOCKS, Severity.WARNING, "index created without CONCURRENTLY on an existing table; blocks writes while it builds"),
    PG102(Family.LOCKS, Severity.WARNING, "index dropped without CONCURRENTLY; blocks reads and writes of its table"),
    PG103(Family.TRANSACTIONS, Severity.ERROR, "CONCURRENTLY inside a transaction block; PostgreSQL refuses it"),
    PG104(Family.LOCKS, Severity.WARNING, "foreign key added without NOT VALID; blocks writes on both tables while every row is checked"),
    PG105(Family.LOCKS, Severity.WARNING, "CHECK constraint added without NOT VALID; blocks reads and writes while every row is checked"),
    PG106(Family.LOCKS, Severity.WARNING, "EXCLUDE constraint added to an existing table; blocks reads and writes while its index is built"),
    PG107(Family.LOCKS, Severity.WARNING, "unique or primary key constraint built under the table lock; blocks reads and writes while its index is built"),
    PG108(Family.LOCKS, Severity.WARNING, "column type change rewrites the table; blocks reads and writes for the whole rewrite"),
    PG109(Family.LOCKS, Severity.WARNING, "column with a volatile default, identity or stored expression added; rewrites the table under an ACCESS EXCLUSIVE lock"),
    PG111(Family.LOCKS, Severity.WARNING, "ACCESS EXCLUSIVE lock requested with no lock_timeout; while it waits, every query on the table queues behind it"),
    PG112(Family.TRANSACTIONS, Severity.WARNING, "several tables locked heavily in one transaction; each lock is held until the last statement commits"),

    NL101(Family.SUPPRESSION, Severity.WARNING, "sleet:nolint without a reason"),
    NL102(Family.SUPPRESSION, Severity.WARNING, "sleet:nolint names no known lint code"),
    LT101(Family.FILE, Severity.ERROR, "file cannot be read as a migration");

    /** What a family of codes is about. */
    public enum Family {
        DESTRUCTIVE("DS"), DATA_DEPENDENT("MF"), BACKWARD_INCOMPATIBLE("BC"), LOCKS("PG"), TRANSACTIONS("PG"),
        SUPPRESSION("NL"), FILE("LT");

        private final String prefix;

        Family(String prefix) {
            this.prefix = prefix;
        }

        public String prefix() {
            return prefix;
        }
    }

    private static final Map<String, LintCode> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(LintCode::name, Function.identity()));

    /**
     * The draft's WARNING comments still carry the differ's DS104 and DS105; the linter reports those
     * statements as MF105 and MF104 (Atlas's names), and a nolint naming the old code works too.
     */
    private static final Map<String, LintCode> ALIASES = Map.of("DS104", MF105, "DS105", MF104);

    private final Family family;
    private final Severity defaultSeverity;
    private final String title;

    LintCode(Family family, Severity defaultSeverity, String title) {
        this.family = family;
        this.defaultSeverity = defaultSeverity;
        this.title = title;
    }

    public Family family() {
        return family;
    }

    public Severity defaultSeverity() {
        return defaultSeverity;
    }

    /** One line saying what the rule finds. */
    public String title() {
        return title;
    }

    /** The code for a name written by a user ({@code pg101} or {@code PG101}; {@code DS104}/{@code DS105} as aliases). */
    public static Optional<LintCode> named(String name) {
        String upper = name.strip().toUpperCase(java.util.Locale.ROOT);
        LintCode code = BY_NAME.get(upper);
        return Optional.ofNullable(code != null ? code : ALIASES.get(upper));
    }
}
