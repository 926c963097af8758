package dev.sleet.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class PostgresExtensionTest {

    @Test
    void givesEachClassItsOwnDatabaseWithBtreeGist(TestDatabase db) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select current_database()")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo(db.name());
            }
            s.execute("CREATE EXTENSION IF NOT EXISTS btree_gist");
            s.execute("CREATE TABLE booking (resource_id bigint, during tstzrange, EXCLUDE USING gist (resource_id WITH =, during WITH &&))");
            s.execute("INSERT INTO booking VALUES (1, tstzrange('2026-01-01 10:00Z', '2026-01-01 11:00Z'))");
            try (ResultSet rs = s.executeQuery("select count(*) from booking")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
        }
    }

    @Test
    void sameDatabaseForEveryMethodOfTheClass(TestDatabase db) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS marker (id int)");
        }
        assertThat(db.url()).startsWith("postgresql://");
    }
}
