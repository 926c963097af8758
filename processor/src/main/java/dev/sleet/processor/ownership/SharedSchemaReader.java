package dev.sleet.processor.ownership;

import dev.sleet.processor.diagnostics.Diagnostic;
import dev.sleet.processor.diagnostics.Reporter;
import dev.sleet.schema.migration.ClasspathLayout;
import dev.sleet.schema.snapshot.SnapshotFormatException;
import dev.sleet.schema.snapshot.SnapshotJson;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.annotation.processing.Filer;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Reads the shared module's snapshot and migration index from the class path, where its jar (or its
 * class folder in a reactor build) put them at the ordinary {@link ClasspathLayout} paths. An overlay
 * never writes those paths itself, so what is found there is the shared module's.
 */
public final class SharedSchemaReader {
    private final Filer filer;
    private final Reporter reporter;

    public SharedSchemaReader(Filer filer, Reporter reporter) {
        this.filer = filer;
        this.reporter = reporter;
    }

    /** The shared schema, or empty after reporting why there is none (SLEET-E053). */
    public Optional<SharedSchema> read(String overlay) {
        URI location;
        String json;
        try {
            FileObject snapshot = filer.getResource(StandardLocation.CLASS_PATH, "", ClasspathLayout.SNAPSHOT);
            json = read(snapshot);
            location = snapshot.toUri();
        } catch (IOException | IllegalArgumentException e) {
            // javac lists a jar's packages only, and META-INF is no package name: a shared module reached as a jar (Maven
            // after `package`) is found through the processor's class loader, which is the class path unless the build
            // sets a separate processor path.
            Optional<URL> url = Optional.ofNullable(SharedSchemaReader.class.getClassLoader())
                    .map(loader -> loader.getResource(ClasspathLayout.SNAPSHOT));
            if (url.isEmpty()) {
                reporter.report(Diagnostic.OVERLAY_WITHOUT_SHARED.with(overlay, ClasspathLayout.SNAPSHOT), null);
                return Optional.empty();
            }
            try (InputStream in = url.get().openStream()) {
                json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                location = url.get().toURI();
            } catch (IOException | java.net.URISyntaxException ex) {
                reporter.report(Diagnostic.OVERLAY_SHARED_UNREADABLE.with(url.get(), ex.getMessage()), null);
                return Optional.empty();
            }
        }
        String origin = origin(location);
        try {
            return Optional.of(new SharedSchema(SnapshotJson.read(json), origin, migrations()));
        } catch (SnapshotFormatException e) {
            reporter.report(Diagnostic.OVERLAY_SHARED_UNREADABLE.with(origin, e.getMessage()), null);
            return Optional.empty();
        }
    }

    /** The shared index, or none: a shared module without a migrations folder ships only its snapshot. */
    private List<String> migrations() {
        String index;
        try {
            index = read(filer.getResource(StandardLocation.CLASS_PATH, "", ClasspathLayout.MIGRATIONS_INDEX));
        } catch (IOException | IllegalArgumentException e) {
            URL url = SharedSchemaReader.class.getClassLoader() == null ? null
                    : SharedSchemaReader.class.getClassLoader().getResource(ClasspathLayout.MIGRATIONS_INDEX);
            if (url == null) {
                return List.of();
            }
            try (InputStream in = url.openStream()) {
                index = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException ex) {
                return List.of();
            }
        }
        return Arrays.stream(index.split("\n")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String read(FileObject file) throws IOException {
        try (InputStream in = file.openInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** {@code jar:file:/m2/…/shared-1.0.jar!/META-INF/…} → {@code shared-1.0.jar}; a folder → the folder holding META-INF. */
    static String origin(URI uri) {
        String text = uri.toString();
        int bang = text.indexOf("!/");
        if (text.startsWith("jar:") && bang > 0) {
            String jar = text.substring(0, bang);
            return jar.substring(jar.lastIndexOf('/') + 1);
        }
        int meta = text.indexOf("/" + ClasspathLayout.ROOT);
        String folder = meta > 0 ? text.substring(0, meta) : text;
        if (folder.startsWith("file:")) {
            folder = URI.create(folder).getPath();
        }
        return folder;
    }
}
