package dev.sleet.runtime.importer;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The migration tools whose folders and history tables {@code sleet import} reads. */
public enum SourceFormat {
    DRIZZLE("drizzle", "drizzle-kit", "drizzle", "__drizzle_migrations"),
    PRISMA("prisma", "Prisma Migrate", "public", "_prisma_migrations"),
    FLYWAY("flyway", "Flyway", "public", "flyway_schema_history"),
    GOLANG_MIGRATE("golang-migrate", "golang-migrate", "public", "schema_migrations");

    private final String cliName;
    private final String toolName;
    private final String defaultHistorySchema;
    private final String defaultHistoryTable;

    SourceFormat(String cliName, String toolName, String defaultHistorySchema, String defaultHistoryTable) {
        this.cliName = cliName;
        this.toolName = toolName;
        this.defaultHistorySchema = defaultHistorySchema;
        this.defaultHistoryTable = defaultHistoryTable;
    }

    /** The name {@code --from} takes. */
    public String cliName() {
        return cliName;
    }

    /** The tool's own name, for messages and the comment in each imported file. */
    public String toolName() {
        return toolName;
    }

    /** Where the tool keeps its applied history unless configured otherwise. */
    public String defaultHistorySchema() {
        return defaultHistorySchema;
    }

    public String defaultHistoryTable() {
        return defaultHistoryTable;
    }

    /** The format named {@code name} ({@code drizzle}, {@code prisma}, {@code flyway}, {@code golang-migrate}). */
    public static SourceFormat of(String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        for (SourceFormat f : values()) {
            if (f.cliName.equals(wanted) || f.name().toLowerCase(Locale.ROOT).equals(wanted)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown migration tool '" + name + "'; give one of "
                + Arrays.stream(values()).map(SourceFormat::cliName).collect(Collectors.joining(", ")));
    }

    ForeignFolderReader reader() {
        return switch (this) {
            case DRIZZLE -> new DrizzleFolderReader();
            case PRISMA -> new PrismaFolderReader();
            case FLYWAY -> new FlywayFolderReader();
            case GOLANG_MIGRATE -> new GolangMigrateFolderReader();
        };
    }
}
