package dev.sleet.runtime.verify;

import dev.sleet.schema.model.DatabaseSchema;
import dev.sleet.schema.model.EnumType;
import dev.sleet.schema.model.QualifiedName;
import dev.sleet.schema.model.Table;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Several owners' schemas seen as one (docs/OVERLAYS.md): what the database should hold is their
 * union, and each object belongs to the owner whose schema declares it. {@code sleet verify
 * --overlay}, {@code Owners.verify}, {@code Owners.reset} and the studio's drift view all ask here.
 */
public final class OwnerSchemas {
    private OwnerSchemas() {
    }

    /** Every owner's objects in one schema; an object two owners declare is the first's (claims refuse that earlier). */
    public static DatabaseSchema union(Collection<DatabaseSchema> schemas) {
        Set<String> namespaces = new TreeSet<>();
        Set<String> extensions = new TreeSet<>();
        Map<QualifiedName, EnumType> enums = new TreeMap<>();
        Map<QualifiedName, Table> tables = new TreeMap<>();
        for (DatabaseSchema s : schemas) {
            namespaces.addAll(s.schemas());
            extensions.addAll(s.extensions());
            s.enums().forEach(e -> enums.putIfAbsent(e.name(), e));
            s.tables().forEach(t -> tables.putIfAbsent(t.name(), t));
        }
        return new DatabaseSchema(new TreeSet<>(namespaces), new TreeSet<>(extensions), new ArrayList<>(enums.values()),
                new ArrayList<>(tables.values()));
    }

    /** The owner whose schema declares the table or enum type {@code object}, or null when none does. */
    public static String ownerOf(QualifiedName object, Map<String, DatabaseSchema> owners) {
        if (object == null) {
            return null;
        }
        for (Map.Entry<String, DatabaseSchema> e : owners.entrySet()) {
            if (e.getValue().table(object).isPresent() || e.getValue().enumType(object).isPresent()) {
                return e.getKey();
            }
        }
        return null;
    }
}
