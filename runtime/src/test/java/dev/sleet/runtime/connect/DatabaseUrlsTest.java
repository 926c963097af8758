package dev.sleet.runtime.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseUrlsTest {
    private static final String HOW = "pass --url postgresql://user:pass@host:5432/db";

    @Test
    void theExplicitUrlWinsThenDatabaseUrlThenSleetDatabaseUrl() {
        Map<String, String> env = Map.of("DATABASE_URL", "postgresql://app@envhost/app_db", "SLEET_DATABASE_URL", "postgresql://t@testhost/test_db");
        assertThat(DatabaseUrls.resolve("postgresql://me@given/given_db", null, null, env::get, HOW).database()).isEqualTo("given_db");
        assertThat(DatabaseUrls.resolve(null, null, null, env::get, HOW).database()).isEqualTo("app_db");
        assertThat(DatabaseUrls.resolve(" ", null, null, env::get, HOW).database()).isEqualTo("app_db");
        Map<String, String> sleetOnly = Map.of("SLEET_DATABASE_URL", "postgresql://t@testhost/test_db", "DATABASE_URL", "");
        assertThat(DatabaseUrls.resolve(null, null, null, sleetOnly::get, HOW).database()).isEqualTo("test_db");
    }

    @Test
    void explicitCredentialsWinAndPgpasswordFillsIn() {
        Map<String, String> env = Map.of("PGPASSWORD", "from-env");
        ConnectionSettings fromEnv = DatabaseUrls.resolve("postgresql://app@h/db", null, null, env::get, HOW);
        assertThat(fromEnv.password()).isEqualTo("from-env");
        ConnectionSettings given = DatabaseUrls.resolve("postgresql://app:inurl@h/db", "other", "given", env::get, HOW);
        assertThat(given.user()).isEqualTo("other");
        assertThat(given.password()).isEqualTo("given");
    }

    @Test
    void noUrlNamesEveryWayToGiveOne() {
        assertThatThrownBy(() -> DatabaseUrls.resolve(null, null, null, name -> null, HOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no database given: pass --url postgresql://user:pass@host:5432/db, or set the DATABASE_URL "
                        + "(or SLEET_DATABASE_URL) environment variable");
        assertThatThrownBy(() -> DatabaseUrls.resolve("mysql://x/y", null, null, name -> null, HOW))
                .hasMessageStartingWith("not a PostgreSQL URL");
    }
}
