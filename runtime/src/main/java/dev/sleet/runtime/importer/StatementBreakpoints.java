package dev.sleet.runtime.importer;

import dev.sleet.schema.migration.MigrationFormatException;
import dev.sleet.schema.migration.SqlStatement;
import dev.sleet.schema.migration.StatementSplitter;
import java.util.List;

/**
 * drizzle runs the text between two {@code --> statement-breakpoint} markers as one query, so a
 * statement there may end at the marker without a {@code ;}. Sleet splits at {@code ;}, and the
 * marker is only a comment to it; so where a chunk's last statement is not terminated, the
 * {@code ;} drizzle implied is written in front of the marker. That is the only change an import
 * makes to the SQL text, and each one is noted.
 */
final class StatementBreakpoints {
    static final String MARKER = "--> statement-breakpoint";

    /** A statement the splitter sees as separate only if the text before it ended its last statement. */
    private static final String SENTINEL = "SELECT 1";

    private StatementBreakpoints() {
    }

    static String terminateChunks(String fileName, String content, List<String> notes) {
        StringBuilder out = new StringBuilder(content.length() + 8);
        int from = 0;
        int marker;
        while ((marker = content.indexOf(MARKER, from)) >= 0) {
            String chunk = content.substring(from, marker);
            int line = lineOf(content, from);
            out.append(chunk);
            if (!endsTerminated(fileName, chunk, line)) {
                if (!endsTerminated(fileName, chunk + ";", line)) {
                    throw new ImportRefusedException(fileName + ":" + lineOf(content, marker) + ": the statement before this "
                            + "statement-breakpoint does not end there (the marker sits inside a comment or literal); put the marker "
                            + "on a line of its own after the statement");
                }
                out.append(';');
                notes.add(fileName + ":" + lineOf(content, marker) + ": added the ';' that the statement-breakpoint implied");
            }
            out.append(MARKER);
            from = marker + MARKER.length();
        }
        out.append(content, from, content.length());
        return out.toString();
    }

    private static boolean endsTerminated(String fileName, String chunk, int firstLine) {
        try {
            List<SqlStatement> statements = StatementSplitter.split(fileName, chunk + "\n" + SENTINEL + ";", firstLine);
            return statements.get(statements.size() - 1).sql().equals(SENTINEL);
        } catch (MigrationFormatException e) {
            throw new ImportRefusedException(e.getMessage());
        }
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
