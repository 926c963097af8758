package dev.sleet.runtime.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * drizzle-kit's layout: {@code NNNN_<name>.sql} files whose statements are separated by
 * {@code --> statement-breakpoint} lines, and {@code meta/_journal.json}, which alone decides
 * what exists, in which order, and when each was generated ({@code when}, in milliseconds: the
 * value drizzle records as {@code created_at} when it applies the file).
 */
final class DrizzleFolderReader implements ForeignFolderReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public ForeignFolder read(Path folder) {
        Path journalFile = folder.resolve("meta").resolve("_journal.json");
        if (!Files.isRegularFile(journalFile)) {
            throw new ImportRefusedException("no meta/_journal.json in " + folder.toAbsolutePath() + ": drizzle-kit writes it next to the "
                    + ".sql files; give the folder that drizzle.config names as 'out' (often ./drizzle)");
        }
        JsonNode journal;
        try {
            journal = JSON.readTree(SourceFiles.read(journalFile, folder));
        } catch (IOException e) {
            throw new ImportRefusedException("meta/_journal.json in " + folder.toAbsolutePath() + " is not valid JSON: " + e.getMessage());
        }
        String dialect = journal.path("dialect").asText("");
        if (!dialect.isEmpty() && !dialect.equals("postgresql") && !dialect.equals("pg")) {
            throw new ImportRefusedException("meta/_journal.json in " + folder.toAbsolutePath() + " is for dialect '" + dialect
                    + "'; Sleet imports PostgreSQL migrations only");
        }
        List<ForeignMigration> migrations = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        long previousWhen = Long.MIN_VALUE;
        for (JsonNode entry : journal.path("entries")) {
            String tag = entry.path("tag").asText("");
            JsonNode when = entry.path("when");
            if (tag.isEmpty() || !when.canConvertToLong()) {
                problems.add("meta/_journal.json has an entry without 'tag' or 'when' (" + entry + "); restore it from git");
                continue;
            }
            String fileName = tag + ".sql";
            listed.add(fileName);
            Path file = folder.resolve(fileName);
            if (!Files.isRegularFile(file)) {
                problems.add("meta/_journal.json lists " + fileName + " but the folder has no such file; restore it from git");
                continue;
            }
            if (when.asLong() <= previousWhen) {
                // drizzle applies a file only when its 'when' is newer than the newest recorded one.
                problems.add(fileName + " has 'when' " + when.asLong() + " in meta/_journal.json, not after the entry before it ("
                        + previousWhen + "); drizzle itself would never apply it on a database that has the earlier one");
            }
            previousWhen = when.asLong();
            String content = SourceFiles.read(file, folder);
            List<String> notes = new ArrayList<>();
            String up;
            try {
                up = StatementBreakpoints.terminateChunks(fileName, content, notes);
            } catch (ImportRefusedException e) {
                problems.add(e.getMessage());
                continue;
            }
            migrations.add(new ForeignMigration(tag, tag, List.of(fileName), Instant.ofEpochMilli(when.asLong()), withoutNumber(tag),
                    up, null, SourceFiles.sha256(content), null, notes));
        }
        if (!problems.isEmpty()) {
            throw new ImportRefusedException("cannot import the drizzle-kit folder " + folder.toAbsolutePath(), problems);
        }
        List<String> notes = new ArrayList<>();
        SourceFiles.list(folder, false).stream().map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql") && !listed.contains(n))
                .forEach(n -> notes.add(n + " is not in meta/_journal.json, so drizzle never applies it; left out"));
        return new ForeignFolder(migrations, notes);
    }

    /** {@code 0003_add_notes} → {@code add_notes}: the number is drizzle's ordering, which the timestamp takes over. */
    private static String withoutNumber(String tag) {
        return SourceFiles.slug(tag.replaceFirst("^\\d+_", ""));
    }
}
