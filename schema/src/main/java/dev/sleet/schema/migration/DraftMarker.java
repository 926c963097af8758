package dev.sleet.schema.migration;

/**
 * The line that makes a migration file a draft, and the one rule that recognises it.
 *
 * <p>A draft is a file whose first line (after an optional byte-order mark and leading blanks)
 * starts with {@value #MARKER}. The processor rewrites the newest draft on every build; deleting
 * the line releases it. The line is not part of the migration: {@link MigrationChecksum} leaves
 * it out, so a draft applied in development stays applied, with the same checksum, once released.
 */
public final class DraftMarker {
    /** What a draft's first line starts with. */
    public static final String MARKER = "-- sleet:draft";
    /** The full line the processor writes. */
    public static final String LINE = MARKER + " — rewritten by every build until you delete this line";

    private static final char BOM = '\uFEFF';

    private DraftMarker() {
    }

    /** Whether {@code content}'s first line is the draft marker. */
    public static boolean isDraft(String content) {
        int start = content.isEmpty() || content.charAt(0) != BOM ? 0 : 1;
        int end = lineEnd(content, start);
        return content.substring(start, end).strip().startsWith(MARKER);
    }

    /**
     * {@code content} without its draft marker line (and that line's line break), or {@code content}
     * itself when it is not a draft. A byte-order mark before the marker is kept.
     */
    public static String withoutMarker(String content) {
        if (!isDraft(content)) {
            return content;
        }
        int start = content.charAt(0) == BOM ? 1 : 0;
        int end = lineEnd(content, start);
        int next = end < content.length() ? end + 1 : end;
        return content.substring(0, start) + content.substring(next);
    }

    private static int lineEnd(String content, int from) {
        int nl = content.indexOf('\n', from);
        return nl < 0 ? content.length() : nl;
    }
}
