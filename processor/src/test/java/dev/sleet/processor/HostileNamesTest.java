package dev.sleet.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.sleet.processor.TestClock.T1;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import dev.sleet.schema.migration.MigrationScript;
import dev.sleet.schema.migration.SqlStatement;
import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Reserved words, mixed case, quotes, spaces and non-ASCII names survive as written, on real PostgreSQL. */
@ExtendWith(PostgresExtension.class)
class HostileNamesTest {
    @TempDir
    Path dir;

    @Test
    void everyIdentifierIsQuotedAndRunsOnPostgres(TestDatabase db) throws Exception {
        Harness h = Harness.withoutDaos(dir);
        Compilation compilation = h.compile(T1,
                Sources.of("Order", """
                        @Table(name = "order", schema = "Select")
                        @Index(columns = {"select", "Mixed Case"})
                        @Unique(name = "say \\"hi\\" key", columns = "say \\"hi\\"")
                        @Check(name = "größe_positiv", expression = "\\"größe\\" > 0")
                        public record Order(@Id @Identity long id, @Column(name = "select") String select,
                            @Column(name = "Mixed Case") String mixed, @Column(name = "say \\"hi\\"") String quote,
                            @Column(name = "größe") int size, @References(table = User.class) long userId) {}
                        """),
                Sources.of("User", """
                        @Table(name = "user")
                        public record User(@Id long id) {}
                        """));
        assertThat(compilation).succeeded();
        String draft = h.read(h.files().get(0));
        assertThat(draft).contains("CREATE TABLE \"Select\".\"order\"").contains("\"say \"\"hi\"\"\" text NOT NULL")
                .contains("REFERENCES \"public\".\"user\" (\"id\")");
        MigrationScript script = MigrationScript.parse(h.files().get(0), draft);
        try (Connection connection = db.connect()) {
            List<String> before = DatabaseShape.of(connection);
            run(connection, script.up().statements());
            assertThat(DatabaseShape.of(connection)).anyMatch(l -> l.contains("Select.order.say \"hi\" text"))
                    .anyMatch(l -> l.contains("Select.order.größe integer"));
            run(connection, script.down().statements());
            assertThat(DatabaseShape.of(connection)).isEqualTo(before);
        }
    }

    private static void run(Connection connection, List<SqlStatement> statements) throws Exception {
        for (SqlStatement statement : statements) {
            try (Statement st = connection.createStatement()) {
                st.execute(statement.sql());
            }
        }
    }
}
