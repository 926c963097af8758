package dev.sleet.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** What the figures were measured on: machine, JDK, PostgreSQL, CPU affinity, load. */
public final class Environment {
    private Environment() {
    }

    public static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).strip();
                }
            }
        } catch (IOException ignored) {
            // not Linux: fall through
        }
        return System.getProperty("os.arch");
    }

    public static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " / " + parts[1] + " / " + parts[2] + " (1 / 5 / 15 min)";
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** The CPUs a process may run on, from /proc/<pid>/status ("0-1" when unpinned on 2 CPUs). */
    public static String cpusAllowed(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("Cpus_allowed_list:")) {
                    return line.substring(line.indexOf(':') + 1).strip();
                }
            }
        } catch (IOException ignored) {
            // the process lives elsewhere (external server) or this is not Linux
        }
        return "unknown";
    }

    /** A library's version from the pom.properties Maven packs into its jar. */
    public static String mavenVersion(String group, String artifact) {
        String path = "META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (java.io.InputStream in = Environment.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                return "?";
            }
            java.util.Properties p = new java.util.Properties();
            p.load(in);
            return p.getProperty("version", "?");
        } catch (IOException e) {
            return "?";
        }
    }

    /** Version and the affinity of the backend serving this connection (readable when the server runs on this machine). */
    public static List<String> postgres(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version(), pg_backend_pid(), current_setting('fsync'), current_setting('synchronous_commit'),"
                     + " current_setting('max_parallel_workers_per_gather'), current_setting('shared_buffers')")) {
            rs.next();
            out.add(rs.getString(1));
            out.add(cpusAllowed(rs.getLong(2)));
            out.add("fsync=" + rs.getString(3) + ", synchronous_commit=" + rs.getString(4)
                    + ", max_parallel_workers_per_gather=" + rs.getString(5) + ", shared_buffers=" + rs.getString(6));
        }
        return out;
    }
}
