package dev.sleet.runtime.migrate;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Run in a separate JVM by {@link ConcurrentMigratorTest}: migrate a folder; args: jdbcUrl user password folder historySchema. */
public final class MigrateMain {
    public static void main(String[] args) {
        String url = args[0];
        String user = args[1];
        String password = args[2].isEmpty() ? null : args[2];
        DataSource ds = (DataSource) java.lang.reflect.Proxy.newProxyInstance(MigrateMain.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, margs) -> {
                    if (method.getName().equals("getConnection")) {
                        return connect(url, user, password);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        MigrationReport r = Migrator.builder(ds).source(MigrationSource.folder(Path.of(args[3]))).historyTable(args[4], "migration_history")
                .build().migrate(MigrateOptions.defaults());
        System.out.println("applied " + r.applied().size());
    }

    private static Connection connect(String url, String user, String password) throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }
}
