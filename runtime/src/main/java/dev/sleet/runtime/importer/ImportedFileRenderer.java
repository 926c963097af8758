package dev.sleet.runtime.importer;

import dev.sleet.schema.migration.MigrationDirective;
import dev.sleet.schema.migration.MigrationFormatException;
import dev.sleet.schema.migration.MigrationScript;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a {@link ForeignMigration} as a Sleet migration file: a first comment line naming the
 * tool, the original name and files (machine-readable: {@code -- sleet:imported <tool> <name>}),
 * then {@code -- +migrate NoTransaction} when the migration cannot run in a transaction, then the
 * Up section and, when the tool had one, the Down section, each with its SQL exactly as written.
 */
final class ImportedFileRenderer {
    static final String MARKER = "-- sleet:imported";

    private static final Pattern DETECTOR_LINE = Pattern.compile("\\(line (\\d+)\\)");

    private ImportedFileRenderer() {
    }

    /**
     * @throws ImportRefusedException when the SQL holds a line Sleet would read as a directive, or
     *                                does not parse (the message names the original file and line)
     */
    static ImportedMigration render(SourceFormat format, ForeignMigration m, String name) {
        refuseDirectives(m, m.up(), 0);
        if (m.down() != null) {
            refuseDirectives(m, m.down(), 1);
        }
        String reason = m.noTransactionReason();
        if (reason == null) {
            // The SQL decides: what PostgreSQL refuses inside a transaction block is marked so the file says so itself.
            String plain = text(format, m, null);
            MigrationScript script = parse(m, name, plain, 0);
            if (script.up().transactional()) {
                return new ImportedMigration(name, m, plain, script);
            }
            reason = inOriginalLines(m, script.up().nonTransactionalReason());
        }
        String content = text(format, m, reason);
        return new ImportedMigration(name, m, content, parse(m, name, content, 2));
    }

    /** The detector counts lines of the file without the directive; point at the line of the original file instead. */
    private static String inOriginalLines(ForeignMigration m, String reason) {
        Matcher line = DETECTOR_LINE.matcher(reason);
        if (!line.find()) {
            return reason;
        }
        int original = Integer.parseInt(line.group(1)) - 2;
        return reason.substring(0, line.start()) + "(" + m.sourceFiles().get(0) + ":" + original + ")" + reason.substring(line.end());
    }

    private static String text(SourceFormat format, ForeignMigration m, String noTransactionReason) {
        StringBuilder sb = new StringBuilder();
        sb.append(MARKER).append(' ').append(format.cliName()).append(' ').append(m.originalName())
                .append(" (from ").append(String.join(", ", m.sourceFiles())).append(")\n");
        if (noTransactionReason != null) {
            sb.append("-- no transaction: ").append(noTransactionReason.replaceAll("\\R", " ")).append('\n');
            sb.append(MigrationDirective.NO_TRANSACTION.line()).append('\n');
        }
        sb.append(MigrationDirective.UP.line()).append('\n');
        appendSection(sb, m.up());
        if (m.down() != null) {
            sb.append(MigrationDirective.DOWN.line()).append('\n');
            appendSection(sb, m.down());
        }
        return sb.toString();
    }

    private static void appendSection(StringBuilder sb, String sql) {
        String text = sql.startsWith("\uFEFF") ? sql.substring(1) : sql;
        sb.append(text);
        if (!text.isEmpty() && !text.endsWith("\n")) {
            sb.append('\n');
        }
    }

    private static MigrationScript parse(ForeignMigration m, String name, String content, int extraHeaderLines) {
        try {
            return MigrationScript.parse(name + ".sql", content);
        } catch (MigrationFormatException e) {
            throw new ImportRefusedException(locate(m, e, 2 + extraHeaderLines) + ": " + problemOf(e) + " (imported as " + name + ".sql)");
        }
    }

    /** The original file and line of a problem the parser reported at a line of the rendered file. */
    private static String locate(ForeignMigration m, MigrationFormatException e, int headerLines) {
        if (e.line() <= 0) {
            return m.sourceFiles().get(0);
        }
        int upLines = lineCount(m.up());
        int upLine = e.line() - headerLines;
        if (upLine <= upLines || m.down() == null || m.sourceFiles().size() < 2) {
            return m.sourceFiles().get(0) + ":" + Math.max(upLine, 1);
        }
        return m.sourceFiles().get(1) + ":" + (upLine - upLines - 1);
    }

    private static String problemOf(MigrationFormatException e) {
        String message = e.getMessage();
        String prefix = e.file() + (e.line() > 0 ? ":" + e.line() : "") + ": ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }

    private static int lineCount(String text) {
        if (text.isEmpty()) {
            return 0;
        }
        int lines = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n' && i < text.length() - 1) {
                lines++;
            }
        }
        return lines;
    }

    private static void refuseDirectives(ForeignMigration m, String sql, int fileIndex) {
        String file = m.sourceFiles().get(Math.min(fileIndex, m.sourceFiles().size() - 1));
        String[] lines = sql.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            boolean directive;
            try {
                directive = MigrationDirective.of(lines[i].replace("\r", ""), file, i + 1) != null;
            } catch (MigrationFormatException e) {
                directive = true; // an unknown "-- +migrate" word: Sleet would refuse the file
            }
            if (directive) {
                throw new ImportRefusedException(file + ":" + (i + 1) + ": the line '" + lines[i].strip() + "' would be read by Sleet as a "
                        + "section directive; remove or reword the comment and import again");
            }
        }
    }
}
