package dev.sleet.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmokeTest {
    @TempDir
    Path dir;

    @Test
    void smoke() {
        Harness h = new Harness(dir).option("-Asleet.daos=false");
        Compilation c = h.compile("2026-11-22T02:15:00Z",
                Sources.of("Client", """
                        @Table(name = "clients")
                        public record Client(@Id @Identity long id, String name, @Column(length = 200) @Nullable String email) {}
                        """),
                Sources.of("Event", """
                        @Table(name = "events")
                        @Index(columns = "client_id")
                        public record Event(@Id @Identity long id, @References(table = Client.class, onDelete = Action.CASCADE) long clientId,
                            Status status, @DefaultNow Instant createdAt) {}
                        """),
                Sources.of("Status", """
                        @PgEnum public enum Status { OPEN, @EnumValue("done") CLOSED }
                        """));
        System.out.println(c.diagnostics());
        assertThat(c).succeeded();
        for (String f : h.files()) {
            System.out.println("== " + f + "\n" + h.read(f));
        }
        System.out.println(Harness.resource(c, "META-INF/sleet/migrations/index.txt"));
    }
}
