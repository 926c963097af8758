package dev.sleet.schema.migration;

import dev.sleet.schema.sql.SqlLexer;
import dev.sleet.schema.sql.SqlLexer.Kind;
import dev.sleet.schema.sql.SqlLexer.Token;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits SQL text into statements at each {@code ;} that stands outside string literals, quoted identifiers,
 * comments and dollar-quoted bodies, reading the text through {@link SqlLexer}.
 *
 * <p>A last statement without {@code ;} is accepted when the text ends cleanly, as psql and the server accept
 * it. Only true truncation is refused: a string literal, quoted identifier, dollar-quoted body or block comment
 * still open at the end of the text, since running the part that is there would apply half a change. psql
 * meta-commands ({@code \connect}, {@code \i}, {@code \set}, …) and {@code COPY … FROM stdin} with its inline
 * data are psql features, not SQL: they are refused with the line they are on.
 */
public final class StatementSplitter {
    private final String file;
    private final String text;
    private final int firstLine;
    private final int[] lineStarts;

    private StatementSplitter(String file, String text, int firstLine) {
        this.file = file;
        this.text = text;
        this.firstLine = firstLine;
        this.lineStarts = lineStarts(text);
    }

    /** Splits {@code text}, whose first line is line 1 of {@code file}. */
    public static List<SqlStatement> split(String file, String text) {
        return split(file, text, 1);
    }

    /** Splits {@code text}, whose first line is line {@code firstLine} of {@code file} (for sections of a file). */
    public static List<SqlStatement> split(String file, String text, int firstLine) {
        return new StatementSplitter(file, text, firstLine).split();
    }

    private List<SqlStatement> split() {
        List<SqlStatement> statements = new ArrayList<>();
        int start = -1; // offset of the current statement's first significant character
        int end = -1; // end of its last significant token (where a last statement without ';' ends)
        List<Token> words = new ArrayList<>(); // the current statement's first words, to recognise COPY … FROM stdin
        for (Token t : SqlLexer.tokenize(text)) {
            if (!t.terminated()) {
                throw error(t.start(), unterminated(t));
            }
            if (t.isTrivia()) {
                continue;
            }
            if (t.is(Kind.PUNCTUATION, ";")) {
                if (start >= 0) {
                    // Up to the ';': a comment before it stays with the statement, as the server would see it.
                    statements.add(statement(statements.size() + 1, start, t.start(), words));
                    start = -1;
                    words.clear();
                }
                continue;
            }
            if (t.is(Kind.PUNCTUATION, "\\") && isFirstOnLine(t.start())) {
                throw error(t.start(), "psql meta-command " + lineAt(t.start()) + " is not SQL; Sleet runs each statement itself, "
                        + "so write the SQL it stands for (\\i: put the included file's statements here; \\connect: one migration "
                        + "folder per database)");
            }
            if (start < 0) {
                start = t.start();
            }
            end = t.end();
            if (words.size() < 64) {
                words.add(t);
            }
        }
        if (start >= 0) {
            statements.add(statement(statements.size() + 1, start, end, words));
        }
        return List.copyOf(statements);
    }

    private SqlStatement statement(int number, int start, int end, List<Token> words) {
        refuseCopyFromStdin(start, words);
        return new SqlStatement(number, lineOf(start), text.substring(start, end).strip());
    }

    /** {@code COPY t FROM stdin;} is followed by data lines that only psql knows how to send. */
    private void refuseCopyFromStdin(int start, List<Token> words) {
        if (words.isEmpty() || !words.get(0).text().equalsIgnoreCase("copy")) {
            return;
        }
        for (int i = 1; i + 1 < words.size(); i++) {
            if (words.get(i).text().equalsIgnoreCase("from") && words.get(i + 1).text().equalsIgnoreCase("stdin")) {
                throw error(start, "COPY … FROM stdin reads inline data that only psql sends; load the rows with INSERT "
                        + "statements, or COPY from a file the server can read, in a migration of their own");
            }
        }
    }

    private String unterminated(Token t) {
        return switch (t.kind()) {
            case STRING -> "a string literal opened here is never closed — the file looks truncated; add the closing quote";
            case QUOTED_IDENTIFIER -> "a quoted identifier opened here is never closed — the file looks truncated; add the closing \"";
            case BLOCK_COMMENT -> "a /* comment opened here is never closed — the file looks truncated; add the closing */";
            case DOLLAR_QUOTED -> {
                String tag = t.text().substring(0, t.text().indexOf('$', 1) + 1);
                yield "the dollar-quoted body " + tag + " opened here is never closed — the file looks truncated; add the closing " + tag;
            }
            default -> "the text ends inside " + t.kind();
        };
    }

    private boolean isFirstOnLine(int offset) {
        for (int i = offset - 1; i >= 0 && text.charAt(i) != '\n'; i--) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private String lineAt(int offset) {
        int nl = text.indexOf('\n', offset);
        String line = (nl < 0 ? text.substring(offset) : text.substring(offset, nl)).strip();
        return line.length() > 60 ? line.substring(0, 60) + "…" : line;
    }

    private MigrationFormatException error(int offset, String problem) {
        return new MigrationFormatException(file, lineOf(offset), problem);
    }

    private int lineOf(int offset) {
        int idx = Arrays.binarySearch(lineStarts, offset);
        int zeroBased = idx >= 0 ? idx : -idx - 2;
        return firstLine + zeroBased;
    }

    /** Where each line begins. Found with {@code indexOf}, which a cold run does not interpret character by character. */
    private static int[] lineStarts(String text) {
        int count = 1;
        for (int nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', nl + 1)) {
            count++;
        }
        int[] starts = new int[count];
        int k = 1;
        for (int nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', nl + 1)) {
            starts[k++] = nl + 1;
        }
        return starts;
    }
}
