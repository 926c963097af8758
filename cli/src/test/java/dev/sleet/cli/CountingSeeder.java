package dev.sleet.cli;

import dev.sleet.runtime.Seeder;
import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;

/** A test seeder in the idempotent style Sleet asks of applications; also registered through ServiceLoader. */
public final class CountingSeeder implements Seeder {
    @Override
    public void seed(DataSource dataSource) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS public.seeded_colours (name text PRIMARY KEY)");
            st.execute("INSERT INTO public.seeded_colours (name) VALUES ('red'), ('green'), ('blue') ON CONFLICT DO NOTHING");
        }
    }
}
