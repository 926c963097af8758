package dev.sleet.processor.dao;

import java.util.List;

/**
 * One generated relation of a table, seen from that table (the source): the method name, the kind and
 * the join. The key columns are the foreign key's single column and the column it references.
 *
 * @param kind         many-to-one (source holds the foreign key), one-to-many or one-to-one (target holds it)
 * @param sourceKey    the source's key column (the foreign key column, or the referenced column)
 * @param target       the target table's model
 * @param targetKey    the target column that equals the source key
 * @param foreignKey   the constraint's name, for the Javadoc
 */
record Relation(String methodName, Kind kind, ColumnAccess sourceKey, DaoModel target, ColumnAccess targetKey,
                String foreignKey, String joinSql) {
    enum Kind {
        MANY_TO_ONE, ONE_TO_MANY, ONE_TO_ONE;

        boolean toMany() {
            return this == ONE_TO_MANY;
        }
    }

    /** Names a relation may not take: the table model's own methods and Object's. */
    static final List<String> RESERVED = List.of("sql", "selectList", "visibleRows", "map", "getClass", "hashCode",
            "equals", "toString", "notify", "notifyAll", "wait", "clone", "finalize");
}
