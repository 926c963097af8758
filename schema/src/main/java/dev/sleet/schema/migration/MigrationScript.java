package dev.sleet.schema.migration;

/**
 * A parsed migration file (format: {@code docs/MIGRATIONS.md}), shared by the processor, the
 * runtime and the CLI.
 *
 * @param name     the migration's identity: the file name without {@code .sql}
 * @param checksum {@link MigrationChecksum} of the content
 * @param draft    the first line is the {@linkplain DraftMarker draft marker}
 * @param up       the Up section
 * @param down     the Down section ({@link MigrationSection#EMPTY} when the file has none)
 */
public record MigrationScript(String name, String checksum, boolean draft, MigrationSection up, MigrationSection down) {

    /**
     * Parses a migration file.
     *
     * @param fileName the file name, with or without {@code .sql}
     * @throws MigrationFormatException naming the file and line when the file is not a valid migration
     */
    public static MigrationScript parse(String fileName, String content) {
        String name = MigrationNames.nameOf(fileName);
        String file = MigrationNames.fileNameOf(name);
        String normalized = content.replace("\r\n", "\n");
        String checksum = MigrationChecksum.of(normalized);
        String body = normalized.startsWith("\uFEFF") ? normalized.substring(1) : normalized;
        boolean draft = DraftMarker.isDraft(body);

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
            MigrationDirective directive = MigrationDirective.of(text, file, line);
            if (directive != null) {
                switch (directive) {
                    case UP -> {
                        if (upStart >= 0) {
                            throw new MigrationFormatException(file, line, "a second '-- +migrate Up' marker; a file has one Up section");
                        }
                        upMarkerEnd = offset;
                        upStart = nl < 0 ? body.length() : nl + 1;
                        upLine = line + 1;
                    }
                    case DOWN -> {
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
                    case NO_TRANSACTION -> {
                        if (upStart >= 0) {
                            throw new MigrationFormatException(file, line, "'-- +migrate NoTransaction' must come before '-- +migrate Up'");
                        }
                        noTransaction = true;
                    }
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

    /** The file name, {@code <name>.sql}. */
    public String fileName() {
        return MigrationNames.fileNameOf(name);
    }
}
