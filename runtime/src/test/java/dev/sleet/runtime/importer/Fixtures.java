package dev.sleet.runtime.importer;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** The import fixtures under {@code src/test/resources/importer}. */
final class Fixtures {
    static final Path DRIZZLE = of("drizzle-kit/drizzle");
    static final Path PRISMA = of("prisma/migrations");
    static final Path FLYWAY = of("flyway/db/migration");
    static final Path GOLANG_MIGRATE = of("golang-migrate");
    static final Path CORPUS = of("corpus");

    private Fixtures() {
    }

    static Path of(String path) {
        URL url = Fixtures.class.getResource("/importer/" + path);
        if (url == null) {
            throw new IllegalStateException("no test resource importer/" + path);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
