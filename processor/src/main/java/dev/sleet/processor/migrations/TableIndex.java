package dev.sleet.processor.migrations;

import dev.sleet.processor.model.BoundTable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which table records the last full schema came from, written next to the snapshot as
 * {@code META-INF/sleet/tables.txt}: one line per table, {@code <record class> <schema>.<table>},
 * sorted by class name. The next compilation reads it to notice that it sees only some of the
 * tables (an IDE recompiling changed files only) before it drafts the others as dropped.
 */
public record TableIndex(List<Entry> entries) {
    public TableIndex {
        entries = entries.stream().sorted(Comparator.comparing(Entry::recordClass)).toList();
    }

    /** One table: the record's qualified (canonical) class name and the table it maps to, for messages. */
    public record Entry(String recordClass, String table) {
    }

    public static TableIndex of(List<BoundTable> tables) {
        List<Entry> entries = new ArrayList<>();
        for (BoundTable table : tables) {
            entries.add(new Entry(table.element().getQualifiedName().toString(), table.table().name().toString()));
        }
        return new TableIndex(entries);
    }

    /** Reads what {@link #render()} wrote; blank and malformed lines are skipped (the file is a hint, not a contract). */
    public static TableIndex parse(String text) {
        List<Entry> entries = new ArrayList<>();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            int space = trimmed.indexOf(' ');
            String recordClass = space < 0 ? trimmed : trimmed.substring(0, space);
            String table = space < 0 ? "" : trimmed.substring(space + 1).strip();
            entries.add(new Entry(recordClass, table));
        }
        return new TableIndex(entries);
    }

    public String render() {
        StringBuilder out = new StringBuilder();
        for (Entry entry : entries) {
            // Table names may hold any character PostgreSQL accepts; the line must stay one line.
            out.append(entry.recordClass()).append(' ').append(entry.table().replaceAll("[\\r\\n]", "?")).append('\n');
        }
        return out.toString();
    }
}
