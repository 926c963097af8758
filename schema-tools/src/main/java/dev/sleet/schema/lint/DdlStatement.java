package dev.sleet.schema.lint;

import dev.sleet.schema.model.QualifiedName;
import java.util.List;

/**
 * What a migration statement does, as far as locks and data are concerned. Unqualified names are
 * read in schema {@code public} (the search path migrations run with). Statements the linter has
 * no rule for are {@link Other}.
 */
sealed interface DdlStatement {

    record CreateTable(QualifiedName table) implements DdlStatement {
    }

    record CreateIndex(QualifiedName index, QualifiedName table, boolean unique, boolean concurrently) implements DdlStatement {
    }

    record DropIndex(List<QualifiedName> indexes, boolean concurrently) implements DdlStatement {
    }

    record AlterTable(QualifiedName table, List<Action> actions) implements DdlStatement {
    }

    record DropTable(List<QualifiedName> tables) implements DdlStatement {
    }

    record DropSchema(List<String> schemas) implements DdlStatement {
    }

    record DropType(List<QualifiedName> types) implements DdlStatement {
    }

    /** {@code SET [LOCAL] lock_timeout = …}; {@code disables} for 0, which means "wait forever". */
    record SetLockTimeout(boolean disables) implements DdlStatement {
    }

    /** BEGIN / START TRANSACTION ({@code begin}) or COMMIT / END / ROLLBACK. */
    record TransactionControl(boolean begin) implements DdlStatement {
    }

    record Other() implements DdlStatement {
    }

    /** One action of an {@code ALTER TABLE}. */
    sealed interface Action {
    }

    /**
     * @param defaultExpression the DEFAULT expression as written, or null
     * @param generatesValues   identity, serial or a stored generated column: every existing row gets a computed value
     */
    record AddColumn(String column, String type, boolean notNull, String defaultExpression, boolean generatesValues,
                     ConstraintKind inlineConstraint) implements Action {
    }

    record DropColumn(String column) implements Action {
    }

    record AlterType(String column, String type) implements Action {
    }

    record SetNotNull(String column) implements Action {
    }

    /**
     * @param kind        what the constraint checks
     * @param notValid    written with NOT VALID (existing rows are not checked now)
     * @param usingIndex  UNIQUE / PRIMARY KEY … USING INDEX (adopts an index built beforehand)
     * @param expression  the CHECK expression, or null
     * @param references  the table a FOREIGN KEY references, or null
     */
    record AddConstraint(String name, ConstraintKind kind, boolean notValid, boolean usingIndex, String expression,
                         QualifiedName references) implements Action {
    }

    record ValidateConstraint(String name) implements Action {
    }

    record RenameColumn(String from, String to) implements Action {
    }

    /** RENAME TO or SET SCHEMA: the table's name changes. */
    record RenameTable(String to) implements Action {
    }

    /** Any other action; takes ACCESS EXCLUSIVE like most ALTER TABLE forms. */
    record OtherAction(String words) implements Action {
    }

    enum ConstraintKind { CHECK, FOREIGN_KEY, UNIQUE, PRIMARY_KEY, EXCLUDE, OTHER }
}
