package dev.sleet.cli;

import dev.sleet.runtime.connect.ConnectionSettings;
import dev.sleet.runtime.connect.ProductionCheck;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Refuses destructive commands ({@code reset}, {@code nuke}, {@code fresh}, {@code push}) against
 * what looks like a production database: {@code SLEET_ENV=production}, or a URL that contains
 * {@code prod}, {@code .com} or {@code rds.amazonaws}: the runtime's {@link ProductionCheck}, which
 * the Maven plugin asks too, with the CLI's flag named in the message.
 */
public final class ProductionGuard {

    /** URL fragments that suggest a production (or at least shared, remote) server. */
    static final List<String> SUSPICIOUS_URL_PARTS = ProductionCheck.SUSPICIOUS_URL_PARTS;

    private final Function<String, String> environment;

    /** @param environment looks up environment variables; {@code System::getenv} outside tests */
    public ProductionGuard(Function<String, String> environment) {
        this.environment = environment;
    }

    /**
     * Why {@code command} must not run against {@code connection}, or empty when it may. Forcing
     * turns every reason off.
     */
    public Optional<String> refusal(String command, ConnectionSettings connection, boolean forceProduction) {
        return ProductionCheck.refusal(command, connection, forceProduction, environment, "--force-production");
    }

    /** Throws a {@link CliException} with {@link ExitCodes#REFUSED} when {@link #refusal} gives a reason. */
    public void check(String command, ConnectionSettings connection, boolean forceProduction) {
        refusal(command, connection, forceProduction).ifPresent(reason -> {
            throw CliException.refused(reason);
        });
    }
}
