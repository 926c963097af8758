package dev.sleet.cli;

import dev.sleet.runtime.Seeder;
import javax.sql.DataSource;

/** Behaves like a seeder whose library (say, a password hasher) was left off --classpath. */
public final class MissingLibrarySeeder implements Seeder {
    @Override
    public void seed(DataSource dataSource) {
        throw new NoClassDefFoundError("org/mindrot/jbcrypt/BCrypt");
    }
}
