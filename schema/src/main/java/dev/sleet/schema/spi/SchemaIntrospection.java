package dev.sleet.schema.spi;

import dev.sleet.schema.model.DatabaseSchema;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;

/**
 * Reads a live database into the schema model. Implemented by the runtime's introspector and
 * found with {@link java.util.ServiceLoader}, so that modules that cannot depend on the runtime
 * (the testing support) can still compare a database with a snapshot.
 */
public interface SchemaIntrospection {

    /**
     * @param schemas the schemas to read; empty means every application schema (not the system
     *                schemas, not Sleet's own history schema)
     */
    DatabaseSchema introspect(Connection connection, Set<String> schemas) throws SQLException;
}
