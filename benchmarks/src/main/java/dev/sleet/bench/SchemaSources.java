package dev.sleet.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Generates an annotated schema of N table records (package {@code gen}) for the compile-time
 * benchmarks: a mix of column types, nullable columns, a PostgreSQL enum, single and composite
 * indexes, a unique constraint and a foreign key to the previous table. The {@code changed}
 * variant differs the way a real next commit would: new columns, a dropped index, a few tables
 * gone and a few new ones.
 */
public final class SchemaSources {
    private SchemaSources() {
    }

    /**
     * {@code Rec0001}: not all capitals, since the generated table model names its table constant by the upper-cased
     * table name, and a record named like that constant ({@code T0001}) makes {@code T0001::id} in the relations code
     * resolve to the constant (a generator bug reported with issue 16's build-time work).
     */
    public static String className(int i) {
        return String.format(Locale.ROOT, "Rec%04d", i);
    }

    /** Writes the sources and returns their paths. */
    public static List<Path> write(Path dir, int tables, boolean changed) throws IOException {
        Path pkg = dir.resolve("gen");
        Files.createDirectories(pkg);
        List<Path> files = new ArrayList<>();
        Path status = pkg.resolve("Status.java");
        Files.writeString(status, "package gen;\n\nimport dev.sleet.annotations.PgEnum;\n\n"
                + "@PgEnum(name = \"status\")\npublic enum Status { DRAFT, ACTIVE, PAUSED, CLOSED }\n");
        files.add(status);
        int dropped = changed ? 5 : 0;
        int added = changed ? 5 : 0;
        for (int i = 1 + dropped; i <= tables + added; i++) {
            Path file = pkg.resolve(className(i) + ".java");
            Files.writeString(file, source(i, i > 1 + dropped, changed));
            files.add(file);
        }
        return files;
    }

    private static String source(int i, boolean hasParent, boolean changed) {
        String name = className(i);
        String table = name.toLowerCase(Locale.ROOT);
        boolean extraColumn = changed && i % 10 == 0;
        boolean nameIndex = !(changed && i % 25 == 0);
        StringBuilder b = new StringBuilder();
        b.append("package gen;\n\n")
                .append("import dev.sleet.annotations.*;\n")
                .append("import java.math.BigDecimal;\nimport java.time.Instant;\nimport java.time.LocalDate;\nimport java.util.UUID;\n\n")
                .append("@Table(name = \"").append(table).append("\")\n");
        if (nameIndex) {
            b.append("@Index(columns = \"name\")\n");
        }
        b.append("@Index(columns = {\"status\", \"created_at\"})\n")
                .append("@Unique(columns = \"code\")\n")
                .append("public record ").append(name).append("(\n")
                .append("        @Id @Identity long id,\n");
        if (hasParent) {
            b.append("        @Nullable @References(table = ").append(className(i - 1)).append(".class, onDelete = Action.CASCADE) Long parentId,\n");
        }
        b.append("        String code,\n")
                .append("        String name,\n")
                .append("        Status status,\n")
                .append("        int quantity,\n")
                .append("        @Column(precision = 12, scale = 2) BigDecimal amount,\n")
                .append("        boolean active,\n")
                .append("        @Nullable LocalDate dueOn,\n")
                .append("        @Nullable UUID externalRef,\n");
        if (extraColumn) {
            b.append("        @Nullable String note,\n");
        }
        b.append("        @DefaultNow Instant createdAt) {\n}\n");
        return b.toString();
    }
}
