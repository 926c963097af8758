package dev.sleet.schema.migration;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The checksum recorded in the history when a migration is applied, and compared on every later
 * run to refuse an edited applied migration.
 *
 * <p>SHA-256 (lower-case hex) over the UTF-8 bytes of the content with {@code \r\n} normalized to
 * {@code \n} and the {@linkplain DraftMarker draft marker line} left out: releasing a draft
 * (deleting that line) changes nothing that ran, so it must not read as an edit.
 */
public final class MigrationChecksum {
    private MigrationChecksum() {
    }

    public static String of(String content) {
        String normalized = DraftMarker.withoutMarker(content.replace("\r\n", "\n"));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(normalized.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
