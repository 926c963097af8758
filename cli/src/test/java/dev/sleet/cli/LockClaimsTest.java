package dev.sleet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sleet.runtime.introspect.Introspector;
import dev.sleet.schema.lint.Finding;
import dev.sleet.schema.lint.LintPolicy;
import dev.sleet.schema.lint.MigrationLinter;
import dev.sleet.schema.model.DatabaseSchema;
import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The linter's lock and rewrite claims, measured on a real server: each unsafe form, run against a
 * table with rows, blocks another session reading or writing it; the safe form does not. "Blocked"
 * means the other session's statement fails its {@code lock_timeout} (SQLSTATE 55P03) while the
 * migration session holds its lock; the safe forms are probed while they are provably still running.
 * Rewrites are measured by the table's {@code relfilenode}, which changes exactly when PostgreSQL
 * writes the table anew.
 */
@ExtendWith(PostgresExtension.class)
class LockClaimsTest {
    private static final String PROBE_TIMEOUT = "400ms";

    private final TestDatabase db;

    LockClaimsTest(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void tableWithRows() throws Exception {
        db.exec("""
                DROP SCHEMA public CASCADE; CREATE SCHEMA public;
                CREATE TABLE owners (id bigint PRIMARY KEY);
                INSERT INTO owners SELECT g FROM generate_series(1, 100) g;
                CREATE TABLE items (id bigint PRIMARY KEY, owner_id bigint, v integer, s varchar(10), amount numeric(10,2),
                                    note text, code text);
                INSERT INTO items SELECT g, g % 100 + 1, g, 'x' || (g % 1000), g / 100.0, 'n', 'c' || g FROM generate_series(1, 20000) g;
                CREATE INDEX items_v ON items (v);
                """);
    }

    // ---- the rules, unsafe against safe

    @Test
    void pg101CreateIndexBlocksWritesConcurrentlyDoesNot() throws Exception {
        assertClaimHolds("CREATE INDEX items_note ON items (note)", "PG101", Probe.WRITES_WAIT,
                "a plain CREATE INDEX holds SHARE: writes wait, reads go through");
        assertSafeWhileRunning("CREATE INDEX CONCURRENTLY items_note ON items (note)", "PG101");
    }

    @Test
    void pg102DropIndexBlocksEverythingConcurrentlyDoesNot() throws Exception {
        assertClaimHolds("DROP INDEX items_v", "PG102", Probe.EVERYTHING_WAITS, "DROP INDEX holds ACCESS EXCLUSIVE");
        assertSafeWhileRunning("DROP INDEX CONCURRENTLY items_v", "PG102");
    }

    @Test
    void pg104ForeignKeyValidationBlocksWritesNotValidPlusValidateDoesNot() throws Exception {
        String unsafe = "ALTER TABLE items ADD CONSTRAINT items_owner_fk FOREIGN KEY (owner_id) REFERENCES owners (id)";
        assertClaimHolds(unsafe, "PG104", Probe.WRITES_WAIT, "validating a new foreign key holds SHARE ROW EXCLUSIVE");
        assertNotValidThenValidateIsSafe(unsafe, "PG104", "ALTER TABLE items VALIDATE CONSTRAINT items_owner_fk");
    }

    @Test
    void pg105CheckBlocksEverythingNotValidPlusValidateDoesNot() throws Exception {
        String unsafe = "ALTER TABLE items ADD CONSTRAINT items_v_positive CHECK (v > 0)";
        assertClaimHolds(unsafe, "PG105", Probe.EVERYTHING_WAITS, "ADD CONSTRAINT CHECK holds ACCESS EXCLUSIVE");
        assertNotValidThenValidateIsSafe(unsafe, "PG105", "ALTER TABLE items VALIDATE CONSTRAINT items_v_positive");
    }

    @Test
    void pg106ExcludeBlocksEverythingAndHasNoSafeForm() throws Exception {
        assertClaimHolds("ALTER TABLE items ADD CONSTRAINT items_code_excl EXCLUDE USING btree (code WITH =)", "PG106",
                Probe.EVERYTHING_WAITS, "ADD CONSTRAINT EXCLUDE holds ACCESS EXCLUSIVE");
    }

    @Test
    void pg107UniqueConstraintBlocksEverythingIndexConcurrentlyThenUsingIndexDoesNot() throws Exception {
        assertClaimHolds("ALTER TABLE items ADD CONSTRAINT items_code_key UNIQUE (code)", "PG107", Probe.EVERYTHING_WAITS,
                "ADD CONSTRAINT UNIQUE holds ACCESS EXCLUSIVE");

        assertThat(whileRunningConcurrently("CREATE UNIQUE INDEX CONCURRENTLY items_code_idx ON items (code)")).isEqualTo(Probe.NOTHING_WAITS);
        String adopt = "ALTER TABLE items ADD CONSTRAINT items_code_key UNIQUE USING INDEX items_code_idx";
        assertThat(codes(adopt)).doesNotContain("PG107");
        db.exec(adopt);
    }

    @Test
    void mf104SetNotNullBlocksEverythingValidatedCheckDoesNot() throws Exception {
        String unsafe = "ALTER TABLE items ALTER COLUMN note SET NOT NULL";
        assertClaimHolds(unsafe, "MF104", Probe.EVERYTHING_WAITS, "SET NOT NULL holds ACCESS EXCLUSIVE");

        db.exec("ALTER TABLE items ADD CONSTRAINT items_note_nn CHECK (note IS NOT NULL) NOT VALID");
        assertThat(whileHeldInTransaction("ALTER TABLE items VALIDATE CONSTRAINT items_note_nn")).isEqualTo(Probe.NOTHING_WAITS);
        db.exec("ALTER TABLE items VALIDATE CONSTRAINT items_note_nn");
        assertThat(codes(unsafe)).as("a validated CHECK in the committed state proves the column").doesNotContain("MF104");
    }

    @Test
    void storageSettingsTakeNoLockThatBlocksAndTheLinterSaysNothing() throws Exception {
        String sql = "ALTER TABLE items SET (fillfactor = 70)";
        assertThat(codes(sql)).isEmpty();
        assertThat(whileHeldInTransaction(sql)).isEqualTo(Probe.NOTHING_WAITS);
        String drop = "ALTER TABLE items DROP CONSTRAINT items_pkey";
        assertThat(codes(drop)).contains("PG111");
        assertThat(whileHeldInTransaction(drop).readBlocked()).as("other ALTER TABLE forms take ACCESS EXCLUSIVE").isTrue();
    }

    @Test
    void pg111WithoutLockTimeoutEveryQueryQueuesBehindTheWaitingAlter() throws Exception {
        try (Connection report = db.connect(); Connection migration = db.connect(); Connection app = db.connect()) {
            // A long report query holds ACCESS SHARE on items.
            report.setAutoCommit(false);
            query(report, "SELECT count(*) FROM items");

            // Unsafe: the ALTER waits for the report, and every later query waits behind the ALTER.
            CompletableFuture<Void> alter = CompletableFuture.runAsync(() -> execOn(migration, "ALTER TABLE items ADD COLUMN extra text"));
            awaitWaitingOnLock(migration);
            assertThat(blocked(app, "SELECT count(*) FROM items WHERE id = 1")).as("reads queue behind the waiting ALTER").isTrue();
            report.rollback();
            alter.get(30, TimeUnit.SECONDS);

            // Safe: with lock_timeout the ALTER gives up quickly and the queue drains.
            query(report, "SELECT count(*) FROM items");
            execOn(migration, "SET lock_timeout = '100ms'");
            SQLException gaveUp = null;
            try {
                execOn(migration, "ALTER TABLE items ADD COLUMN extra2 text");
            } catch (RuntimeException e) {
                gaveUp = (SQLException) e.getCause();
            }
            assertThat(gaveUp != null).as("the ALTER gave up on its lock_timeout").isTrue();
            assertThat(gaveUp.getSQLState()).isEqualTo("55P03");
            assertThat(blocked(app, "SELECT count(*) FROM items WHERE id = 1")).isFalse();
            report.rollback();
        }
        assertThat(codes("ALTER TABLE items ADD COLUMN extra3 text")).contains("PG111");
        assertThat(new MigrationLinter(LintPolicy.defaults()).lintScript("m.sql",
                "-- +migrate Up\nSET lock_timeout = '100ms';\nALTER TABLE items ADD COLUMN extra3 text;\n", schema()))
                .extracting(f -> f.code().name()).doesNotContain("PG111");
    }

    // ---- rewrites: what the linter claims against what the server does

    @Test
    void pg108TypeChangesRewriteExactlyWhenTheLinterSaysSo() throws Exception {
        List<String> changes = List.of(
                "ALTER COLUMN s TYPE varchar(20)",
                "ALTER COLUMN s TYPE text",
                "ALTER COLUMN note TYPE varchar",
                "ALTER COLUMN amount TYPE numeric(12,2)",
                "ALTER COLUMN amount TYPE numeric",
                "ALTER COLUMN v TYPE bigint",
                "ALTER COLUMN note TYPE varchar(30)",
                "ALTER COLUMN s TYPE varchar(5)",
                "ALTER COLUMN amount TYPE numeric(12,3)");
        assertRewriteClaimsHold("PG108", changes);
        assertThat(rewrites("ALTER TABLE items ALTER COLUMN v TYPE bigint")).isTrue();
        assertThat(rewrites("ALTER TABLE items ALTER COLUMN s TYPE varchar(40)")).isFalse();
    }

    @Test
    void pg109VolatileDefaultsRewriteConstantAndStableOnesDoNot() throws Exception {
        List<String> additions = List.of(
                "ADD COLUMN token uuid DEFAULT gen_random_uuid()",
                "ADD COLUMN r double precision DEFAULT random()",
                "ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY",
                "ADD COLUMN at timestamptz NOT NULL DEFAULT now()",
                "ADD COLUMN flag boolean NOT NULL DEFAULT false",
                "ADD COLUMN plain text");
        assertRewriteClaimsHold("PG109", additions);
        assertThat(rewrites("ALTER TABLE items ADD COLUMN token2 uuid DEFAULT gen_random_uuid()")).isTrue();
    }

    // ---- a claim against the server

    /** The linter flags {@code unsafe} with {@code code}, and while a migration holds it, other sessions wait as {@code expected}. */
    private void assertClaimHolds(String unsafe, String code, Probe expected, String why) throws Exception {
        assertThat(codes(unsafe)).contains(code);
        assertThat(whileHeldInTransaction(unsafe)).as(why).isEqualTo(expected);
    }

    /** The linter lets {@code safe} through, and while it is still running, neither reads nor writes wait. */
    private void assertSafeWhileRunning(String safe, String code) throws Exception {
        assertThat(codes(safe)).doesNotContain(code);
        assertThat(whileRunningConcurrently(safe)).isEqualTo(Probe.NOTHING_WAITS);
    }

    /** The NOT VALID form of {@code unsafe} is not flagged, and the VALIDATE that follows it lets reads and writes through. */
    private void assertNotValidThenValidateIsSafe(String unsafe, String code, String validate) throws Exception {
        assertThat(codes(unsafe + " NOT VALID")).doesNotContain(code);
        db.exec(unsafe + " NOT VALID");
        assertThat(whileHeldInTransaction(validate)).as("VALIDATE takes SHARE UPDATE EXCLUSIVE").isEqualTo(Probe.NOTHING_WAITS);
    }

    /** For each {@code ALTER TABLE items <alteration>}: the linter flags it with {@code code} exactly when the server rewrites the table. */
    private void assertRewriteClaimsHold(String code, List<String> alterations) throws Exception {
        for (String alteration : alterations) {
            String sql = "ALTER TABLE items " + alteration;
            boolean claimed = codes(sql).contains(code);
            boolean measured = rewrites(sql);
            assertThat(claimed).as("linter says %s rewrites: %s; server rewrote: %s", alteration, claimed, measured).isEqualTo(measured);
        }
    }

    // ---- measuring

    /** What another session met: whether its read, and its write, of the table waited past the probe's lock_timeout. */
    record Probe(boolean readBlocked, boolean writeBlocked) {
        static final Probe NOTHING_WAITS = new Probe(false, false);
        static final Probe WRITES_WAIT = new Probe(false, true);
        static final Probe EVERYTHING_WAITS = new Probe(true, true);
    }

    /** Runs {@code ddl} in a transaction left open (a migration mid-way), probes from another session, rolls back. */
    private Probe whileHeldInTransaction(String ddl) throws Exception {
        try (Connection migration = db.connect(); Connection app = db.connect()) {
            migration.setAutoCommit(false);
            execOn(migration, ddl);
            Probe probe = probe(app);
            migration.rollback();
            return probe;
        }
    }

    /**
     * Starts {@code ddl} (a CONCURRENTLY form) and keeps it running: another session holds a write
     * transaction on the table, which the concurrent build must wait for. Probes while it waits.
     */
    private Probe whileRunningConcurrently(String ddl) throws Exception {
        try (Connection writer = db.connect(); Connection migration = db.connect(); Connection app = db.connect()) {
            writer.setAutoCommit(false);
            execOn(writer, "UPDATE items SET note = 'w' WHERE id = 3");
            CompletableFuture<Void> running = CompletableFuture.runAsync(() -> execOn(migration, ddl));
            awaitWaitingOnLock(migration);
            Probe probe = probe(app);
            writer.commit();
            running.get(60, TimeUnit.SECONDS);
            return probe;
        }
    }

    private Probe probe(Connection app) throws SQLException {
        boolean read = blocked(app, "SELECT count(*) FROM items WHERE id = 1");
        boolean write = blocked(app, "UPDATE items SET amount = amount WHERE id = 2");
        return new Probe(read, write);
    }

    /** True when {@code sql} cannot get its lock within the probe's lock_timeout. */
    private static boolean blocked(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET lock_timeout = '" + PROBE_TIMEOUT + "'");
            s.execute(sql);
            return false;
        } catch (SQLException e) {
            if ("55P03".equals(e.getSQLState())) {
                return true;
            }
            throw e;
        }
    }

    /** Waits until the session is waiting for a lock (pg_stat_activity), so a probe runs while it is in progress. */
    private void awaitWaitingOnLock(Connection session) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        try (Connection watcher = db.connect()) {
            while (System.nanoTime() < deadline) {
                try (Statement s = watcher.createStatement();
                     ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND pid <> pg_backend_pid()"
                             + " AND datname = current_database()")) {
                    rs.next();
                    if (rs.getInt(1) > 0) {
                        return;
                    }
                }
                Thread.sleep(10);
            }
        }
        throw new AssertionError("the migration session never waited for a lock");
    }

    /** Runs {@code sql} on a copy of the current table state and says whether the table got a new relfilenode. */
    private boolean rewrites(String sql) throws Exception {
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            long before = relfilenode(c);
            execOn(c, sql);
            long after = relfilenode(c);
            c.rollback();
            return before != after;
        }
    }

    private static long relfilenode(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT relfilenode FROM pg_class WHERE oid = 'public.items'::regclass")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private List<String> codes(String statement) throws SQLException {
        List<Finding> findings = new MigrationLinter(LintPolicy.defaults())
                .lintScript("m.sql", "-- +migrate Up\n" + statement + ";\n", schema());
        return findings.stream().map(f -> f.code().name()).toList();
    }

    private DatabaseSchema schema() throws SQLException {
        return Introspector.read(db.dataSource());
    }

    private static void query(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
        }
    }

    private static void execOn(Connection c, String sql) {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new RuntimeException(e.getMessage(), e);
        }
    }
}
