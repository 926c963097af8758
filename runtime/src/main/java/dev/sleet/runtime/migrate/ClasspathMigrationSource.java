package dev.sleet.runtime.migrate;

import dev.sleet.schema.migration.ClasspathLayout;
import dev.sleet.schema.migration.MigrationFile;
import dev.sleet.schema.migration.MigrationNames;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Migrations on the classpath: {@code <path>/index.txt} (written by the processor) names them, and
 * where the location can be listed — a {@code file:} directory or a plain jar — the listing is
 * merged in. The listing matters because a hand-written migration added without touching any
 * Java source is copied by the build's resources step, while the processor (and so the index)
 * only runs when sources change. Nested jars cannot be listed; there the index alone counts.
 */
final class ClasspathMigrationSource implements MigrationSource {
    private final String path;
    private final ClassLoader loader;

    ClasspathMigrationSource(String path, ClassLoader loader) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        this.path = p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
        this.loader = loader;
    }

    @Override
    public List<MigrationFile> files() {
        Map<String, MigrationFile> byName = new TreeMap<>();
        String index = read(path + "/" + ClasspathLayout.INDEX_FILE);
        if (index != null) {
            for (String line : index.split("\n")) {
                String name = line.strip();
                if (name.isEmpty() || name.startsWith("#")) {
                    continue;
                }
                String fileName = MigrationNames.fileNameOf(MigrationNames.nameOf(name));
                String content = read(path + "/" + fileName);
                if (content == null) {
                    throw new MigrationSourceException(location() + "/index.txt names " + fileName
                            + " but the classpath has no such file; rebuild so that the processor copies the migrations again");
                }
                byName.put(fileName, MigrationSource.checkedFile(fileName, content, false));
            }
        }
        URL url = loader.getResource(path);
        if (url == null && index == null) {
            throw new MigrationSourceException("no migrations at " + location() + ": neither index.txt nor the folder is on the classpath; "
                    + "check the path, or that the annotation processor ran");
        }
        if (url != null) {
            for (MigrationFile file : listing(url, index != null)) {
                byName.putIfAbsent(file.fileName(), file);
            }
        }
        return new ArrayList<>(byName.values());
    }

    private List<MigrationFile> listing(URL url, boolean haveIndex) {
        try {
            if ("file".equals(url.getProtocol())) {
                return new FolderMigrationSource(Path.of(url.toURI())).files();
            }
            if ("jar".equals(url.getProtocol()) && url.openConnection() instanceof JarURLConnection jar) {
                jar.setUseCaches(false);
                List<MigrationFile> files = new ArrayList<>();
                try (JarFile jarFile = jar.getJarFile()) {
                    String prefix = path + "/";
                    for (JarEntry entry : java.util.Collections.list(jarFile.entries())) {
                        String name = entry.getName();
                        if (name.startsWith(prefix) && name.endsWith(MigrationNames.EXTENSION) && name.indexOf('/', prefix.length()) < 0) {
                            try (InputStream in = jarFile.getInputStream(entry)) {
                                files.add(MigrationSource.checkedFile(name.substring(prefix.length()), new String(in.readAllBytes(),
                                        StandardCharsets.UTF_8), false));
                            }
                        }
                    }
                }
                return files;
            }
        } catch (URISyntaxException | IOException e) {
            throw new MigrationSourceException("cannot list " + url + ": " + e.getMessage(), e);
        }
        if (haveIndex) {
            return List.of();
        }
        throw new MigrationSourceException(location() + " has no index.txt and " + url + " cannot be listed; "
                + "rebuild so that the processor writes index.txt");
    }

    private String read(String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MigrationSourceException("cannot read classpath resource " + resource + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String location() {
        return ClasspathLayout.CLASSPATH_PREFIX + path;
    }
}
