package dev.sleet.runtime.importer;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * golang-migrate's layout: {@code <version>_<name>.up.sql} and {@code <version>_<name>.down.sql}
 * directly in the folder, applied in version order. The version is a sequence number
 * ({@code -seq}), a {@code YYYYMMDDHHMMSS} time (the default of {@code migrate create}) or unix
 * seconds ({@code -format unix}); the down file becomes the Down section.
 */
final class GolangMigrateFolderReader implements ForeignFolderReader {
    private static final Pattern FILE = Pattern.compile("(\\d+)_(.*)\\.(up|down)\\.sql");

    private record Pair(BigInteger version, String name, Path up, Path down) {
    }

    @Override
    public ForeignFolder read(Path folder) {
        List<Path> files = SourceFiles.sqlFiles(folder, false);
        Map<BigInteger, Pair> pairs = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Path file : files) {
            String fileName = file.getFileName().toString();
            Matcher m = FILE.matcher(fileName);
            if (!m.matches()) {
                notes.add(fileName + " is not named <version>_<name>.up.sql or .down.sql, so golang-migrate never applies it; left out");
                continue;
            }
            BigInteger version = new BigInteger(m.group(1));
            boolean up = m.group(3).equals("up");
            Pair known = pairs.get(version);
            Path existing = known == null ? null : (up ? known.up() : known.down());
            if (existing != null) {
                problems.add(fileName + " and " + existing.getFileName() + " have the same version " + version
                        + "; golang-migrate refuses this too: give one of them another version");
                continue;
            }
            String name = known != null && known.name() != null ? known.name() : m.group(2);
            pairs.put(version, new Pair(version, name, up ? file : known == null ? null : known.up(), up ? (known == null ? null : known.down()) : file));
        }
        for (Pair p : pairs.values()) {
            if (p.up() == null) {
                problems.add(p.down().getFileName() + " has no " + p.version() + "_….up.sql; restore the up file or remove the down file");
            }
        }
        if (!problems.isEmpty()) {
            throw new ImportRefusedException("cannot import the golang-migrate folder " + folder.toAbsolutePath(), problems);
        }
        List<ForeignMigration> migrations = new ArrayList<>();
        for (Pair p : pairs.values()) {
            String upFile = p.up().getFileName().toString();
            List<String> sources = new ArrayList<>(List.of(upFile));
            String down = null;
            if (p.down() != null) {
                sources.add(p.down().getFileName().toString());
                down = SourceFiles.read(p.down(), folder);
            }
            String digits = upFile.substring(0, upFile.indexOf('_'));
            Instant time = Timestamps.compact(digits);
            if (time == null) {
                time = Timestamps.unixSeconds(digits);
            }
            migrations.add(new ForeignMigration(p.version().toString(), upFile.substring(0, upFile.length() - ".up.sql".length()), sources,
                    time, SourceFiles.slug(p.name()), SourceFiles.read(p.up(), folder), down, null, null, List.of()));
        }
        return new ForeignFolder(migrations, notes);
    }
}
