package dev.sleet.processor.ownership;

import dev.sleet.schema.model.DatabaseSchema;
import dev.sleet.schema.model.QualifiedName;
import java.util.List;

/**
 * What an overlay module sees of the shared module it builds on, read from the class path: the
 * shared schema (every object in it is owned elsewhere), where it came from (named in every error),
 * and the shared migrations in apply order.
 *
 * @param origin     the shared module as the user knows it: its jar's file name, or its class folder
 * @param migrations the names in the shared {@code index.txt}, in apply order (empty without a migrations folder)
 */
public record SharedSchema(DatabaseSchema schema, String origin, List<String> migrations) {
    public SharedSchema {
        migrations = List.copyOf(migrations);
    }

    /** The newest shared migration: what an overlay draft is generated against; null when shared has none. */
    public String head() {
        return migrations.isEmpty() ? null : migrations.get(migrations.size() - 1);
    }

    public boolean ownsTable(QualifiedName name) {
        return schema.table(name).isPresent();
    }
}
