package dev.sleet.processor.diagnostics;

import javax.tools.Diagnostic.Kind;

/**
 * Every message the processor can report, with a stable code users can search for. The list is
 * documented in docs/DIAGNOSTICS.md; codes are never reused or renumbered.
 */
public enum Diagnostic {
    TABLE_NOT_RECORD("SLEET-E001", "@Table on something that is not a record"),
    NO_COMPONENTS("SLEET-E002", "table record without components"),
    UNSUPPORTED_TYPE("SLEET-E003", "Java type with no PostgreSQL mapping"),
    UNKNOWN_COLUMN("SLEET-E004", "index or constraint names a column the table does not have"),
    REFERENCE_NOT_TABLE("SLEET-E005", "@References to a type that is not a table"),
    REFERENCED_COLUMN_MISSING("SLEET-E006", "@References names a column the referenced table does not have"),
    FOREIGN_KEY_TYPE_MISMATCH("SLEET-E007", "foreign key column type differs from the referenced column type"),
    DUPLICATE_TABLE("SLEET-E008", "two records map to the same table"),
    DUPLICATE_COLUMN("SLEET-E009", "two components map to the same column"),
    DUPLICATE_NAME("SLEET-E010", "two constraints or indexes share a name"),
    IDENTIFIER_TOO_LONG("SLEET-E011", "identifier longer than PostgreSQL's 63 bytes"),
    EMPTY_ENUM("SLEET-E012", "@PgEnum enum without constants"),
    IDENTITY_NOT_INTEGER("SLEET-E013", "@Identity on a non-integer component"),
    IDENTITY_WITH_DEFAULT("SLEET-E014", "@Identity together with a default"),
    NULLABLE_KEY("SLEET-E015", "@Nullable on a primary key or identity component"),
    INDEX_WITHOUT_KEYS("SLEET-E016", "@Index with neither columns nor expressions"),
    EXCLUSION_ELEMENT_SHAPE("SLEET-E017", "@Exclusion.Element needs exactly one of column and expression"),
    SOFT_DELETE_SHAPE("SLEET-E018", "@SoftDelete record lacks the archive components"),
    REFERENCE_NEEDS_COLUMN("SLEET-E019", "@References to a table without a single-column primary key"),
    COLUMN_ATTRIBUTE_MISMATCH("SLEET-E020", "@Column attribute that does not fit the component type"),
    DEFAULT_CONFLICT("SLEET-E021", "conflicting or misplaced default annotations"),
    ORDER_MISMATCH("SLEET-E022", "@Index(order) has more entries than the index has keys"),
    BAD_ENUM_LABEL("SLEET-E023", "enum label empty, duplicated or too long"),
    UNRESOLVED_TYPE("SLEET-E024", "a type the table refers to never became available"),
    CONSTRAINT_WITHOUT_COLUMNS("SLEET-E025", "@Unique or @Exclusion without columns or elements"),
    BLANK_SQL("SLEET-E026", "an expression, operator or type that is blank"),
    ENUMERATED_ORDINAL("SLEET-E027", "@Enumerated(ORDINAL) or a plain Java enum"),
    MIGRATIONS_FOLDER("SLEET-E028", "the migrations folder cannot be read or written"),
    MERGE_CONFLICT("SLEET-E029", "two migrations change the same object differently"),
    SCHEMA_AHEAD("SLEET-E030", "check mode: sources are ahead of the committed migrations"),
    DRAFT_PENDING("SLEET-E031", "check mode: an unreleased draft exists"),
    DESTRUCTIVE_STRICT("SLEET-E032", "destructive statement under -Asleet.strict=true"),
    INTERNAL("SLEET-E033", "unexpected processor failure"),
    BAD_OPTION("SLEET-E034", "invalid processor option"),
    BLANK_NAME("SLEET-E035", "a name attribute that is blank"),

    DESTRUCTIVE("SLEET-W001", "destructive statement in the draft"),
    NO_PRIMARY_KEY("SLEET-W002", "table without a primary key"),
    PARTIAL_COMPILATION("SLEET-W003", "partial compilation: tables of the previous build were not compiled, nothing drafted");

    private final String code;
    private final String title;

    Diagnostic(String code, String title) {
        this.code = code;
        this.title = title;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public Kind kind() {
        return code.startsWith("SLEET-W") ? Kind.WARNING : Kind.ERROR;
    }
}
