package dev.sleet.cli;

import dev.sleet.schema.migration.ClasspathLayout;
import dev.sleet.schema.migration.HistoryTableName;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The options every command takes: where the database is, where the migrations are, how to print. */
public final class CommonOptions {

    @Option(names = "--url", paramLabel = "<url>",
            description = "Database URL: postgresql://user:pass@host:5432/db?sslmode=require or jdbc:postgresql://host:5432/db. "
                    + "Default: the DATABASE_URL environment variable, else SLEET_DATABASE_URL.")
    String url;

    @Option(names = "--user", paramLabel = "<user>", description = "Login role; overrides the user in the URL.")
    String user;

    @Option(names = "--password", paramLabel = "<password>",
            description = "Password; overrides the one in the URL. Prefer DATABASE_URL or PGPASSWORD in scripts, so it stays out of the process list.")
    String password;

    @Option(names = "--migrations", paramLabel = "<folder|classpath:path>", defaultValue = "migrations",
            description = "Migrations folder, or classpath:<path> to read them from --classpath jars (default: ${DEFAULT-VALUE}).")
    String migrations;

    @Option(names = "--snapshot", paramLabel = "<file>",
            description = "Schema snapshot JSON. Default: the committed state in <migrations>/meta, else " + ClasspathLayout.SNAPSHOT + " on the classpath.")
    Path snapshot;

    @Option(names = "--schema-history", paramLabel = "<schema>", defaultValue = HistoryTableName.DEFAULT_SCHEMA,
            description = "Schema holding the migration history table (default: ${DEFAULT-VALUE}).")
    String historySchema;

    @Option(names = "--classpath", paramLabel = "<jars/dirs>", split = "${sys:path.separator}",
            description = "The application's classes and resources (jars or folders, separated by '${sys:path.separator}'), "
                    + "for seeders and classpath: migrations.")
    List<Path> classpath = new ArrayList<>();

    @Option(names = "--overlay", paramLabel = "<name>=<folder|classpath:path>",
            description = "An overlay owner and its migrations (repeat for several); --migrations is then the shared owner's. "
                    + "Each owner keeps its own history table (docs/OVERLAYS.md).")
    java.util.Map<String, String> overlays = new java.util.LinkedHashMap<>();

    @Option(names = "--owner", paramLabel = "<name>",
            description = "With --overlay: work on this owner only (shared, or an overlay's name); default: every owner.")
    String owner;

    @Option(names = "--json", description = "Print machine-readable JSON on standard output instead of tables.")
    boolean json;
}
