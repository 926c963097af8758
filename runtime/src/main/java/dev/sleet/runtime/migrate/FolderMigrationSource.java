package dev.sleet.runtime.migrate;

import dev.sleet.schema.migration.MigrationFile;
import dev.sleet.schema.migration.MigrationNames;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The {@code *.sql} files directly inside a folder ({@code meta/} and other sub-folders are not
 * migrations); a file with a {@code meta/<name>.json} next to it is a generated one.
 */
final class FolderMigrationSource implements MigrationSource {
    private final Path folder;

    FolderMigrationSource(Path folder) {
        this.folder = folder;
    }

    @Override
    public List<MigrationFile> files() {
        if (!Files.isDirectory(folder)) {
            throw new MigrationSourceException("migrations folder " + folder.toAbsolutePath() + " does not exist or is not a folder; "
                    + "pass the folder that holds the .sql files");
        }
        List<Path> paths;
        try (Stream<Path> list = Files.list(folder)) {
            paths = list.filter(p -> p.getFileName().toString().endsWith(MigrationNames.EXTENSION) && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            throw new MigrationSourceException("cannot list migrations folder " + folder.toAbsolutePath() + ": " + e.getMessage(), e);
        }
        Set<String> metaNames = metaNames();
        List<MigrationFile> files = new ArrayList<>(paths.size());
        for (Path p : paths) {
            String fileName = p.getFileName().toString();
            try {
                Path meta = folder.resolve(MigrationNames.metaPathOf(MigrationNames.nameOf(fileName)));
                boolean generated = metaNames.contains(meta.getFileName().toString()) && Files.isRegularFile(meta);
                files.add(MigrationSource.checkedFile(fileName, Files.readString(p, StandardCharsets.UTF_8), generated));
            } catch (IOException e) {
                throw new MigrationSourceException("cannot read migration " + p.toAbsolutePath() + ": " + e.getMessage(), e);
            }
        }
        return files;
    }

    /**
     * The names in {@code meta/} (none when it is missing), listed once: a hand-written folder then
     * costs one look-up instead of one per file.
     */
    private Set<String> metaNames() {
        Path meta = folder.resolve(MigrationNames.META_DIR);
        if (!Files.isDirectory(meta)) {
            return Set.of();
        }
        try (Stream<Path> list = Files.list(meta)) {
            return list.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        } catch (IOException e) {
            throw new MigrationSourceException("cannot list " + meta.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String location() {
        return folder.toString();
    }
}
