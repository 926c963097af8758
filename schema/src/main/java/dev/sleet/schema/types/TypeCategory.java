package dev.sleet.schema.types;

/** What kind of value a Java type holds, which decides the column attributes and annotations that fit it. */
public enum TypeCategory { BOOLEAN, INTEGER, FLOAT, DECIMAL, STRING, UUID, TIMESTAMP, DATE_OR_TIME, INTERVAL, BYTES, ENUM }
