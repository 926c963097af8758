package dev.sleet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class DestructiveCommandsTest {

    private final TestDatabase db;

    DestructiveCommandsTest(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void appSchemaWithRowsAndHistory() throws SQLException {
        db.exec("""
                DROP SCHEMA IF EXISTS billing CASCADE;
                DROP SCHEMA IF EXISTS sleet CASCADE;
                DROP SCHEMA IF EXISTS public CASCADE;
                CREATE SCHEMA public;
                CREATE SCHEMA billing;
                CREATE SCHEMA sleet;
                CREATE TABLE sleet.history (name text PRIMARY KEY);
                INSERT INTO sleet.history VALUES ('20260101_000000_init');
                CREATE TABLE public.clients (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL);
                CREATE TABLE billing.invoices (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                                               client_id bigint NOT NULL REFERENCES public.clients(id));
                INSERT INTO public.clients (name) VALUES ('Acme'), ('Globex');
                INSERT INTO billing.invoices (client_id) VALUES (1), (2), (2);
                """);
    }

    @Test
    void resetEmptiesEveryApplicationTableRestartsIdentityAndKeepsHistory() throws SQLException {
        Cli.Result r = new Cli().run("reset", "--url", db.url(), "--yes", "--migrations", "does-not-exist");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("emptied 2 table(s)").contains("billing.invoices").contains("public.clients");
        assertThat(count("public.clients")).isZero();
        assertThat(count("billing.invoices")).isZero();
        assertThat(count("sleet.history")).isEqualTo(1);
        db.exec("INSERT INTO public.clients (name) VALUES ('Initech')");
        assertThat(db.scalar("SELECT id FROM public.clients")).isEqualTo(1);
    }

    @Test
    void resetWithoutYesIsRefusedWhenNotInteractiveAndChangesNothing() throws SQLException {
        Cli.Result r = new Cli().run("reset", "--url", db.url());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.REFUSED);
        assertThat(r.err()).contains("--yes");
        assertThat(count("public.clients")).isEqualTo(2);
    }

    @Test
    void interactiveResetProceedsWhenTheDatabaseNameIsTypedAndStopsOtherwise() throws SQLException {
        Cli.Result wrong = new Cli().interactive(q -> "yes").run("reset", "--url", db.url());
        assertThat(wrong.exitCode()).isEqualTo(ExitCodes.REFUSED);
        assertThat(count("public.clients")).isEqualTo(2);

        String[] asked = new String[1];
        Cli.Result right = new Cli().interactive(q -> {
            asked[0] = q;
            return db.name();
        }).run("reset", "--url", db.url());
        assertThat(right.exitCode()).as(right.toString()).isEqualTo(ExitCodes.OK);
        assertThat(asked[0]).contains(db.name());
        assertThat(count("public.clients")).isZero();
    }

    @Test
    void sleetEnvProductionRefusesResetNukeAndFreshUnlessForced() throws SQLException {
        for (String command : new String[] {"reset", "nuke", "fresh"}) {
            Cli.Result r = new Cli().env("SLEET_ENV", "production").run(command, "--url", db.url(), "--yes");
            assertThat(r.exitCode()).as(command + ": " + r).isEqualTo(ExitCodes.REFUSED);
            assertThat(r.err()).contains("SLEET_ENV=production").contains("--force-production");
        }
        assertThat(count("public.clients")).isEqualTo(2);

        Cli.Result forced = new Cli().env("SLEET_ENV", "production")
                .run("reset", "--url", db.url(), "--yes", "--force-production");
        assertThat(forced.exitCode()).as(forced.toString()).isEqualTo(ExitCodes.OK);
        assertThat(count("public.clients")).isZero();
    }

    @Test
    void productionLookingUrlIsRefusedBeforeAnyConnectionIsTried() {
        // The host does not exist: a refusal (3) rather than a connection failure (4) proves the guard ran first.
        Cli.Result r = new Cli().run("nuke", "--url", "postgresql://app:pw@orders.prod.example.com:5432/orders", "--yes");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.REFUSED);
        assertThat(r.err()).contains("contains 'prod', '.com'");
    }

    @Test
    void databaseUrlEnvironmentVariableIsUsedWhenNoUrlIsGiven() throws SQLException {
        Cli.Result r = new Cli().env("DATABASE_URL", db.url()).run("reset", "--yes");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
        assertThat(count("public.clients")).isZero();
    }

    @Test
    void jdbcUrlWithSeparateCredentialsWorksToo() throws SQLException {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("reset", "--url", db.jdbcUrl(), "--user", db.user(), "--yes"));
        if (db.password() != null) { // an external server with trust authentication has none
            args.addAll(java.util.List.of("--password", db.password()));
        }
        Cli.Result r = new Cli().run(args.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
        assertThat(count("billing.invoices")).isZero();
    }

    @Test
    void nukeDropsApplicationSchemasAndHistoryAndLeavesAnEmptyPublic() throws SQLException {
        Cli.Result r = new Cli().run("nuke", "--url", db.url(), "--yes", "--json");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
        assertThat(db.scalar("SELECT count(*) FROM pg_namespace WHERE nspname IN ('billing', 'sleet')")).isZero();
        assertThat(db.scalar("SELECT count(*) FROM pg_namespace WHERE nspname = 'public'")).isEqualTo(1);
        assertThat(db.scalar("SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public'")).isZero();
        JsonNode json = parse(r.out());
        assertThat(json.get("ok").booleanValue()).isTrue();
        assertThat(json.get("droppedSchemas")).extracting(JsonNode::textValue).containsExactly("billing", "public", "sleet");
    }

    @Test
    void noDatabaseGivenIsAUsageError() {
        Cli.Result r = new Cli().run("reset", "--yes");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--url").contains("DATABASE_URL");
    }

    @Test
    void unreachableServerIsAConnectionFailure() {
        Cli.Result r = new Cli().run("reset", "--url", "postgresql://u:secretpw@127.0.0.1:1/nothing", "--yes");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.CONNECTION);
        assertThat(r.err()).contains("cannot connect").doesNotContain("secretpw");
    }

    @Test
    void theLastFallbackVariableIsUsedAndNamedWhenItsServerIsUnreachable() {
        Cli.Result r = new Cli().env("SLEET_DATABASE_URL", "postgresql://u:secretpw@127.0.0.1:1/nothing").run("status");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.CONNECTION);
        assertThat(r.err()).contains("127.0.0.1:1").contains("SLEET_DATABASE_URL").doesNotContain("secretpw");
    }

    @Test
    void wrongPasswordIsAConnectionFailure() {
        Cli.Result r = new Cli().run("reset", "--url", db.jdbcUrl(), "--user", db.user(), "--password", "wrong", "--yes");
        // The embedded server may trust local logins; then the password is not checked and the run succeeds.
        assertThat(r.exitCode()).as(r.toString()).isIn(ExitCodes.CONNECTION, ExitCodes.OK);
    }

    @Test
    void seedRunsTheServiceLoaderSeederAndIsIdempotent() throws SQLException {
        Cli.Result first = new Cli().run("seed", "--url", db.url());
        assertThat(first.exitCode()).as(first.toString()).isEqualTo(ExitCodes.OK);
        assertThat(first.out()).contains("dev.sleet.cli.CountingSeeder");
        assertThat(first.err()).contains("seeded with dev.sleet.cli.CountingSeeder");
        Cli.Result second = new Cli().run("seed", "--url", db.url(), "--seeder", CountingSeeder.class.getName(), "--json");
        assertThat(second.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(parse(second.out()).get("seeders").get(0).get("seeder").textValue()).isEqualTo(CountingSeeder.class.getName());
        assertThat(count("public.seeded_colours")).isEqualTo(3);
    }

    @Test
    void seederProblemsNameTheSeederAndTheFix() {
        Cli.Result missing = new Cli().run("seed", "--url", db.url(), "--seeder", "com.example.NoSuchSeeder");
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).contains("com.example.NoSuchSeeder").contains("--classpath");

        Cli.Result failing = new Cli().run("seed", "--url", db.url(), "--seeder", FailingSeeder.class.getName());
        assertThat(failing.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(failing.err()).contains(FailingSeeder.class.getName()).contains("demo account already taken");

        Cli.Result noLibrary = new Cli().run("seed", "--url", db.url(), "--seeder", MissingLibrarySeeder.class.getName());
        assertThat(noLibrary.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(noLibrary.err()).contains(MissingLibrarySeeder.class.getName()).contains("org/mindrot/jbcrypt/BCrypt")
                .contains("dependency:build-classpath").doesNotContain("\tat ");
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : new String[] {"migrate", "status", "verify", "push", "rollback", "baseline", "repair",
                "reset", "nuke", "fresh", "seed"}) {
            Cli.Result r = new Cli().run(command, "--help");
            assertThat(r.exitCode()).as(command).isEqualTo(ExitCodes.OK);
            assertThat(r.out()).as(command).contains("Usage: sleet " + command).contains("--url");
        }
        assertThat(new Cli().run("--help").out()).contains("Exit codes:");
        assertThat(new Cli().run("no-such-command").exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    private JsonNode parse(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    private long count(String table) throws SQLException {
        return db.scalar("SELECT count(*) FROM " + table);
    }
}
