package dev.sleet.testing.devserver;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * What Sleet remembers about a dev cluster between commands, kept in the cluster's folder
 * ({@value #FILE}; PostgreSQL ignores files it does not know): the login chosen at creation, and
 * the port and database of the last start, so the {@code DATABASE_URL} stays the same across
 * restarts when the port is still free.
 */
record DevServerSettings(String user, String password, String database, int port) {
    static final String FILE = "sleet-dev.properties";

    static DevServerSettings read(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new DevServerException(dataDir.toAbsolutePath() + " holds a PostgreSQL cluster that Sleet did not create (no " + FILE
                    + "); point --data-dir at another folder, or delete this one to start afresh");
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new DevServerException("cannot read " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
        String port = p.getProperty("port", "0");
        try {
            return new DevServerSettings(p.getProperty("user"), p.getProperty("password"), p.getProperty("database"), Integer.parseInt(port.trim()));
        } catch (NumberFormatException e) {
            throw new DevServerException(file.toAbsolutePath() + " has port=" + port + ", not a number; fix or remove the line", e);
        }
    }

    DevServerSettings withStart(int newPort, String newDatabase) {
        return new DevServerSettings(user, password, newDatabase, newPort);
    }

    void write(Path dataDir) {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        p.setProperty("database", database);
        p.setProperty("port", Integer.toString(port));
        Path file = dataDir.resolve(FILE);
        try {
            Path temp = Files.createTempFile(dataDir, FILE, ".tmp");
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                p.store(out, "Sleet dev server: login and last start. Written by 'sleet dev start'.");
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new DevServerException("cannot write " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }
}
