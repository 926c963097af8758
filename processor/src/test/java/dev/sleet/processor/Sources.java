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

    private Sources() {
    }

    /** A source file {@code app/<name>.java}; the imports take lines 1-5, so the body starts on line 6. */
    static JavaFileObject of(String name, String body) {
        return JavaFileObjects.forSourceString("app." + name, IMPORTS + body);
    }
}
