package dev.sleet.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The schema of {@link SchemaSources} as Jakarta Persistence entities (package {@code jpa}), for the
 * compile-time comparison with Hibernate's metamodel generator: the same tables, columns, indexes, unique
 * constraint and foreign key to the previous table (a lazy {@code @ManyToOne} with {@code @OnDelete(CASCADE)}),
 * written the way a Hibernate user writes them (fields, no accessors: the generator reads fields).
 */
final class JpaSources {
    private JpaSources() {
    }

    static List<Path> write(Path dir, int tables) throws IOException {
        Path pkg = Files.createDirectories(dir.resolve("jpa"));
        List<Path> files = new ArrayList<>();
        Path status = pkg.resolve("Status.java");
        Files.writeString(status, "package jpa;\n\npublic enum Status { DRAFT, ACTIVE, PAUSED, CLOSED }\n");
        files.add(status);
        for (int i = 1; i <= tables; i++) {
            Path file = pkg.resolve(SchemaSources.className(i) + ".java");
            Files.writeString(file, source(i));
            files.add(file);
        }
        return files;
    }

    private static String source(int i) {
        String name = SchemaSources.className(i);
        String table = name.toLowerCase(Locale.ROOT);
        StringBuilder b = new StringBuilder();
        b.append("package jpa;\n\n")
                .append("import jakarta.persistence.*;\n")
                .append("import java.math.BigDecimal;\nimport java.time.Instant;\nimport java.time.LocalDate;\nimport java.util.UUID;\n")
                .append("import org.hibernate.annotations.OnDelete;\nimport org.hibernate.annotations.OnDeleteAction;\n\n")
                .append("@Entity\n")
                .append("@Table(name = \"").append(table).append("\", indexes = {@Index(columnList = \"name\"), ")
                .append("@Index(columnList = \"status, created_at\")}, uniqueConstraints = @UniqueConstraint(columnNames = \"code\"))\n")
                .append("public class ").append(name).append(" {\n")
                .append("    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private long id;\n");
        if (i > 1) {
            b.append("    @ManyToOne(fetch = FetchType.LAZY) @JoinColumn(name = \"parent_id\") @OnDelete(action = OnDeleteAction.CASCADE) private ")
                    .append(SchemaSources.className(i - 1)).append(" parent;\n");
        }
        b.append("    @Column(nullable = false) private String code;\n")
                .append("    @Column(nullable = false) private String name;\n")
                .append("    @Enumerated(EnumType.STRING) @Column(nullable = false) private Status status;\n")
                .append("    private int quantity;\n")
                .append("    @Column(precision = 12, scale = 2, nullable = false) private BigDecimal amount;\n")
                .append("    private boolean active;\n")
                .append("    private LocalDate dueOn;\n")
                .append("    private UUID externalRef;\n")
                .append("    @Column(name = \"created_at\", nullable = false) private Instant createdAt;\n")
                .append("}\n");
        return b.toString();
    }
}
