package dev.sleet.schema.migration;

/**
 * Where the processor puts Sleet's files in the class output (and so in the application jar), and
 * where the runtime, the CLI and the tests read them back.
 */
public final class ClasspathLayout {
    /** The folder every Sleet resource lives under. */
    public static final String ROOT = "META-INF/sleet";
    /** The schema the sources describe, as canonical snapshot JSON. */
    public static final String SNAPSHOT = ROOT + "/snapshot.json";
    /** The table records the snapshot was built from; read back by the next compilation only. */
    public static final String TABLES = ROOT + "/tables.txt";
    /** The copy of the migrations folder's {@code .sql} files. */
    public static final String MIGRATIONS = ROOT + "/migrations";
    /** The file, next to the migrations in any class-path location, naming them in apply order, one a line. */
    public static final String INDEX_FILE = "index.txt";
    /** The index of the processor's copy. */
    public static final String MIGRATIONS_INDEX = MIGRATIONS + "/" + INDEX_FILE;
    /** The prefix of a class-path location, as in {@code classpath:META-INF/sleet/migrations}. */
    public static final String CLASSPATH_PREFIX = "classpath:";
    /** The migrations location an application uses by default. */
    public static final String MIGRATIONS_LOCATION = CLASSPATH_PREFIX + MIGRATIONS;

    /** Where an overlay module's files go instead: {@code META-INF/sleet/overlays/<owner>/...} (docs/OVERLAYS.md). */
    public static final String OVERLAYS = ROOT + "/overlays";
    /**
     * One file per table an overlay owns, named by the table ({@code META-INF/sleet/claims/public.teamd_projects}),
     * holding the overlay's name: a fixed path per table lets any build that sees two overlays find a
     * table claimed twice without listing the class path.
     */
    public static final String CLAIMS = ROOT + "/claims";

    private ClasspathLayout() {
    }

    /** The folder holding an overlay's snapshot, table index and migrations, in place of {@link #ROOT}. */
    public static String overlayRoot(String owner) {
        return OVERLAYS + "/" + owner;
    }

    /** The claim file of a table ({@code schema.table}). */
    public static String claim(String schema, String table) {
        return CLAIMS + "/" + schema + "." + table;
    }
}
