package dev.sleet.cli;

import dev.sleet.runtime.connect.ConnectionSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProductionGuardTest {
    private static final ConnectionSettings LOCAL = ConnectionSettings.parse("postgresql://dev:dev@localhost:5432/app_dev", null, null);

    private static ProductionGuard guard(Map<String, String> env) {
        return new ProductionGuard(env::get);
    }

    @Test
    void localDevelopmentDatabasePasses() {
        assertThat(guard(Map.of()).refusal("reset", LOCAL, false)).isEmpty();
        assertThat(guard(Map.of("SLEET_ENV", "development")).refusal("reset", LOCAL, false)).isEmpty();
    }

    @Test
    void sleetEnvProductionRefusesAndSaysWhyAndHowToOverride() {
        Optional<String> refusal = guard(Map.of("SLEET_ENV", " Production ")).refusal("nuke", LOCAL, false);
        assertThat(refusal).get().asString()
                .contains("refusing to run 'nuke'")
                .contains("SLEET_ENV=production")
                .contains("--force-production");
    }

    @Test
    void eachSuspiciousUrlPartRefuses() {
        for (String url : new String[] {
                "postgresql://u@db-prod.internal/app", "postgresql://u@db.example.com/app",
                "postgresql://u@app.abc123.eu-west-1.rds.amazonaws.com:5432/app", "postgresql://u@localhost/PRODUCTION"}) {
            ConnectionSettings s = ConnectionSettings.parse(url, null, null);
            assertThat(guard(Map.of()).refusal("reset", s, false)).as(url).isPresent();
        }
        ConnectionSettings rds = ConnectionSettings.parse("postgresql://u@x.rds.amazonaws.com/app", null, null);
        assertThat(guard(Map.of()).refusal("reset", rds, false)).get().asString()
                .contains("contains '.com', 'rds.amazonaws'");
    }

    @Test
    void aPasswordContainingProdDoesNotTriggerTheGuard() {
        ConnectionSettings s = ConnectionSettings.parse("postgresql://u:myprodpass@localhost/app", null, null);
        assertThat(guard(Map.of()).refusal("reset", s, false)).isEmpty();
    }

    @Test
    void forceProductionOverridesEveryReason() {
        ConnectionSettings s = ConnectionSettings.parse("postgresql://u@prod.example.com/app", null, null);
        assertThat(guard(Map.of("SLEET_ENV", "production")).refusal("reset", s, true)).isEmpty();
    }

    @Test
    void checkThrowsARefusalWithTheRefusedExitCode() {
        assertThatThrownBy(() -> guard(Map.of("SLEET_ENV", "production")).check("fresh", LOCAL, false))
                .isInstanceOfSatisfying(CliException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCodes.REFUSED));
    }

    @Test
    void confirmationNeedsYesWhenNotInteractive() {
        assertThatThrownBy(() -> Confirmation.require("reset", "deletes rows", LOCAL, false, Optional.empty()))
                .isInstanceOfSatisfying(CliException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCodes.REFUSED);
                    assertThat(e.getMessage()).contains("--yes").contains("not interactive");
                });
        assertThatCode(() -> Confirmation.require("reset", "deletes rows", LOCAL, true, Optional.empty())).doesNotThrowAnyException();
    }

    @Test
    void interactiveConfirmationWantsTheDatabaseName() {
        Optional<CliEnvironment.Prompter> typesName = Optional.of(q -> "app_dev");
        Optional<CliEnvironment.Prompter> typesYes = Optional.of(q -> "y");
        Optional<CliEnvironment.Prompter> closesInput = Optional.of(q -> null);
        assertThatCode(() -> Confirmation.require("reset", "deletes rows", LOCAL, false, typesName)).doesNotThrowAnyException();
        assertThatThrownBy(() -> Confirmation.require("reset", "deletes rows", LOCAL, false, typesYes))
                .hasMessageContaining("did not match").hasMessageContaining("app_dev");
        assertThatThrownBy(() -> Confirmation.require("reset", "deletes rows", LOCAL, false, closesInput))
                .isInstanceOf(CliException.class);
    }
}
