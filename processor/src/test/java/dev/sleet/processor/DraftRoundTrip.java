package dev.sleet.processor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sleet.schema.migration.MigrationScript;
import dev.sleet.schema.migration.MigrationSection;
import dev.sleet.schema.migration.SqlStatement;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs each step's drafts on real PostgreSQL as the migrator runs them (a transactional section in
 * one transaction, a NoTransaction one statement by statement) and checks the round trip: Up changes
 * the database and leaves no NOT VALID constraint and no invalid index, Down (in reverse file order)
 * restores exactly the state before, and Up again reaches the same state as the first Up.
 */
final class DraftRoundTrip {
    private final Connection connection;
    private List<String> before;

    DraftRoundTrip(Connection connection) throws SQLException {
        this.connection = connection;
        connection.setAutoCommit(true);
        this.before = DatabaseShape.of(connection);
    }

    /** Round-trips one step's scripts, in file order; the state after their Up is the next step's starting point. */
    void check(String step, List<MigrationScript> scripts) throws SQLException {
        upAll(scripts);
        List<String> after = DatabaseShape.of(connection);
        assertThat(after).as("Up of %s changes the database", step).isNotEqualTo(before);
        assertThat(after.stream().filter(line -> line.contains("NOT VALID")).toList()).as("constraints left unvalidated by %s", step).isEmpty();
        assertThat(invalidIndexes()).as("invalid indexes after %s", step).isEmpty();
        for (int i = scripts.size() - 1; i >= 0; i--) {
            apply(scripts.get(i).down(), scripts.get(i).name() + " Down");
        }
        assertThat(DatabaseShape.of(connection)).as("Down of %s restores the previous state", step).isEqualTo(before);
        upAll(scripts);
        assertThat(DatabaseShape.of(connection)).as("Up after Down of %s", step).isEqualTo(after);
        before = after;
    }

    private void upAll(List<MigrationScript> scripts) throws SQLException {
        for (MigrationScript script : scripts) {
            apply(script.up(), script.name() + " Up");
        }
    }

    /** As the migrator runs a section: in one transaction unless it cannot run in one. */
    private void apply(MigrationSection section, String what) throws SQLException {
        connection.setAutoCommit(!section.transactional());
        try {
            for (SqlStatement statement : section.statements()) {
                try (Statement st = connection.createStatement()) {
                    st.execute(statement.sql());
                } catch (SQLException e) {
                    if (section.transactional()) {
                        connection.rollback();
                    }
                    throw new AssertionError(what + ": statement " + statement.number() + " failed: " + e.getMessage() + "\n" + statement.sql(), e);
                }
            }
            if (section.transactional()) {
                connection.commit();
            }
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private List<String> invalidIndexes() throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT indexrelid::regclass::text FROM pg_index WHERE NOT indisvalid")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
