package dev.sleet.runtime.query;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Binds one part of a statement's parameters from {@code index} on; returns the next free index. */
@FunctionalInterface
interface Binder {
    int bind(PreparedStatement ps, int index) throws SQLException;
}
