package dev.sleet.runtime;

import javax.sql.DataSource;

/**
 * Fills a database with the data an application needs to be usable in development: reference
 * rows, a demo account, sample bookings. {@code sleet seed} and {@code sleet fresh} find an
 * implementation by class name ({@code --seeder}) or through {@link java.util.ServiceLoader}
 * ({@code META-INF/services/dev.sleet.runtime.Seeder}) and call it after migrating.
 *
 * <p>Implementations must be idempotent: running {@code seed} twice leaves the same rows as
 * running it once (use {@code INSERT … ON CONFLICT DO NOTHING} or check first). They need a
 * public no-argument constructor.
 */
public interface Seeder {
    void seed(DataSource dataSource) throws Exception;
}
