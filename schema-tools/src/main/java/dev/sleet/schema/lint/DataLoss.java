package dev.sleet.schema.lint;

import dev.sleet.schema.sql.SqlLexer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether a statement can lose stored data: it drops a table, schema or column, changes a column's
 * type (a Down section's type change is usually the narrowing of an Up's widening), or deletes rows.
 * Used where a command runs SQL the user did not just review, such as {@code rollback} replaying
 * recorded Down sections, to ask for confirmation first. It reads statements with the linter's
 * parser, so it judges what the statement does, not words inside strings or comments.
 */
public final class DataLoss {
    private DataLoss() {
    }

    /** What {@code statement} would lose, one phrase each ("drops table public.events"); empty when nothing. */
    public static List<String> of(String statement) {
        List<String> losses = new ArrayList<>();
        DdlStatement parsed = DdlParser.parse(statement);
        if (parsed instanceof DdlStatement.DropTable drop) {
            drop.tables().forEach(t -> losses.add("drops table " + t));
        } else if (parsed instanceof DdlStatement.DropSchema drop) {
            drop.schemas().forEach(s -> losses.add("drops schema " + s));
        } else if (parsed instanceof DdlStatement.AlterTable alter) {
            for (DdlStatement.Action action : alter.actions()) {
                if (action instanceof DdlStatement.DropColumn d) {
                    losses.add("drops column " + d.column() + " of " + alter.table());
                } else if (action instanceof DdlStatement.AlterType t) {
                    losses.add("changes the type of " + alter.table() + "." + t.column() + " to " + t.type());
                }
            }
        } else if (parsed instanceof DdlStatement.Other) {
            String verb = firstWord(statement);
            if (verb.equals("truncate") || verb.equals("delete")) {
                losses.add("deletes rows (" + verb.toUpperCase(Locale.ROOT) + ")");
            }
        }
        return losses;
    }

    private static String firstWord(String statement) {
        List<SqlLexer.Token> tokens = SqlLexer.significant(statement);
        return !tokens.isEmpty() && tokens.get(0).kind() == SqlLexer.Kind.WORD ? tokens.get(0).text().toLowerCase(Locale.ROOT) : "";
    }
}
