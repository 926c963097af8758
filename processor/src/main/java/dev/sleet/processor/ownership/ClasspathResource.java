package dev.sleet.processor.ownership;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import javax.annotation.processing.Filer;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * A file another module put on the class path at one of the {@link dev.sleet.schema.migration.ClasspathLayout}
 * paths, and where it was found. The one way the overlay checks read the shared module's snapshot and
 * index and the other overlays' claims: through the Filer, which finds a class folder's files (a reactor
 * build), else through the processor's class loader, since javac lists a jar's packages only and
 * META-INF is no package name (a module reached as a jar, as Maven has it after {@code package}). That
 * class loader is the class path unless the build sets a separate processor path.
 *
 * @param text     the file's content, as UTF-8
 * @param location where it was found: a {@code file:} or {@code jar:} URI
 */
record ClasspathResource(String text, URI location) {

    /** The file at {@code path}, or empty when neither way finds one; an IOException when one is found but cannot be read. */
    static Optional<ClasspathResource> find(Filer filer, String path) throws IOException {
        try {
            FileObject file = filer.getResource(StandardLocation.CLASS_PATH, "", path);
            return Optional.of(new ClasspathResource(read(file.openInputStream()), file.toUri()));
        } catch (IOException | IllegalArgumentException notInFolders) {
            ClassLoader loader = ClasspathResource.class.getClassLoader();
            URL url = loader == null ? null : loader.getResource(path);
            if (url == null) {
                return Optional.empty();
            }
            try {
                return Optional.of(new ClasspathResource(read(url.openStream()), URI.create(url.toString())));
            } catch (IOException | IllegalArgumentException e) {
                throw new IOException(url + ": " + e.getMessage(), e);
            }
        }
    }

    private static String read(InputStream stream) throws IOException {
        try (InputStream in = stream) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
