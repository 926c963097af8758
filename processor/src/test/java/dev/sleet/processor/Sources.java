package dev.sleet.processor;

import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;

/** Test sources: records in package {@code app} with Sleet's annotations imported. */
final class Sources {
    static final String IMPORTS = """
            package app;
            import dev.sleet.annotations.*;
            import java.math.BigDecimal;
            import java.time.*;
            import java.util.*;
            """;

    /** Two tables for the builds that recompile only some records, as an IDE does: a, a with one more column, and b. */
    static final String TABLE_A = "@Table(name = \"a\") public record A(@Id long id, String name) {}";
    static final String TABLE_A_WITH_EMAIL = "@Table(name = \"a\") public record A(@Id long id, String name, @Nullable String email) {}";
    static final String TABLE_B = "@Table(name = \"b\") public record B(@Id long id, int size) {}";

    private Sources() {
    }

    /** A source file {@code app/<name>.java}; the imports take lines 1-5, so the body starts on line 6. */
    static JavaFileObject of(String name, String body) {
        return JavaFileObjects.forSourceString("app." + name, IMPORTS + body);
    }
}
