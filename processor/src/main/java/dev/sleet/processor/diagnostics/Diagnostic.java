package dev.sleet.processor.diagnostics;

import static dev.sleet.processor.diagnostics.DiagnosticCode.*;

import java.util.ArrayList;
import java.util.List;
import javax.tools.Diagnostic.Kind;

/**
 * Every message the processor reports, with its stable {@link DiagnosticCode} and its text, defined
 * here once. Call sites fill the template's {@code {0}}, {@code {1}}, ... placeholders through
 * {@link #with} and hand the result to the {@link Reporter}; nothing else writes a processor
 * message. Several entries share a code when one mistake can be made in several places (a name
 * over 63 bytes on a table, an enum, a foreign key, ...).
 */
public enum Diagnostic {
    // Tables and columns
    TABLE_NOT_RECORD(E001, "{0} is a {1}, but tables are declared as records; write `public record {0}(long id, ...)`"),
    NO_COMPONENTS(E002, "record {0} has no components, so table {1} would have no columns; declare its columns as components,"
            + " e.g. `record {0}(@Id long id)`"),
    UNSUPPORTED_TYPE(E003, "component {0} has type {1}, which has no PostgreSQL mapping; use a supported type (boolean, short, int,"
            + " long, float, double, BigDecimal, String, UUID, Instant, OffsetDateTime, LocalDateTime, LocalDate, LocalTime, Duration,"
            + " byte[], long[], int[], a @PgEnum enum, or a List, Set or array of a mapped reference type or enum: Double[], not"
            + " double[]) or name the column type with @Column(type = \"jsonb\")"),
    DAO_NO_JDBC_MAPPING(E003, "component {0} has type {1}, which the generated DAO cannot bind to column {2} ({3}); use a mapped"
            + " type ({4}), e.g. String for a jsonb or inet column"),
    DUPLICATE_COLUMN(E009, "component {0} maps to column \"{1}\", which component {2} already uses; give one of them another"
            + " @Column(name = \"...\")"),
    ENUMERATED_ORDINAL(E027, "component {0} has enum type {1}, which is stored neither as a PostgreSQL enum nor as text (ordinals"
            + " break when constants are reordered); annotate {1} with @PgEnum, or the component with @Enumerated(EnumType.STRING)"),
    NULLABLE_PRIMITIVE(E020, "component {0} is a primitive {1}, which can never be null; use the boxed type (e.g. Long) for a"
            + " nullable column or remove @Nullable"),
    LENGTH_NOT_STRING(E020, "length applies to String components only, but {0} is {1}; remove length, or write @Column(type = \"...\")"),
    LENGTH_NEGATIVE(E020, "length {0} of {1} is negative; write a positive length for varchar(n), or 0 for text"),
    PRECISION_NOT_DECIMAL(E020, "precision and scale apply to BigDecimal components only, but {0} is {1}; remove them, or change"
            + " the type to BigDecimal"),
    PRECISION_INVALID(E020, "numeric({0}, {1}) of {2} is not a valid numeric type; write 1 <= precision <= 1000 and"
            + " 0 <= scale <= precision, e.g. @Column(precision = 12, scale = 2)"),
    COLUMN_TYPE_BLANK(E026, "the column type of {0} is blank; write a PostgreSQL type such as \"jsonb\", or leave the attribute out"
            + " to map the Java type"),
    NULLABLE_KEY(E015, "component {0} is part of the primary key, which is never null; remove @Nullable (or nullable = true)"),
    NULLABLE_IDENTITY(E015, "identity column {0} always has a value; remove @Nullable"),
    GENERATION_STRATEGY(E013, "@GeneratedValue(strategy = {0}) on {1} is not supported; write strategy = GenerationType.IDENTITY"
            + " (or use @Identity)"),
    IDENTITY_NOT_INTEGER(E013, "component {0} is {1}, but identity columns must be short, int or long; change the type to long or"
            + " remove @{2}"),
    IDENTITY_WITH_DEFAULT(E014, "identity column {0} gets its values from its sequence and cannot also have a default; remove @{1}"
            + " or @{2}"),
    DEFAULT_AND_DEFAULT_NOW(E021, "component {0} has both @Default and @DefaultNow; keep one of them"),
    DEFAULT_NOW_NOT_TEMPORAL(E021, "@DefaultNow on {0} of type {1} makes no sense; use it on Instant, OffsetDateTime, LocalDateTime,"
            + " LocalDate or LocalTime, or write @Default(\"...\")"),
    UPDATED_AT_NOT_TEMPORAL(E021, "@UpdatedAt on {0} of type {1} cannot hold now(); use it on an Instant, OffsetDateTime or"
            + " LocalDateTime component"),
    DEFAULT_BLANK(E026, "@Default on {0} is blank; write a SQL expression such as \"0\" or \"'new'\""),
    SOFT_DELETE_SHAPE(E018, "@SoftDelete record {0} needs the components {1} (the DAO archives rows through them); add or fix them,"
            + " or remove @SoftDelete"),
    DAO_SOFT_DELETE_COMPONENT_MISSING(E018, "@SoftDelete record {0} lacks the component {1}; add `boolean isArchived, @Nullable Instant"
            + " archivedAt, @Nullable String archivedBy` (archivedBy may be any mapped type)."),
    NO_PRIMARY_KEY(W002, "table {0} has no primary key, so its DAO cannot find, update or delete rows by key; mark the key"
            + " component(s) with @Id"),

    DEFAULT_BARE_WORD(E036, "@Default(\"{0}\") on {1}: PostgreSQL reads the bare word {0} as a column name, which a default"
            + " cannot use; write @Default(\"'{0}'\") for that text, or a function call such as now()"),
    DEFAULT_NOT_A_LABEL(E036, "@Default(\"{0}\") on {1} names {2}, which is not a label of enum type {3}; write one of: {4}"),
    DEFAULT_WRONG_KIND(E036, "@Default(\"{0}\") on {1} is {2}, which a {3} column cannot hold; write {4}"),
    DEFAULT_TOO_LONG(E036, "@Default(\"{0}\") on {1} is {2} characters long, over the {3} characters of {4}; shorten it, or raise"
            + " @Column(length)"),
    DEFAULT_NULL_ON_NOT_NULL(E036, "@Default(\"{0}\") on {1} gives NULL, but the column is NOT NULL; make the component @Nullable"
            + " and drop the @Default, or write another default"),
    SET_NULL_ON_NOT_NULL(E037, "@References(on{0} = SET_NULL) on {1}: the column is NOT NULL, so PostgreSQL would refuse the {2} of"
            + " the referenced row; make the component @Nullable, or use CASCADE, RESTRICT or NO_ACTION"),
    SET_DEFAULT_WITHOUT_DEFAULT(E037, "@References(on{0} = SET_DEFAULT) on {1}: the column has no default, so the {2} of the"
            + " referenced row would set it to NULL{3}; add @Default(\"...\"), or use another action"),
    INDEX_METHOD_MULTICOLUMN(E038, "@Index on {0} uses {1} over {2} keys, but PostgreSQL's {1} indexes take a single key; index one"
            + " column, or use BTREE (or GIST/GIN) for several"),
    INDEX_METHOD_UNIQUE(E038, "@Index on {0} is unique with using = {1}, but only BTREE indexes can be unique in PostgreSQL; use"
            + " BTREE, or declare @Unique"),
    INDEX_METHOD_ORDER(E038, "@Index on {0} gives sort orders with using = {1}, but only BTREE indexes keep an order; remove order,"
            + " or use BTREE"),
    EXCLUSION_METHOD(E038, "@Exclusion on {0} uses {1}, which cannot enforce exclusion constraints; use GIST (or SPGIST, BTREE, HASH"
            + " for a single element)"),
    PG_ENUM_NOT_ENUM(E039, "@PgEnum on {0}, which is a {1}: only a Java enum maps to a PostgreSQL enum type; declare"
            + " `public enum {0} { ... }`, or remove @PgEnum"),
    IGNORED_ON_NON_TABLE(E041, "@{0} on {1}, which is not a @Table record, does nothing; annotate {1} with @Table, or remove @{0}"),
    IGNORED_ON_NON_COLUMN(E041, "@{0} on {1} does nothing: only the components of a @Table record become columns; move it to a"
            + " component of a @Table record, or remove it"),
    ENUM_VALUE_WITHOUT_PG_ENUM(E041, "@EnumValue on {0} does nothing: enum {1} is not a @PgEnum (an @Enumerated(STRING) column stores"
            + " the constant name); annotate {1} with @PgEnum, or remove @EnumValue"),
    ENUMERATED_WITH_PG_ENUM(E041, "@Enumerated on {0} does nothing: enum {1} is a @PgEnum, so the column has its enum type and"
            + " stores its labels; remove @Enumerated, or remove @PgEnum from {1} to store the constant names as text"),
    EXPLICIT_TYPE_WITH_SIZE(E041, "{0} on {1} does nothing with the explicit type \"{2}\"; write the size in the type, e.g."
            + " \"varchar(50)\" or \"numeric(12,2)\", and remove {0}"),
    RENAMED_FROM_OWN_NAME(E042, "@RenamedFrom(\"{0}\") on {1} names its own name, so nothing is renamed; write the old name, or"
            + " remove @RenamedFrom once the rename is released"),
    RENAMED_FROM_CLAIMED_TWICE(E042, "@RenamedFrom(\"{0}\") on {1} claims the old name that {2} claims too; only one {3} can be"
            + " renamed from it"),
    EXPRESSION_REFUSED(E044, "{0} uses {1} in `{2}`, which PostgreSQL refuses in {3} when the migration runs; {4}"),
    REFERENCE_NOT_A_KEY(E045, "@References on {0} points at {1}.{2}, which is neither the primary key nor unique, so PostgreSQL"
            + " refuses the foreign key (no unique constraint matching the given keys); add @Unique(columns = \"{2}\") to {3}, or"
            + " reference its primary key"),
    RENAMED_FROM_NOTHING(E043, "@RenamedFrom(\"{0}\") on {1} matches no {2} of the committed state in {3}, so the change would"
            + " drop and add instead of rename{4}"),

    // Names
    NAME_BLANK(E035, "{0} is blank; write a name or leave the attribute out to derive one"),
    NAME_TOO_LONG(E011, "{0} \"{1}\" is {2} bytes, over PostgreSQL's limit of 63, and would be cut; write {3} with at most 63 bytes"),
    DUPLICATE_TABLE(E008, "records {0} and {1} both map to table {2}; give one of them another @Table(name = \"...\")"),
    TABLE_NAMED_LIKE_ENUM(E010, "table {0} has the name of enum type {1} (PostgreSQL gives every table a type of its name);"
            + " rename the table or the @PgEnum"),
    DUPLICATE_NAME(E010, "{0} has the name \"{1}\", already taken in {2} by {3} (on {4}); give it another name = \"...\""),

    // Indexes and constraints
    UNKNOWN_COLUMN(E004, "{0} names column \"{1}\", which table {2} does not have; columns are: {3}"),
    UNKNOWN_COLUMN_COMPONENT_NAME(E004, "{0} names column \"{1}\", which table {2} does not have (write the column name \"{3}\","
            + " not the component name); columns are: {4}"),
    UNKNOWN_COLUMN_IN_EXPRESSION(E004, "{0} uses {1} in `{2}`, but table {3} has no column of that name; columns are: {4}."
            + " Write an existing column (quoted if it has capitals), or put a text value in single quotes"),
    INDEX_WITHOUT_KEYS(E016, "@Index on {0} has neither columns nor expressions; write columns = {\"...\"} or expressions = {\"...\"}"),
    JAKARTA_INDEX_WITHOUT_KEYS(E016, "@Index on {0} has an empty columnList; write columnList = \"a, b\""),
    ORDER_MISMATCH(E022, "@Index on {0} lists {1} sort orders for {2} keys; write one order per key (columns first, then expressions)"),
    INDEX_EXPRESSION_BLANK(E026, "@Index on {0} has a blank expression; write a SQL expression such as \"lower(email)\""),
    UNIQUE_WITHOUT_COLUMNS(E025, "@Unique on {0} names no columns; write columns = {\"...\"}"),
    JAKARTA_UNIQUE_WITHOUT_COLUMNS(E025, "@UniqueConstraint on {0} names no columns; write columnNames = {\"...\"}"),
    CHECK_BLANK(E026, "@Check on {0} has a blank expression; write a SQL condition such as \"end_time > start_time\""),
    EXCLUSION_WITHOUT_ELEMENTS(E025, "@Exclusion on {0} has no elements; write elements ="
            + " {@Exclusion.Element(column = \"...\", operator = \"=\")}"),
    EXCLUSION_ELEMENT_EMPTY(E017, "@Exclusion.Element on {0} has neither a column nor an expression (a blank one counts as none);"
            + " write exactly one of column = \"...\" and expression = \"...\""),
    EXCLUSION_ELEMENT_BOTH(E017, "@Exclusion.Element on {0} has both a column and an expression; write exactly one of"
            + " column = \"...\" and expression = \"...\""),
    EXCLUSION_OPERATOR_BLANK(E026, "@Exclusion.Element on {0} has a blank operator; write operator = \"=\" or \"&&\""),

    // Enums
    PG_ENUM_NAME_BLANK(E035, "@PgEnum(name) of enum {0} is blank; write a type name such as \"{1}\" or leave the attribute out to"
            + " derive it"),
    PG_ENUM_SCHEMA_BLANK(E035, "@PgEnum(schema) of enum {0} is blank; write a schema name such as \"public\" or leave the attribute"
            + " out to derive it"),
    ENUM_NAME_TOO_LONG(E011, "enum type name \"{0}\" is longer than 63 bytes and PostgreSQL would cut it; write a shorter"
            + " @PgEnum(name = \"...\")"),
    ENUM_SCHEMA_TOO_LONG(E011, "schema name \"{0}\" is longer than 63 bytes; write a shorter @PgEnum(schema = \"...\")"),
    EMPTY_ENUM(E012, "enum {0} has no constants, and a PostgreSQL enum type needs at least one label; add a constant, or drop @PgEnum"),
    ENUM_LABEL_EMPTY(E023, "the label of {0} is empty; write a non-empty @EnumValue(\"...\")"),
    ENUM_LABEL_TOO_LONG(E023, "the label \"{0}\" of {1} is longer than 63 bytes, which PostgreSQL refuses; write a shorter"
            + " @EnumValue(\"...\")"),
    ENUM_LABEL_DUPLICATE(E023, "the label \"{0}\" of {1} is already the label of {2}; give one of them a different @EnumValue(\"...\")"),

    // References
    REFERENCE_NOT_TABLE(E005, "@References on {0} points at {1}, which is not a @Table record; annotate {1} with @Table, or"
            + " reference a table record (table = SomeTable.class)"),
    REFERENCE_TO_UNBOUND_TABLE(E005, "@References on {0} points at {1}, a table that could not be bound; annotate {1} with @Table,"
            + " or reference a table record (table = SomeTable.class)"),
    REFERENCE_TARGET_WITHOUT_KEY(E019, "@References on {0} points at table {1}, which has no primary key; name the referenced column"
            + " with @References(table = {2}.class, column = \"...\")"),
    REFERENCE_TARGET_COMPOSITE_KEY(E019, "@References on {0} points at table {1}, which has a composite primary key; name the"
            + " referenced column with @References(table = {2}.class, column = \"...\")"),
    REFERENCED_COLUMN_MISSING(E006, "@References on {0} names column \"{1}\", which table {2} does not have; columns are: {3}"),
    FOREIGN_KEY_TYPE_MISMATCH(E007, "column {0} is {1} but it references {2}.{3} of type {4}; give component {5} the Java type of"
            + " {6}.{7} ({8})"),
    FOREIGN_KEY_NAME_BLANK(E035, "foreign key name of {0} is blank; write a name or leave it out to derive \"{1}\""),
    FOREIGN_KEY_NAME_TOO_LONG(E011, "foreign key name \"{0}\" is over PostgreSQL's 63-byte limit and would be cut; write"
            + " @References(name = \"...\") with at most 63 bytes"),

    // The compilation
    UNRESOLVED_TYPE(E024, "{0} uses a type that does not exist (or was never generated); fix the type of the component or the"
            + " @References(table = ...) class"),
    OPTION_NOT_A_MODE(E034, "-A{0}={1} is not a mode; write generate, check or off"),
    OPTION_MODE_NEEDS_FOLDER(E034, "-A{0}={1} needs the migrations folder; add -A{2}=<dir> (e.g. -A{2}=${project.basedir}/migrations)"),
    OPTION_NOT_A_BOOLEAN(E034, "-A{0}={1} is not a boolean; write true or false"),
    OPTION_NOT_AN_INSTANT(E034, "-A{0}={1} is not an ISO instant; write e.g. 2026-11-22T02:15:00Z"),
    OPTION_BAD_LINT_POLICY(E034, "-A{0}: {1}"),
    OPTION_BAD_OWNER_NAME(E034, "-A{0}={1} is not an owner name; write lower-case letters, digits, '-' or '_', starting with a"
            + " letter, e.g. -A{0}=team-d"),
    PROCESSOR_FAILED(E033, "Sleet's processor failed ({0}); please report this with the stack trace: {1}"),
    DAO_GENERATION_FAILED(E033, "generating the DAO of {0} failed ({1}); please report this with the stack trace: {2}"),
    DAO_WRITE_FAILED(E033, "Could not write {0}.{1}: {2}; check that the generated-sources directory is writable."),

    // Citus
    CITUS_DISTRIBUTE_BY_BLANK(E060, "@Table(distributeBy) on {0} is blank; write the distribution column, e.g. distributeBy = \"tenant_id\","
            + " or leave the attribute out"),
    CITUS_DISTRIBUTE_BY_UNKNOWN(E060, "@Table(distributeBy = \"{0}\") on {1}: table {2} has no column {0}; write one of its columns: {3}"),
    CITUS_REFERENCE_AND_DISTRIBUTED(E060, "{0} is both a reference table and distributed by {1}; a reference table is copied whole to every"
            + " node and has no distribution column: remove reference = true or distributeBy"),
    CITUS_COLOCATE_WITHOUT_DISTRIBUTE(E060, "@Table(colocateWith = {1}.class) on {0} needs distributeBy: only distributed tables are"
            + " co-located; add distributeBy = \"...\" or remove colocateWith"),
    CITUS_COLOCATE_NOT_DISTRIBUTED(E060, "{0} is to be co-located with {1}, which {2}; co-locate with a record that has @Table(distributeBy ="
            + " \"...\"), or leave colocateWith out"),
    CITUS_COLOCATE_TYPE_MISMATCH(E060, "{0} is distributed by {1} ({2}) but co-located with {3}, distributed by {4} ({5}); Citus co-locates"
            + " only tables whose distribution columns have the same type: give both columns one type, or leave colocateWith out"),
    CITUS_PRIMARY_KEY_WITHOUT_COLUMN(E061, "the primary key ({0}) of distributed table {1} does not include the distribution column {2};"
            + " Citus enforces a key within each shard, so it refuses keys without that column: mark the component of {2} with @Id"
            + " as well (a composite key)"),
    CITUS_UNIQUE_WITHOUT_COLUMN(E061, "{0} {1} ({2}) of distributed table {3} does not include the distribution column {4}; Citus"
            + " enforces uniqueness within each shard, so it refuses this: add \"{4}\" to its columns"),
    CITUS_EXCLUSION_WITHOUT_COLUMN(E061, "exclusion constraint {0} of distributed table {1} does not compare the distribution column {2}"
            + " with =; Citus enforces an exclusion within each shard, so it refuses this: add"
            + " @Exclusion.Element(column = \"{2}\", operator = \"=\") to its elements"),
    CITUS_FOREIGN_KEY_NOT_COLOCATED(E062, "foreign key {0} from {1} to {2}: the two distributed tables are not co-located ({1} is"
            + " distributed by {3} of type {4}, {2} by {5} of type {6}); Citus checks foreign keys within a colocation group:"
            + " distribute both by columns of one type, or make {2} a reference table (@Table(reference = true))"),
    CITUS_FOREIGN_KEY_OFF_DISTRIBUTION_COLUMN(E062, "foreign key {0} from {1}.{2} to {3}.{4} does not link the distribution columns"
            + " ({1}.{5} and {3}.{6}); Citus checks a foreign key between distributed tables within one shard, so it must go from"
            + " the distribution column to the distribution column: reference {3}.{6} from {1}.{5}, or make {3} a reference table"
            + " (@Table(reference = true))"),
    CITUS_FOREIGN_KEY_TO_PLAIN(E062, "foreign key {0} from Citus table {1} to {2}, a plain table that lives on the coordinator only;"
            + " Citus cannot check it from the shards: make {2} a reference table (@Table(reference = true)) or distribute it"),
    CITUS_FOREIGN_KEY_REFERENCE_TO_DISTRIBUTED(E062, "foreign key {0} from reference table {1} to distributed table {2}; the copy of"
            + " {1} on every node cannot point into shards on other nodes: make {2} a reference table too, or distribute {1}"),
    CITUS_FOREIGN_KEY_PLAIN_TO_DISTRIBUTED(E062, "foreign key {0} from plain table {1} to distributed table {2}; Citus refuses foreign"
            + " keys from local tables to distributed ones: distribute {1} by the same column, or make {2} a reference table"),
    CITUS_UNNAMED_CONSTRAINT(E063, "{0} of Citus table {1} has no explicit name (Sleet would derive {2}); every constraint of a"
            + " distributed or reference table needs one: Citus creates it on every shard under that name, and a derived name"
            + " follows the columns, so renaming one would re-create the constraint on every shard: write name = \"{2}\""),

    // Migrations
    MIGRATIONS_FOLDER(E028, "migrations folder {0}: {1}"),
    /** The text is the journal's own account of the two migrations and the objects they both change. */
    MERGE_CONFLICT(E029, "{0}"),

    // Ownership: overlays and the shared module
    OVERLAY_REDEFINES_SHARED_TABLE(E050, "record {0} declares table {1}, which the shared module {2} owns; overlay {3} never"
            + " creates, alters or drops it. To use the table, reference it (@References(table = <its record>)) and delete {0};"
            + " to change it, change it in its owner {2}; an overlay table that should become shared moves there with"
            + " `sleet promote`"),
    OVERLAY_REDEFINES_SHARED_ENUM(E050, "enum {0} declares type {1} with labels {2}, but the shared module {3} owns {1} with"
            + " labels {4}; overlay {5} never creates or alters it: use the shared module's enum, or change the type in {3}"),
    TABLE_CLAIMED_TWICE(E051, "record {0} declares table {1}, which overlay {2} already owns (its claim is on the class path at"
            + " {3}); one table has one owner: rename one of the two, or promote the table to the shared module with"
            + " `sleet promote` so that both overlays reference it"),
    OVERLAY_MIGRATION_ALTERS_SHARED(E052, "migration {0}, line {1}: `{2}` changes {3}, which the shared module {4} owns;"
            + " overlay {5} never changes a shared object. Write the change as a migration of the shared module, or, for a"
            + " table of this overlay, check the name"),
    OVERLAY_WITHOUT_SHARED(E053, "-Asleet.overlay={0} makes this module an overlay, but no shared schema ({1}) is on the class"
            + " path; add the shared module as a dependency (its jar ships the snapshot) and build it first"),
    OVERLAY_SHARED_UNREADABLE(E053, "the shared schema {0} on the class path cannot be read ({1}); rebuild the shared module"),
    SCHEMA_AHEAD(E030, "the sources are ahead of the committed migrations in {0}: {1}. Build with -Asleet.mode=generate to write"
            + " the draft, review it, release it and commit it"),
    DRAFT_PENDING(E031, "migration {0} in {1} is still a draft; review it, delete its first line ({2}) to release it, and commit it"),
    DESTRUCTIVE_STRICT(E032, "{0} {1} ({2}) in migration {3}: {4}; -Asleet.strict=true refuses destructive changes: undo the change"
            + " in the sources, use @RenamedFrom for a rename, or build without sleet.strict to accept it"),
    DESTRUCTIVE(W001, "{0} {1} ({2}) in migration {3}: {4}; review it, or use @RenamedFrom if this was meant as a rename"),
    /** A migration lint finding: code, file:line, message, lock, safe form. */
    LINT(W004, "{0} {1}:{2} {3}. Why: {4}. Safe form: {5} (silence a reviewed case with -Asleet.lint={0}=off or, in a"
            + " hand-written file, -- sleet:nolint {0} <reason>)"),
    LINT_ERROR(E040, "{0} {1}:{2} {3}. Why: {4}. Safe form: {5} (the project's lint policy makes {0} an error; fix the statement,"
            + " or lower the severity in sleet-lint.properties or -Asleet.lint)"),
    STALE_DAOS(E070, "stale DAOs: {0} of the previous build {1} not part of this compilation (which saw {2}): {3}. Their DAOs"
            + " in the class output were generated by {4}, and this build runs {5}, so they may no longer match what this"
            + " processor generates. Run a full build (mvn clean compile, or the IDE's Rebuild) so every DAO is generated again"),
    PARTIAL_COMPILATION(W003, "partial compilation: {0} of the previous build {1} not part of this compilation (which saw {2}): {3}."
            + " The migration draft, the check against the migrations folder, and {4} were left as they were, since the schema of"
            + " this compilation alone would drop those tables. Run a full build (mvn compile, or the IDE's Rebuild) to refresh the"
            + " draft; if such a record was deleted, its stale class file still exists: delete it (mvn clean compile)");

    private final DiagnosticCode code;
    private final String template;
    private final int arity;

    Diagnostic(DiagnosticCode code, String template) {
        this.code = code;
        this.template = template;
        this.arity = arity(template);
    }

    public DiagnosticCode code() {
        return code;
    }

    public Kind kind() {
        return code.kind();
    }

    public String template() {
        return template;
    }

    /** How many arguments {@link #with} takes: one more than the highest placeholder. */
    public int arity() {
        return arity;
    }

    /** The message with its placeholders filled; the argument count must match the template's. */
    public Message with(Object... args) {
        if (args.length != arity) {
            throw new IllegalArgumentException(name() + " takes " + arity + " arguments, got " + args.length);
        }
        StringBuilder out = new StringBuilder(template.length() + 64);
        for (Placeholder p : placeholders(template)) {
            out.append(template, p.textStart(), p.start());
            if (p.index() >= 0) {
                out.append(args[p.index()]);
            }
        }
        return new Message(this, out.toString());
    }

    /** A placeholder {@code {n}} at [start, end), preceded by the literal text from textStart; index -1 closes the template. */
    private record Placeholder(int textStart, int start, int end, int index) {
    }

    private static List<Placeholder> placeholders(String template) {
        List<Placeholder> out = new ArrayList<>();
        int textStart = 0;
        for (int i = 0; i < template.length(); i++) {
            if (template.charAt(i) != '{') {
                continue;
            }
            int j = i + 1;
            while (j < template.length() && Character.isDigit(template.charAt(j))) {
                j++;
            }
            // Only {digits} is a placeholder: {"..."} and ${project.basedir} are text.
            if (j > i + 1 && j < template.length() && template.charAt(j) == '}') {
                out.add(new Placeholder(textStart, i, j + 1, Integer.parseInt(template.substring(i + 1, j))));
                textStart = j + 1;
                i = j;
            }
        }
        out.add(new Placeholder(textStart, template.length(), template.length(), -1));
        return out;
    }

    private static int arity(String template) {
        return placeholders(template).stream().mapToInt(Placeholder::index).max().orElse(-1) + 1;
    }
}
