package dev.sleet.runtime.migrate;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Migrations on the classpath: {@code <path>/index.txt} lists the names in order (a jar cannot be
 * listed); without an index, a {@code file:} directory (an IDE's class output) is listed instead.
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
        String index = read(path + "/index.txt");
        if (index == null) {
            return listDirectory();
        }
        List<MigrationFile> files = new ArrayList<>();
        for (String line : index.split("\n")) {
            String name = line.strip();
            if (name.isEmpty() || name.startsWith("#")) {
                continue;
            }
            String fileName = name.endsWith(".sql") ? name : name + ".sql";
            String content = read(path + "/" + fileName);
            if (content == null) {
                throw new MigrationSourceException(location() + "/index.txt names " + fileName
                        + " but the classpath has no such file; rebuild so that the processor copies the migrations again");
            }
            files.add(new MigrationFile(fileName, content));
        }
        files.sort((a, b) -> a.fileName().compareTo(b.fileName()));
        return files;
    }

    private List<MigrationFile> listDirectory() {
        URL url = loader.getResource(path);
        if (url == null) {
            throw new MigrationSourceException("no migrations at " + location() + ": neither index.txt nor the folder is on the classpath; "
                    + "check the path, or that the annotation processor ran");
        }
        if (!"file".equals(url.getProtocol())) {
            throw new MigrationSourceException(location() + " has no index.txt and " + url + " cannot be listed; "
                    + "rebuild so that the processor writes index.txt");
        }
        try {
            return new FolderMigrationSource(Path.of(url.toURI())).files();
        } catch (URISyntaxException e) {
            throw new MigrationSourceException("cannot read " + url + ": " + e.getMessage(), e);
        }
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
        return "classpath:" + path;
    }
}
