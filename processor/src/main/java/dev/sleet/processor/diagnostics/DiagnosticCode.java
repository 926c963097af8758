package dev.sleet.processor.diagnostics;

import javax.tools.Diagnostic.Kind;

/**
 * The stable codes users search for, each with what it means. Codes are never reused or
 * renumbered; every one has a section with an example and its fix in docs/DIAGNOSTICS.md. The
 * messages themselves are the entries of {@link Diagnostic}, several of which may share a code.
 */
public enum DiagnosticCode {
    E001("@Table on something that is not a record"),
    E002("table record without components"),
    E003("Java type with no PostgreSQL mapping"),
    E004("index or constraint names a column the table does not have"),
    E005("@References to a type that is not a table"),
    E006("@References names a column the referenced table does not have"),
    E007("foreign key column type differs from the referenced column type"),
    E008("two records map to the same table"),
    E009("two components map to the same column"),
    E010("two constraints or indexes share a name"),
    E011("identifier longer than PostgreSQL's 63 bytes"),
    E012("@PgEnum enum without constants"),
    E013("@Identity on a non-integer component"),
    E014("@Identity together with a default"),
    E015("@Nullable on a primary key or identity component"),
    E016("@Index with neither columns nor expressions"),
    E017("@Exclusion.Element needs exactly one of column and expression"),
    E018("@SoftDelete record lacks the archive components"),
    E019("@References to a table without a single-column primary key"),
    E020("@Column attribute that does not fit the component type"),
    E021("conflicting or misplaced default annotations"),
    E022("@Index(order) has more entries than the index has keys"),
    E023("enum label empty, duplicated or too long"),
    E024("a type the table refers to never became available"),
    E025("@Unique or @Exclusion without columns or elements"),
    E026("an expression, operator or type that is blank"),
    E027("@Enumerated(ORDINAL) or a plain Java enum"),
    E028("the migrations folder cannot be read or written"),
    E029("two migrations change the same object differently"),
    E030("check mode: sources are ahead of the committed migrations"),
    E031("check mode: an unreleased draft exists"),
    E032("destructive statement under -Asleet.strict=true"),
    E033("unexpected processor failure"),
    E034("invalid processor option"),
    E035("a name attribute that is blank"),
    E036("@Default that does not fit the column type"),
    E037("referential action the column cannot take"),
    E038("index or exclusion the access method cannot build"),
    E039("@PgEnum on something that is not an enum"),
    E040("migration lint finding the project's policy makes an error"),
    E041("annotation that would be ignored where it is written"),
    E042("@RenamedFrom naming the element's own name, or an old name claimed twice"),
    E043("@RenamedFrom that matches nothing in the committed state"),
    E044("expression PostgreSQL refuses where it is written (subquery, aggregate, non-IMMUTABLE function in an index)"),
    E045("@References to a column that is neither the primary key nor unique"),
    // E050-E059: ownership between a shared module and its overlays (docs/OVERLAYS.md)
    E050("overlay record or enum redefining an object the shared module owns"),
    E051("one table claimed by two overlays"),
    E052("hand-written overlay migration changing an object the shared module owns"),
    E053("overlay module without a readable shared schema on the class path"),
    E060("@Table(distributeBy, colocateWith, reference) that Citus cannot apply"),
    E061("primary key, unique constraint or index, or exclusion of a distributed table without the distribution column"),
    E062("foreign key Citus refuses between distributed, reference and plain tables"),
    E063("constraint of a Citus table without an explicit name"),
    E070("partial compilation after a processor change: DAOs of records not recompiled are stale"),

    W001("destructive statement in the draft"),
    W002("table without a primary key"),
    W003("partial compilation: tables of the previous build were not compiled, nothing drafted"),
    W004("migration lint finding (lock, rewrite, data-dependent or backward-incompatible statement)");

    private final String title;

    DiagnosticCode(String title) {
        this.title = title;
    }

    /** The code as printed, e.g. {@code SLEET-E004}. */
    public String code() {
        return "SLEET-" + name();
    }

    /** What the code means, one line (the docs' table). */
    public String title() {
        return title;
    }

    public Kind kind() {
        return name().startsWith("W") ? Kind.WARNING : Kind.ERROR;
    }
}
