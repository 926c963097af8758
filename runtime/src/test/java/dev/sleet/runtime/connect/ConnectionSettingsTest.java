package dev.sleet.runtime.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConnectionSettingsTest {

    @Test
    void libpqFormWithCredentialsPortAndSslMode() {
        ConnectionSettings s = ConnectionSettings.parse("postgresql://app:s3cret@db.internal:6543/catering?sslmode=require", null, null);
        assertThat(s.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:6543/catering?sslmode=require");
        assertThat(s.user()).isEqualTo("app");
        assertThat(s.password()).isEqualTo("s3cret");
        assertThat(s.database()).isEqualTo("catering");
        assertThat(s.hosts()).isEqualTo("db.internal:6543");
    }

    @Test
    void postgresSchemeAliasAndNoPort() {
        ConnectionSettings s = ConnectionSettings.parse("postgres://app@localhost/dev", null, null);
        assertThat(s.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost/dev");
        assertThat(s.user()).isEqualTo("app");
        assertThat(s.password()).isNull();
    }

    @Test
    void percentEncodedCredentialsAreDecodedAndPlusStaysLiteral() {
        ConnectionSettings s = ConnectionSettings.parse("postgresql://us%40er:p%3Aa+ss%2Fw@h:5432/d", null, null);
        assertThat(s.user()).isEqualTo("us@er");
        assertThat(s.password()).isEqualTo("p:a+ss/w");
    }

    @Test
    void unencodedAtAndSlashInPasswordStillParse() {
        ConnectionSettings s = ConnectionSettings.parse("postgresql://app:pa@ss/word@h:5432/d", null, null);
        assertThat(s.password()).isEqualTo("pa@ss/word");
        assertThat(s.jdbcUrl()).isEqualTo("jdbc:postgresql://h:5432/d");
    }

    @Test
    void jdbcFormMovesCredentialsOutOfTheUrlAndKeepsOtherParameters() {
        ConnectionSettings s = ConnectionSettings.parse(
                "jdbc:postgresql://h:5432/d?user=app&password=pw&ssl=true&ApplicationName=x", null, null);
        assertThat(s.jdbcUrl()).isEqualTo("jdbc:postgresql://h:5432/d?ssl=true&ApplicationName=x");
        assertThat(s.user()).isEqualTo("app");
        assertThat(s.password()).isEqualTo("pw");
    }

    @Test
    void explicitUserAndPasswordWinOverTheUrl() {
        ConnectionSettings s = ConnectionSettings.parse("postgresql://a:b@h/d?user=c", "admin", "hunter2");
        assertThat(s.user()).isEqualTo("admin");
        assertThat(s.password()).isEqualTo("hunter2");
    }

    @Test
    void databaseDefaultsToTheUserNameLikeTheServerDoes() {
        ConnectionSettings s = ConnectionSettings.parse("postgresql://app@h:5432", null, null);
        assertThat(s.database()).isEqualTo("app");
        assertThat(s.jdbcUrl()).isEqualTo("jdbc:postgresql://h:5432/");
    }

    @Test
    void emptyHostMeansLocalhostAndSeveralHostsArePassedThrough() {
        assertThat(ConnectionSettings.parse("postgresql:///d", null, null).jdbcUrl()).isEqualTo("jdbc:postgresql://localhost/d");
        assertThat(ConnectionSettings.parse("postgresql://u@h1:5432,h2:5433/d?targetServerType=primary", null, null).jdbcUrl())
                .isEqualTo("jdbc:postgresql://h1:5432,h2:5433/d?targetServerType=primary");
    }

    @Test
    void displayAndToStringNeverShowThePassword() {
        ConnectionSettings s = ConnectionSettings.parse("postgresql://app:topsecret@h/d", null, null);
        assertThat(s.display()).doesNotContain("topsecret").contains("app");
        assertThat(s.toString()).doesNotContain("topsecret");
    }

    @Test
    void otherSchemesAreRefusedWithTheFormsThatWork() {
        assertThatThrownBy(() -> ConnectionSettings.parse("mysql://root:pw@h/d", null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a PostgreSQL URL")
                .hasMessageContaining("postgresql://user:password@host:5432/database")
                .hasMessageNotContaining("pw@");
    }

    @Test
    void aPathWithSeveralSegmentsIsRefused() {
        assertThatThrownBy(() -> ConnectionSettings.parse("postgresql://h/d/extra", null, null))
                .hasMessageContaining("single database name");
    }
}
