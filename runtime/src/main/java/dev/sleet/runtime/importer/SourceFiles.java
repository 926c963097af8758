package dev.sleet.runtime.importer;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/** Reading another tool's files exactly, and the checksums those tools record for them. */
final class SourceFiles {
    private SourceFiles() {
    }

    /** The file's text; refused when it is not UTF-8, since every one of the tools reads it as UTF-8. */
    static String read(Path file, Path folder) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ImportRefusedException(relative(folder, file) + " is not valid UTF-8; convert it (e.g. iconv -t UTF-8) and import again");
        } catch (IOException e) {
            throw new ImportRefusedException("cannot read " + file.toAbsolutePath() + ": " + e.getMessage());
        }
    }

    /** What {@code folder} holds (its whole tree when {@code recursive}), sorted; refused when it cannot be listed. */
    static List<Path> list(Path folder, boolean recursive) {
        try (Stream<Path> entries = recursive ? Files.walk(folder) : Files.list(folder)) {
            return entries.filter(p -> !p.equals(folder)).sorted().toList();
        } catch (IOException e) {
            throw new ImportRefusedException("cannot list " + folder.toAbsolutePath() + ": " + e.getMessage());
        }
    }

    /** The {@code .sql} files of {@code folder} (of its whole tree when {@code recursive}), sorted. */
    static List<Path> sqlFiles(Path folder, boolean recursive) {
        return list(folder, recursive).stream().filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(".sql")).toList();
    }

    static String relative(Path folder, Path file) {
        return folder.relativize(file).toString().replace('\\', '/');
    }

    /** SHA-256 (lower-case hex) of the text's UTF-8 bytes: what drizzle and Prisma record. */
    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * Flyway's checksum: a CRC32 over the file's lines without their line breaks (a leading byte
     * order mark dropped), read as a signed 32-bit integer. Line breaks never count, so a file
     * checked out with CRLF has the same checksum as with LF.
     */
    static int flywayChecksum(String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        CRC32 crc = new CRC32();
        int start = 0;
        int n = body.length();
        for (int i = 0; i < n; i++) {
            char c = body.charAt(i);
            if (c == '\n' || c == '\r') {
                crc.update(body.substring(start, i).getBytes(StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        crc.update(body.substring(start).getBytes(StandardCharsets.UTF_8));
        return (int) crc.getValue();
    }

    /** Letters, digits and single underscores, lower case: the words of a name, fit for a Sleet file name. */
    static String slug(String words) {
        String slug = words.replaceAll("[^A-Za-z0-9]+", "_").replaceAll("^_+|_+$", "").toLowerCase(Locale.ROOT);
        return slug.isEmpty() ? "migration" : slug;
    }
}
