package dev.sleet.schema.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sleet.schema.model.CheckConstraint;
import dev.sleet.schema.model.Column;
import dev.sleet.schema.model.ColumnType;
import dev.sleet.schema.model.DatabaseSchema;
import dev.sleet.schema.model.EnumType;
import dev.sleet.schema.model.Index;
import dev.sleet.schema.model.IndexKey;
import dev.sleet.schema.model.IndexMethod;
import dev.sleet.schema.model.PrimaryKey;
import dev.sleet.schema.model.QualifiedName;
import dev.sleet.schema.model.Table;
import dev.sleet.schema.journal.MigrationMeta;
import dev.sleet.schema.journal.MigrationsFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationLinterTest {
    private static final QualifiedName EVENTS = QualifiedName.of(null, "events");

    /** The committed state: public.events with rows of several types, one index, one proven NOT NULL check. */
    static DatabaseSchema committed() {
        Table events = new Table(EVENTS,
                List.of(new Column("id", ColumnType.builtin("bigint"), false),
                        new Column("name", ColumnType.builtin("varchar(50)"), true),
                        new Column("notes", ColumnType.builtin("text"), true),
                        new Column("amount", ColumnType.builtin("numeric(10,2)"), true),
                        new Column("guests", ColumnType.builtin("integer"), true),
                        new Column("checked", ColumnType.builtin("text"), true),
                        new Column("status", new ColumnType.EnumRef(QualifiedName.of(null, "event_status"), false), true)),
                new PrimaryKey("events_pkey", List.of("id")), List.of(), List.of(),
                List.of(new CheckConstraint("events_checked_not_null", "checked IS NOT NULL")), List.of(),
                List.of(new Index("idx_events_name", List.of(IndexKey.column("name")), false, IndexMethod.BTREE, null)), List.of());
        Table clients = new Table(QualifiedName.of(null, "clients"),
                List.of(new Column("id", ColumnType.builtin("bigint"), false)),
                new PrimaryKey("clients_pkey", List.of("id")), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
        return new DatabaseSchema(new TreeSet<>(Set.of("public")), new TreeSet<>(),
                List.of(new EnumType(QualifiedName.of(null, "event_status"), List.of("a", "b"))), List.of(events, clients));
    }

    static List<Finding> lint(String up) {
        return lint(up, LintPolicy.defaults());
    }

    static List<Finding> lint(String up, LintPolicy policy) {
        return new MigrationLinter(policy).lintScript("20261129_120000_test.sql", "-- +migrate Up\n" + up, committed());
    }

    static List<String> codes(String up) {
        return lint(up).stream().filter(f -> !f.isSuppressed()).map(f -> f.code().name()).toList();
    }

    @Test
    void createIndexOnExistingTableWithoutConcurrently() {
        assertThat(codes("SET lock_timeout = '5s';\nCREATE INDEX idx_events_notes ON events (notes);\n")).containsExactly("PG101");
        assertThat(codes("CREATE INDEX CONCURRENTLY idx_events_notes ON events (notes);\n")).isEmpty();
        Finding f = lint("CREATE INDEX \"idx\" ON \"public\".\"events\" USING btree (\"notes\");\n").get(0);
        assertThat(f.code()).isEqualTo(LintCode.PG101);
        assertThat(f.line()).isEqualTo(2);
        assertThat(f.why()).contains("SHARE lock on public.events");
        assertThat(f.fix()).contains("CREATE INDEX CONCURRENTLY \"idx\" ON \"public\".\"events\"");
    }

    @Test
    void tablesCreatedInTheSameMigrationAreSafeToChange() {
        String up = """
                CREATE TABLE "public"."bookings" (
                  "id" bigint NOT NULL,
                  "event_id" bigint NOT NULL
                );
                CREATE UNIQUE INDEX "idx_b" ON "public"."bookings" USING btree ("event_id");
                ALTER TABLE "public"."bookings" ADD COLUMN "code" text NOT NULL;
                ALTER TABLE "public"."bookings" ADD CONSTRAINT "c" CHECK (id > 0);
                ALTER TABLE "public"."bookings" ALTER COLUMN "event_id" TYPE integer USING "event_id"::integer;
                DROP TABLE "public"."bookings";
                """;
        assertThat(codes(up)).isEmpty();
    }

    @Test
    void uniqueIndexOnExistingRowsIsDataDependent() {
        assertThat(codes("CREATE UNIQUE INDEX CONCURRENTLY u ON events (name);")).containsExactly("MF101");
    }

    @Test
    void dropIndexFindsItsTableInTheCommittedState() {
        assertThat(codes("SET lock_timeout = '2s'; DROP INDEX \"public\".\"idx_events_name\";")).containsExactly("PG102");
        assertThat(codes("DROP INDEX CONCURRENTLY idx_events_name;")).isEmpty();
        assertThat(codes("CREATE INDEX CONCURRENTLY tmp ON events (notes); DROP INDEX tmp;")).isEmpty();
    }

    @Test
    void concurrentlyInsideAnExplicitTransactionIsAnError() {
        List<Finding> findings = lint("BEGIN;\nCREATE INDEX CONCURRENTLY i ON events (notes);\nCOMMIT;\n");
        assertThat(findings).extracting(f -> f.code().name()).containsExactly("PG103");
        assertThat(findings.get(0).severity()).isEqualTo(Severity.ERROR);
        assertThat(findings.get(0).line()).isEqualTo(3);
    }

    @Test
    void notNullColumnWithoutDefault() {
        assertThat(codes("SET lock_timeout = '1s'; ALTER TABLE events ADD COLUMN code text NOT NULL;")).containsExactly("MF103");
        assertThat(codes("SET lock_timeout = '1s'; ALTER TABLE events ADD COLUMN code text NOT NULL DEFAULT 'x';")).isEmpty();
        assertThat(codes("SET lock_timeout = '1s'; ALTER TABLE events ADD COLUMN code text;")).isEmpty();
        assertThat(codes("SET lock_timeout = '1s'; ALTER TABLE events ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY NOT NULL;"))
                .containsExactly("PG109");
    }

    @Test
    void volatileDefaultRewritesButStableDoesNot() {
        assertThat(codes("SET lock_timeout = '1s'; ALTER TABLE events ADD COLUMN token uuid DEFAULT gen_random_uuid();"))
                .containsExactly("PG109");
        assertThat(codes("SET lock_timeout = '1s'; ALTER TABLE events ADD COLUMN at timestamptz NOT NULL DEFAULT now();")).isEmpty();
        assertThat(codes("SET lock_timeout = '1s'; ALTER TABLE events ADD COLUMN note text DEFAULT 'random()';")).isEmpty();
    }

    @Test
    void typeChangesKnowTheBinaryCoercibleCases() {
        String t = "SET lock_timeout = '1s'; ALTER TABLE \"public\".\"events\" ALTER COLUMN ";
        assertThat(codes(t + "\"name\" TYPE character varying(80) USING \"name\"::character varying(80);")).isEmpty();
        assertThat(codes(t + "\"name\" TYPE text;")).isEmpty();
        assertThat(codes(t + "\"notes\" TYPE varchar;")).isEmpty();
        assertThat(codes(t + "\"amount\" TYPE numeric(12,2);")).isEmpty();
        assertThat(codes(t + "\"guests\" TYPE bigint;")).containsExactly("PG108");
        assertThat(codes(t + "\"name\" TYPE varchar(20);")).containsExactly("PG108", "MF105");
        assertThat(codes(t + "\"notes\" TYPE varchar(20);")).containsExactly("PG108", "MF105");
        assertThat(codes(t + "\"amount\" TYPE numeric(10,1);")).containsExactly("PG108", "MF105");
        assertThat(codes(t + "\"missing\" TYPE text;")).containsExactly("PG108");
    }

    @Test
    void setNotNullUnlessAValidatedCheckProvesIt() {
        assertThat(codes("SET lock_timeout = '1s'; ALTER TABLE events ALTER COLUMN notes SET NOT NULL;")).containsExactly("MF104");
        assertThat(codes("SET lock_timeout = '1s'; ALTER TABLE events ALTER COLUMN checked SET NOT NULL;")).isEmpty();
        String safe = """
                SET lock_timeout = '1s';
                ALTER TABLE events ADD CONSTRAINT n CHECK (notes IS NOT NULL) NOT VALID;
                ALTER TABLE events VALIDATE CONSTRAINT n;
                ALTER TABLE events ALTER COLUMN notes SET NOT NULL;
                """;
        assertThat(codes(safe)).isEmpty();
    }

    @Test
    void constraintsWithoutNotValid() {
        String lt = "SET lock_timeout = '1s';\n";
        assertThat(codes(lt + "ALTER TABLE events ADD CONSTRAINT fk FOREIGN KEY (guests) REFERENCES clients (id);"))
                .containsExactly("PG104", "PG112");
        assertThat(codes(lt + "ALTER TABLE events ADD CONSTRAINT fk FOREIGN KEY (guests) REFERENCES clients (id) NOT VALID;")).isEmpty();
        assertThat(codes(lt + "ALTER TABLE events ADD CONSTRAINT c CHECK (guests > 0);")).containsExactly("PG105");
        assertThat(codes(lt + "ALTER TABLE events ADD CONSTRAINT c CHECK (guests > 0 AND NOT valid_flag) NOT VALID;")).isEmpty();
        assertThat(codes(lt + "ALTER TABLE events ADD CONSTRAINT c CHECK (NOT valid);")).containsExactly("PG105");
        assertThat(codes(lt + "ALTER TABLE events ADD CONSTRAINT x EXCLUDE USING gist (id WITH =);")).containsExactly("PG106");
        assertThat(codes(lt + "ALTER TABLE events ADD CONSTRAINT u UNIQUE (name);")).containsExactly("PG107", "MF102");
        assertThat(codes(lt + "ALTER TABLE events ADD CONSTRAINT u UNIQUE USING INDEX idx_u;")).containsExactly("MF102");
    }

    @Test
    void renamesAndDrops() {
        String lt = "SET lock_timeout = '1s';\n";
        assertThat(codes(lt + "ALTER TABLE events RENAME COLUMN notes TO remarks;")).containsExactly("BC102");
        assertThat(codes(lt + "ALTER TABLE events RENAME TO happenings;")).containsExactly("BC101");
        assertThat(codes(lt + "ALTER TABLE events DROP COLUMN notes;")).containsExactly("DS103");
        assertThat(codes(lt + "DROP TABLE events;")).containsExactly("DS102");
        assertThat(codes("DROP SCHEMA billing CASCADE;")).containsExactly("DS101");
        assertThat(codes("DROP TYPE \"public\".\"event_status\";")).containsExactly("DS107");
    }

    @Test
    void lockTimeoutOncePerFileAndOnlyBeforeAccessExclusive() {
        assertThat(codes("ALTER TABLE events ADD COLUMN a text; ALTER TABLE events ADD COLUMN b text;")).containsExactly("PG111");
        assertThat(codes("SET lock_timeout = 0; ALTER TABLE events ADD COLUMN a text;")).containsExactly("PG111");
        assertThat(codes("SET LOCAL lock_timeout TO '3s'; ALTER TABLE events ADD COLUMN a text;")).isEmpty();
        Finding f = lint("ALTER TABLE events ADD COLUMN a text;").get(0);
        assertThat(f.why()).contains("queues behind it");
    }

    @Test
    void storageAndStatisticsSettingsTakeNoAccessExclusiveLock() {
        assertThat(codes("ALTER TABLE events SET (fillfactor = 70);")).isEmpty();
        assertThat(codes("ALTER TABLE events ALTER COLUMN notes SET STATISTICS 500;")).isEmpty();
        assertThat(codes("ALTER TABLE events DROP CONSTRAINT events_checked_not_null;")).containsExactly("PG111");
    }

    @Test
    void severalTablesLockedInOneTransaction() {
        String two = "SET lock_timeout = '1s'; ALTER TABLE events ADD COLUMN a text; ALTER TABLE clients ADD COLUMN b text;";
        assertThat(codes(two)).containsExactly("PG112");
        assertThat(codes("SET lock_timeout = '1s'; ALTER TABLE events ADD COLUMN a text; ALTER TABLE events ADD COLUMN b text;")).isEmpty();
        List<Finding> noTx = new MigrationLinter(LintPolicy.defaults()).lintScript("x.sql",
                "-- +migrate NoTransaction\n-- +migrate Up\n" + two, committed());
        assertThat(noTx).isEmpty();
    }

    @Test
    void nolintSuppressesWithAReason() {
        List<Finding> findings = lint("""
                SET lock_timeout = '1s';
                -- sleet:nolint PG101 table is empty in every environment
                CREATE INDEX i ON events (notes);
                """);
        assertThat(findings).hasSize(1);
        assertThat(findings.get(0).code()).isEqualTo(LintCode.PG101);
        assertThat(findings.get(0).suppressed()).isEqualTo("table is empty in every environment");
        LintReport report = new LintReport(1, findings);
        assertThat(report.active()).isEmpty();
        assertThat(report.suppressed()).isEqualTo(1);
    }

    @Test
    void nolintAppliesOnlyToItsStatementAndTrailingCommentsCount() {
        List<String> codes = codes("""
                SET lock_timeout = '1s';
                CREATE INDEX i ON events (notes); -- sleet:nolint PG101 built at night
                CREATE INDEX j ON events (name);
                """);
        assertThat(codes).containsExactly("PG101");
    }

    @Test
    void nolintWithoutReasonOrWithUnknownCodeIsAFinding() {
        List<Finding> noReason = lint("SET lock_timeout = '1s';\n-- sleet:nolint PG101\nCREATE INDEX i ON events (notes);\n");
        assertThat(noReason).extracting(f -> f.code().name() + ":" + f.isSuppressed()).containsExactly("NL101:false", "PG101:true");
        assertThat(noReason.get(0).line()).isEqualTo(3);
        List<Finding> unknown = lint("SET lock_timeout = '1s';\n-- sleet:nolint PG999 because\nCREATE INDEX i ON events (notes);\n");
        assertThat(unknown).extracting(f -> f.code().name() + ":" + f.isSuppressed()).containsExactly("NL102:false", "PG101:false");
        List<Finding> alias = lint("SET lock_timeout = '1s';\n-- sleet:nolint DS105 checked by hand\nALTER TABLE events ALTER COLUMN notes SET NOT NULL;\n");
        assertThat(alias).extracting(f -> f.code().name() + ":" + f.isSuppressed()).containsExactly("MF104:true");
    }

    @Test
    void policyChangesSeverityOrTurnsCodesOff() {
        LintPolicy policy = LintPolicy.parse("PG=error, PG111=off, MF103=off");
        List<Finding> findings = lint("CREATE INDEX i ON events (notes); ALTER TABLE events ADD COLUMN c text NOT NULL;", policy);
        assertThat(findings).extracting(f -> f.code().name() + ":" + f.severity().label()).containsExactly("PG101:error");
        assertThat(LintPolicy.parse("default=error").severityOf(LintCode.BC101)).isEqualTo(Severity.ERROR);
        assertThat(LintPolicy.parse("default=error,BC=warning").severityOf(LintCode.BC101)).isEqualTo(Severity.WARNING);
        assertThatThrownBy(() -> LintPolicy.parse("PG101=loud")).hasMessageContaining("'loud' is not a severity");
        assertThatThrownBy(() -> LintPolicy.parse("XX101=off")).hasMessageContaining("neither a lint code");
    }

    @Test
    void draftWarningCommentsCarryDestructiveCodes() {
        List<String> codes = codes("""
                -- WARNING DS106: removes an enum value; rows holding it make the migration fail (public.event_status)
                ALTER TYPE "public"."event_status" RENAME TO "event_status_old";
                CREATE TYPE "public"."event_status" AS ENUM ('a');
                DROP TYPE "public"."event_status_old";
                """);
        assertThat(codes).containsExactly("DS106");
    }

    @Test
    void unreadableFileIsAFinding() {
        List<Finding> findings = new MigrationLinter(LintPolicy.defaults()).lintScript("bad.sql", "CREATE TABLE x ();", committed());
        assertThat(findings).extracting(f -> f.code().name()).containsExactly("LT101");
        assertThat(findings.get(0).severity()).isEqualTo(Severity.ERROR);
    }

    @Test
    void stringsCommentsAndDollarBodiesAreNotStatements() {
        String up = """
                SET lock_timeout = '1s';
                CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  EXECUTE 'CREATE INDEX i ON events (notes)';
                  RETURN NEW;
                END $$;
                COMMENT ON TABLE events IS 'DROP TABLE events; ALTER TABLE events ADD COLUMN x text NOT NULL';
                """;
        assertThat(codes(up)).isEmpty();
    }

    @Test
    void folderLintUsesTheStateCommittedBeforeEachMigration(@TempDir Path dir) throws Exception {
        MigrationsFolder folder = MigrationsFolder.at(dir);
        folder.write("20261101_000000_create_events", """
                -- +migrate Up
                CREATE TABLE "public"."events" ("id" bigint NOT NULL, "notes" text);
                CREATE INDEX "idx_events_notes" ON "public"."events" USING btree ("notes");
                -- +migrate Down
                DROP TABLE "public"."events";
                """, new MigrationMeta("20261101_000000_create_events", List.of(), committed()));
        Files.writeString(dir.resolve("20261102_000000_hand_written.sql"), """
                -- +migrate Up
                SET lock_timeout = '1s';
                CREATE INDEX "idx_events_id" ON "public"."events" ("id");
                -- +migrate Down
                DROP INDEX "public"."idx_events_id";
                """);
        folder.write("20261103_000000_add_code", """
                -- +migrate Up
                ALTER TABLE "public"."events" ADD COLUMN "code" text NOT NULL;
                -- +migrate Down
                ALTER TABLE "public"."events" DROP COLUMN "code";
                """, new MigrationMeta("20261103_000000_add_code", List.of("20261101_000000_create_events"), committed()));
        Files.writeString(dir.resolve(LintPolicy.FILE_NAME), "PG111=off\n");

        LintReport report = MigrationLinter.forFolder(dir).lintFolder(dir);
        assertThat(report.files()).isEqualTo(3);
        assertThat(report.findings()).extracting(f -> f.file() + ":" + f.line() + ":" + f.code().name()).containsExactly(
                "20261102_000000_hand_written.sql:3:PG101",
                "20261103_000000_add_code.sql:2:MF103");

        LintReport onlyLast = MigrationLinter.forFolder(dir).lintFolder(dir, name -> name.endsWith("add_code"));
        assertThat(onlyLast.files()).isEqualTo(1);
        assertThat(onlyLast.findings()).extracting(f -> f.code().name()).containsExactly("MF103");
    }

    @Test
    void aHandWrittenFileAfterAMergeSeesBothBranches(@TempDir Path dir) throws Exception {
        MigrationsFolder folder = MigrationsFolder.at(dir);
        DatabaseSchema base = committed();
        folder.write("20261101_000000_base", "-- +migrate Up\nSELECT 1;\n", new MigrationMeta("20261101_000000_base", List.of(), base));
        folder.write("20261102_000000_left", "-- +migrate Up\nSELECT 1;\n",
                new MigrationMeta("20261102_000000_left", List.of("20261101_000000_base"), withTable(base, "left_side")));
        folder.write("20261103_000000_right", "-- +migrate Up\nSELECT 1;\n",
                new MigrationMeta("20261103_000000_right", List.of("20261101_000000_base"), withTable(base, "right_side")));
        Files.writeString(dir.resolve("20261104_000000_hand.sql"), """
                -- +migrate Up
                SET lock_timeout = '1s';
                ALTER TABLE left_side ALTER COLUMN label TYPE text;
                ALTER TABLE right_side ALTER COLUMN label TYPE text;
                ALTER TABLE nowhere ALTER COLUMN label TYPE text;
                """);
        LintReport report = MigrationLinter.forFolder(dir).lintFolder(dir, name -> name.endsWith("hand"));
        assertThat(report.findings()).extracting(f -> f.line() + ":" + f.code().name()).containsExactly("4:PG112", "5:PG108");
    }

    private static DatabaseSchema withTable(DatabaseSchema base, String name) {
        List<Table> tables = new java.util.ArrayList<>(base.tables());
        tables.add(new Table(QualifiedName.of(null, name), List.of(new Column("label", ColumnType.builtin("varchar(10)"), true)),
                null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of()));
        return new DatabaseSchema(base.schemas(), base.extensions(), base.enums(), tables);
    }
}
