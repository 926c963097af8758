package dev.sleet.cli;

import dev.sleet.runtime.Seeder;
import javax.sql.DataSource;

/** A seeder that fails, to check that the failure is reported with the seeder's name. */
public final class FailingSeeder implements Seeder {
    @Override
    public void seed(DataSource dataSource) {
        throw new IllegalStateException("demo account already taken");
    }
}
