package dev.sleet.schema.model;

import java.util.List;

/** A primary key; several columns make a composite key, in key order. */
public record PrimaryKey(String name, List<String> columns) {
    public PrimaryKey {
        columns = List.copyOf(columns);
    }
}
