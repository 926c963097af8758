package dev.sleet.processor.dao;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import dev.sleet.schema.model.Column;
import dev.sleet.schema.model.ColumnType;
import dev.sleet.schema.model.PrimaryKey;
import dev.sleet.schema.model.QualifiedName;
import dev.sleet.schema.model.Table;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DaoDiagnosticsTest {
    @Test
    void componentWithoutJdbcMappingIsAnErrorAtTheComponentAndNoDaoIsWritten() {
        Table unsupported = new Table(QualifiedName.of("public", "unsupported"),
                List.of(new Column("id", ColumnType.builtin("bigint"), false), new Column("link", ColumnType.builtin("text"), false)),
                new PrimaryKey("unsupported_pkey", List.of("id")), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
        Compilation compilation = DaoCompilation.compile(Map.of("demo.Unsupported", unsupported), List.of("Unsupported"));
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("SLEET-E003: component link has type java.net.URI, which the generated DAO"
                + " cannot bind to column link (text)");
        assertThat(compilation).hadErrorContaining("use a mapped type (boolean, short, int");
    }
}
