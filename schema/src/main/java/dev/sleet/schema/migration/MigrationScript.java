package dev.sleet.schema.migration;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed migration file (format: {@code docs/MIGRATIONS.md}), shared by the processor, the
 * runtime and the CLI.
 *
 * @param name     the migration's identity: the file name without {@code .sql}
 * @param checksum SHA-256 (hex) of the content with CRLF normalized to LF
 * @param draft    the first line is the {@code -- sleet:draft} marker
 * @param up       the Up section
 * @param down     the Down section ({@link MigrationSection#EMPTY} when the file has none)
 */
public record MigrationScript(String name, String checksum, boolean draft, MigrationSection up, MigrationSection down) {

    public static final String DRAFT_MARKER = "-- sleet:draft";

    private static final Pattern DIRECTIVE = Pattern.compile("^\\s*--\\s*\\+migrate\\s+(\\S+)\\s*$");

    /**
     * Parses a migration file.
     *
     * @param fileName the file name, with or without {@code .sql}
     * @throws MigrationFormatException naming the file and line when the file is not a valid migration
     */
    public static MigrationScript parse(String fileName, String content) {
        String name = fileName.endsWith(".sql") ? fileName.substring(0, fileName.length() - 4) : fileName;
        String file = name + ".sql";
        String normalized = content.replace("\r\n", "\n");
        String checksum = checksum(normalized);
        String body = normalized.startsWith("\uFEFF") ? normalized.substring(1) : normalized;
        boolean draft = isDraft(body);

        // Section markers are found line by line; the text between them is split afterwards.
        int upStart = -1;
        int upLine = 0;
        int downStart = -1;
        int downLine = 0;
        int upMarkerEnd = -1;
        int downMarkerStart = -1;
        boolean noTransaction = false;
        int offset = 0;
        int line = 1;
        while (offset <= body.length()) {
            int nl = body.indexOf('\n', offset);
            int end = nl < 0 ? body.length() : nl;
            String text = body.substring(offset, end);
            Matcher m = DIRECTIVE.matcher(text);
            if (m.matches()) {
                String directive = m.group(1).toLowerCase(Locale.ROOT);
                switch (directive) {
                    case "up" -> {
                        if (upStart >= 0) {
                            throw new MigrationFormatException(file, line, "a second '-- +migrate Up' marker; a file has one Up section");
                        }
                        upMarkerEnd = offset;
                        upStart = nl < 0 ? body.length() : nl + 1;
                        upLine = line + 1;
                    }
                    case "down" -> {
                        if (upStart < 0) {
                            throw new MigrationFormatException(file, line, "'-- +migrate Down' comes before '-- +migrate Up'; put the Up section first");
                        }
                        if (downStart >= 0) {
                            throw new MigrationFormatException(file, line, "a second '-- +migrate Down' marker; a file has one Down section");
                        }
                        downMarkerStart = offset;
                        downStart = nl < 0 ? body.length() : nl + 1;
                        downLine = line + 1;
                    }
                    case "notransaction" -> {
                        if (upStart >= 0) {
                            throw new MigrationFormatException(file, line, "'-- +migrate NoTransaction' must come before '-- +migrate Up'");
                        }
                        noTransaction = true;
                    }
                    default -> throw new MigrationFormatException(file, line, "unknown directive '-- +migrate " + m.group(1)
                            + "'; the known ones are Up, Down and NoTransaction");
                }
            }
            if (nl < 0) {
                break;
            }
            offset = nl + 1;
            line++;
        }
        if (upStart < 0) {
            throw new MigrationFormatException(file, 0, "no '-- +migrate Up' line; a migration file starts its SQL with '-- +migrate Up' "
                    + "and may add a '-- +migrate Down' section (see docs/MIGRATIONS.md)");
        }
        if (!StatementSplitter.split(file, body.substring(0, upMarkerEnd)).isEmpty()) {
            throw new MigrationFormatException(file, 1, "SQL before '-- +migrate Up' would never run; move it into the Up section");
        }
        String upText = body.substring(upStart, downStart >= 0 ? downMarkerStart : body.length());
        MigrationSection up = MigrationSection.parse(file, upText, upLine, noTransaction);
        MigrationSection down = downStart >= 0
                ? MigrationSection.parse(file, body.substring(downStart), downLine, noTransaction)
                : MigrationSection.EMPTY;
        return new MigrationScript(name, checksum, draft, up, down);
    }

    /** Whether a file's content starts with the draft marker line, without parsing the rest. */
    public static boolean isDraft(String content) {
        return content.startsWith(DRAFT_MARKER) || content.startsWith("\uFEFF" + DRAFT_MARKER);
    }

    /** The file name, {@code <name>.sql}. */
    public String fileName() {
        return name + ".sql";
    }

    /** SHA-256 (lower-case hex) of {@code content} after CRLF → LF, UTF-8 encoded. */
    public static String checksum(String content) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest(content.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
