package dev.sleet.runtime.importer;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flyway's layout (with its default prefixes): {@code V<version>__<description>.sql} applied in
 * version order, {@code U<version>__<description>.sql} undoing that version (it becomes the Down
 * section), and {@code R__<description>.sql} repeatables, found in the folder and its
 * sub-folders. A {@code <file>.sql.conf} with {@code executeInTransaction=false} is honoured.
 *
 * <p>Repeatables: Sleet has no migration that re-runs when its file changes. Flyway applies
 * repeatables after the versioned migrations, ordered by description, so on an empty database
 * each one runs once at the end; that is how they are imported: one ordinary migration each,
 * after all versioned ones. Changing one later means writing a new migration (typically a
 * {@code CREATE OR REPLACE}).
 */
final class FlywayFolderReader implements ForeignFolderReader {
    private static final Pattern VERSIONED = Pattern.compile("([VU])(\\d+(?:[._]\\d+)*)__(.*)\\.sql");
    private static final Pattern REPEATABLE = Pattern.compile("R__(.+)\\.sql");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[^}\\s]+}");
    private static final Set<String> CALLBACKS = Set.of("beforemigrate", "beforeeachmigrate", "beforeeachmigratestatement",
            "aftereachmigratestatement", "aftereachmigratestatementerror", "aftereachmigrate", "aftereachmigrateerror", "aftermigrate",
            "aftermigrateapplied", "aftermigrateerror", "beforeclean", "afterclean", "aftercleanerror", "beforeinfo", "afterinfo",
            "afterinfoerror", "beforevalidate", "aftervalidate", "aftervalidateerror", "beforebaseline", "afterbaseline",
            "afterbaselineerror", "beforerepair", "afterrepair", "afterrepairerror", "beforeundo", "beforeeachundo",
            "beforeeachundostatement", "aftereachundostatement", "aftereachundostatementerror", "aftereachundo", "aftereachundoerror",
            "afterundo", "afterundoerror", "createschema", "beforecreateschema", "beforeconnect", "afterconnect");

    private record Versioned(List<BigInteger> version, String display, String description, Path file) {
    }

    @Override
    public ForeignFolder read(Path folder) {
        List<Path> files = SourceFiles.sqlFiles(folder, true);
        Map<List<BigInteger>, Versioned> versions = new TreeMap<>(FlywayFolderReader::compareVersions);
        Map<List<BigInteger>, Versioned> undos = new TreeMap<>(FlywayFolderReader::compareVersions);
        Map<String, Path> repeatables = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            String rel = SourceFiles.relative(folder, file);
            Matcher v = VERSIONED.matcher(name);
            Matcher r = REPEATABLE.matcher(name);
            if (v.matches()) {
                Versioned found = new Versioned(versionOf(v.group(2)), v.group(2).replace('_', '.'), v.group(3), file);
                Map<List<BigInteger>, Versioned> target = v.group(1).equals("V") ? versions : undos;
                Versioned clash = target.putIfAbsent(found.version(), found);
                if (clash != null) {
                    problems.add(rel + " and " + SourceFiles.relative(folder, clash.file()) + " have the same version " + found.display()
                            + "; Flyway refuses this too: give one of them another version");
                }
            } else if (r.matches()) {
                repeatables.put(r.group(1), file);
            } else if (CALLBACKS.contains(name.replaceFirst("(__.*)?\\.sql$", "").toLowerCase(java.util.Locale.ROOT))) {
                problems.add(rel + " is a Flyway callback; Sleet runs no scripts around migrations: move what it does into a migration "
                        + "(or into the application), then remove the file from the folder and import again");
            } else if (name.startsWith("B") && VERSIONED.matcher("V" + name.substring(1)).matches()) {
                problems.add(rel + " is a Flyway baseline migration (a shortcut for the versioned ones up to its version); import "
                        + "the versioned migrations it stands for instead and remove it from the folder");
            } else {
                problems.add(rel + " is not named like a Flyway migration (V<version>__<description>.sql, U… for undo, R__… for "
                        + "repeatable); rename it or move it out of the folder");
            }
        }
        for (Versioned undo : undos.values()) {
            if (!versions.containsKey(undo.version())) {
                problems.add(SourceFiles.relative(folder, undo.file()) + " undoes version " + undo.display()
                        + ", but no V" + undo.display() + "__….sql exists; remove it or restore the migration it undoes");
            }
        }
        if (!problems.isEmpty()) {
            throw new ImportRefusedException("cannot import the Flyway folder " + folder.toAbsolutePath(), problems);
        }

        List<ForeignMigration> migrations = new ArrayList<>();
        for (Versioned m : versions.values()) {
            String content = SourceFiles.read(m.file(), folder);
            Versioned undo = undos.get(m.version());
            List<String> sources = new ArrayList<>(List.of(SourceFiles.relative(folder, m.file())));
            String down = null;
            if (undo != null) {
                sources.add(SourceFiles.relative(folder, undo.file()));
                down = SourceFiles.read(undo.file(), folder);
            }
            Instant time = m.version().size() == 1 ? Timestamps.compact(m.display()) : null;
            String key = "V:" + canonical(m.version());
            migrations.add(new ForeignMigration(key, nameWithoutSql(m.file()), sources, time, SourceFiles.slug(m.description()), content,
                    down, Integer.toString(SourceFiles.flywayChecksum(content)), noTransaction(m.file(), folder),
                    placeholderNotes(sources.get(0), content)));
        }
        for (Map.Entry<String, Path> r : repeatables.entrySet()) {
            String rel = SourceFiles.relative(folder, r.getValue());
            String content = SourceFiles.read(r.getValue(), folder);
            List<String> notes = new ArrayList<>(placeholderNotes(rel, content));
            notes.add(rel + " is repeatable: imported once, after the versioned migrations, as Flyway applies it to an empty database; "
                    + "to change it later, write a new migration");
            migrations.add(new ForeignMigration("R:" + r.getKey().replace('_', ' '), nameWithoutSql(r.getValue()), List.of(rel), null,
                    "repeatable_" + SourceFiles.slug(r.getKey()), content, null, Integer.toString(SourceFiles.flywayChecksum(content)),
                    noTransaction(r.getValue(), folder), notes));
        }
        return new ForeignFolder(migrations, List.of());
    }

    /** {@code 1.2_3} → [1, 2, 3]. */
    static List<BigInteger> versionOf(String text) {
        List<BigInteger> parts = new ArrayList<>();
        for (String part : text.split("[._]")) {
            parts.add(new BigInteger(part));
        }
        return parts;
    }

    /** Flyway compares versions part by part, numerically; missing parts count as 0, so 1.0 is 1. */
    static int compareVersions(List<BigInteger> a, List<BigInteger> b) {
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            BigInteger x = i < a.size() ? a.get(i) : BigInteger.ZERO;
            BigInteger y = i < b.size() ? b.get(i) : BigInteger.ZERO;
            int c = x.compareTo(y);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** The version without trailing zero parts and leading zeros, so that {@code 1.0}, {@code 01} and {@code 1} are one key. */
    static String canonical(List<BigInteger> version) {
        int end = version.size();
        while (end > 1 && version.get(end - 1).signum() == 0) {
            end--;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < end; i++) {
            sb.append(i == 0 ? "" : ".").append(version.get(i));
        }
        return sb.toString();
    }

    private static String nameWithoutSql(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - 4);
    }

    private static String noTransaction(Path file, Path folder) {
        Path conf = file.resolveSibling(file.getFileName() + ".conf");
        if (!Files.isRegularFile(conf)) {
            return null;
        }
        for (String line : SourceFiles.read(conf, folder).split("\\R")) {
            String l = line.strip().replaceAll("\\s+", "");
            if (l.equalsIgnoreCase("executeInTransaction=false")) {
                return SourceFiles.relative(folder, conf) + " says executeInTransaction=false";
            }
        }
        return null;
    }

    private static List<String> placeholderNotes(String rel, String content) {
        Matcher m = PLACEHOLDER.matcher(content);
        if (!m.find()) {
            return List.of();
        }
        return List.of(rel + " contains " + m.group() + ", which Flyway replaces with a placeholder value; Sleet does not "
                + "replace placeholders, so the imported file runs with the text as written");
    }
}
