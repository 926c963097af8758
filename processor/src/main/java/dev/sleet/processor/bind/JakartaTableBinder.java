package dev.sleet.processor.bind;

import dev.sleet.processor.diagnostics.Diagnostic;
import dev.sleet.processor.scan.views.Attr;
import dev.sleet.processor.scan.views.JakartaTableAnnotations;
import dev.sleet.processor.scan.views.JakartaTableAnnotations.JakartaIndex;
import dev.sleet.processor.scan.views.JakartaTableAnnotations.JakartaUniqueConstraint;
import dev.sleet.schema.model.Index;
import dev.sleet.schema.model.IndexKey;
import dev.sleet.schema.model.IndexMethod;
import dev.sleet.schema.model.SortOrder;
import dev.sleet.schema.model.UniqueConstraint;
import dev.sleet.schema.sql.Naming;
import java.util.ArrayList;
import java.util.List;

/**
 * The Jakarta Persistence adapter for table-level keys: {@code @Table(indexes = @Index(columnList =
 * "a, b DESC"), uniqueConstraints = @UniqueConstraint(columnNames = ...))} become the same indexes and
 * unique constraints Sleet's own annotations give.
 */
final class JakartaTableBinder {
    private JakartaTableBinder() {
    }

    static void bind(TableBinding t, JakartaTableAnnotations table) {
        for (JakartaIndex index : table.indexes()) {
            bindIndex(t, index);
        }
        for (JakartaUniqueConstraint unique : table.uniqueConstraints()) {
            bindUnique(t, unique);
        }
    }

    private static void bindIndex(TableBinding t, JakartaIndex index) {
        Attr<String> columnList = index.columnList();
        List<IndexKey> keys = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        boolean ok = true;
        for (String part : columnList.value().split(",")) {
            String[] words = part.strip().split("\\s+");
            if (words[0].isEmpty()) {
                continue;
            }
            ok &= t.knownColumn(words[0], "@Index(columnList) on " + t.recordName(), index.view(), columnList.source());
            boolean descending = words.length > 1 && words[1].equalsIgnoreCase("DESC");
            keys.add(new IndexKey(words[0], null, descending ? SortOrder.DESC : SortOrder.ASC));
            tokens.add(words[0]);
        }
        if (keys.isEmpty()) {
            t.error(Diagnostic.JAKARTA_INDEX_WITHOUT_KEYS.with(t.recordName()), t.type, index.view(), columnList.source());
            return;
        }
        String name = t.objectName(index.view(), index.name(), Naming.indexName(t.tableName, tokens), "index name");
        if (ok) {
            t.indexes.add(new Index(name, keys, index.unique(), IndexMethod.BTREE, null));
            t.names.add(new NamedObject(name, "index " + name, true, false, t.type, index.view().mirror(), index.name().source()));
        }
    }

    private static void bindUnique(TableBinding t, JakartaUniqueConstraint unique) {
        List<String> columns = new ArrayList<>();
        boolean ok = true;
        for (Attr<String> column : unique.columnNames().items()) {
            ok &= t.knownColumn(column.value(), "@UniqueConstraint on " + t.recordName(), unique.view(), column.source());
            columns.add(column.value());
        }
        if (columns.isEmpty()) {
            t.error(Diagnostic.JAKARTA_UNIQUE_WITHOUT_COLUMNS.with(t.recordName()), t.type, unique.view(), null);
            return;
        }
        String name = t.objectName(unique.view(), unique.name(), Naming.constraintName(t.tableName, columns, "key"), "unique constraint name");
        if (ok) {
            t.uniques.add(new UniqueConstraint(name, columns, false));
            t.names.add(new NamedObject(name, "unique constraint " + name, true, true, t.type, unique.view().mirror(), unique.name().source()));
        }
    }
}
