package dev.sleet.runtime.importer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A tool's folder converted to Sleet's layout, in memory: nothing is written until {@link #writeTo}.
 *
 * @param format     the tool
 * @param source     the folder read
 * @param migrations the converted migrations, in apply order (which is also name order)
 * @param notes      what the conversion did that a reader should know: files left out, a {@code ;}
 *                   added at a drizzle breakpoint, repeatables, placeholders
 */
public record ImportPlan(SourceFormat format, Path source, List<ImportedMigration> migrations, List<String> notes) {

    public ImportPlan {
        migrations = List.copyOf(migrations);
        notes = List.copyOf(notes);
    }

    /** The converted migration that came from the tool's migration {@code key}, if any. */
    public Optional<ImportedMigration> byKey(String key) {
        return migrations.stream().filter(m -> m.origin().key().equals(key)).findFirst();
    }

    /**
     * Writes the files into {@code out} (created when missing). A file that already exists with the
     * same text is left alone, so importing again is harmless; one that exists with other text is
     * refused before anything is written.
     *
     * @return the names written and the names already there
     */
    public FolderWrite writeTo(Path out) {
        requireWritable(out);
        List<ImportedMigration> toWrite = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        for (ImportedMigration m : migrations) {
            if (Files.exists(out.resolve(m.fileName()))) {
                unchanged.add(m.name());
            } else {
                toWrite.add(m);
            }
        }
        // Written in place (CREATE_NEW) rather than through a temporary file and a rename per file, which costs
        // three times as much for a large history; on a failure the files written so far are removed again.
        List<String> written = new ArrayList<>();
        try {
            Files.createDirectories(out);
            for (ImportedMigration m : toWrite) {
                Files.writeString(out.resolve(m.fileName()), m.content(), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE);
                written.add(m.name());
            }
        } catch (IOException e) {
            for (String name : written) {
                try {
                    Files.deleteIfExists(out.resolve(name + ".sql"));
                } catch (IOException ignored) {
                    // the refusal below names the folder; a leftover file is reported on the next run as a conflict
                }
            }
            throw new ImportRefusedException("cannot write into " + out.toAbsolutePath() + ": " + e.getMessage() + "; nothing was written");
        }
        return new FolderWrite(written, unchanged, others(out));
    }

    /**
     * Checks, without writing, that {@link #writeTo} would succeed: no file of the import exists
     * in {@code out} with other text.
     *
     * @throws ImportRefusedException listing each such file
     */
    public void requireWritable(Path out) {
        List<String> conflicts = new ArrayList<>();
        for (ImportedMigration m : migrations) {
            Path target = out.resolve(m.fileName());
            if (Files.exists(target) && !read(target).replace("\r\n", "\n").equals(m.content())) {
                conflicts.add(target + " already exists with other content; move it away, or import into an empty folder");
            }
        }
        if (!conflicts.isEmpty()) {
            throw new ImportRefusedException("nothing was written", conflicts);
        }
    }

    /** {@code .sql} files already in {@code out} that this import did not produce. */
    private List<String> others(Path out) {
        try (Stream<Path> files = Files.list(out)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql"))
                    .map(n -> n.substring(0, n.length() - 4))
                    .filter(n -> migrations.stream().noneMatch(m -> m.name().equals(n))).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ImportRefusedException("cannot read " + file.toAbsolutePath() + ": " + e.getMessage());
        }
    }

    /**
     * What {@link #writeTo} did.
     *
     * @param written   names of the files written
     * @param unchanged names of the files that were already there with the same text
     * @param others    other migrations already in the folder (they keep their place in name order)
     */
    public record FolderWrite(List<String> written, List<String> unchanged, List<String> others) {
    }
}
