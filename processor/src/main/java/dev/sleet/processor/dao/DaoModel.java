package dev.sleet.processor.dao;

import com.palantir.javapoet.ClassName;
import dev.sleet.processor.model.BoundTable;
import dev.sleet.schema.model.Column;
import dev.sleet.schema.model.IdentityKind;
import dev.sleet.schema.model.Index;
import dev.sleet.schema.model.IndexKey;
import dev.sleet.schema.model.UniqueConstraint;
import dev.sleet.schema.sql.Sql;
import dev.sleet.schema.types.JavaType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Everything the two writers need about one table, worked out once: Java names, the column
 * accesses and every SQL statement the DAO runs (all static strings, so PgJDBC's per-connection
 * statement cache can reuse their server-side plans).
 */
final class DaoModel {
    /** A finder derived from an index or unique constraint: its leading plain columns. */
    record Finder(String methodName, List<ColumnAccess> columns, boolean unique, String sql, String source) {
    }

    /** An upsert on a unique constraint. */
    /** {@code keptWhenNull}: the SET columns bound a second time, after the insert's values. */
    record UniqueUpsert(String methodName, UniqueConstraint constraint, String sql, List<ColumnAccess> keptWhenNull) {
    }

    /** Alias of the existing row in {@code ON CONFLICT DO UPDATE}. */
    private static final String EXISTING = Sql.quote("existing");

    final BoundTable bound;
    final ClassName record;
    final ClassName tableClass;
    final ClassName daoClass;
    final String tableConstant;
    final String qualifiedSql;
    final List<ColumnAccess> columns;
    final List<ColumnAccess> insertColumns;
    final List<ColumnAccess> primaryKey;
    final List<ColumnAccess> updateColumns;
    final String selectList;
    final String visibleRows;
    final ColumnAccess archivedBy;
    final Optional<RangeExclusion> exclusion;
    final List<Finder> finders = new ArrayList<>();
    final List<UniqueUpsert> uniqueUpserts = new ArrayList<>();
    /** Columns marked {@code @UpdatedAt}: DAO updates write {@code now()} to them. */
    final List<ColumnAccess> updatedAt;
    /** The components of the {@code <Record>Dao.New} insert shape: the insert columns a caller must give. */
    final List<ColumnAccess> newColumns;
    /** Further {@code <Record>Dao.New} components, null meaning "the default": defaulted columns, set through withers. */
    final List<ColumnAccess> newDefaulted;
    /** {@code <Record>Dao.New}, or null when it would repeat the record (nothing is generated or defaulted). */
    final ClassName newRecord;

    DaoModel(BoundTable bound, List<ColumnAccess> columns) {
        this.bound = bound;
        this.columns = List.copyOf(columns);
        this.record = ClassName.get(bound.element());
        this.tableClass = record.peerClass(record.simpleName() + "Table");
        this.daoClass = record.peerClass(record.simpleName() + "Dao");
        this.qualifiedSql = bound.table().name().sql();
        this.selectList = columns.stream().map(c -> Sql.quote(c.columnName())).collect(Collectors.joining(", "));
        this.insertColumns = columns.stream().filter(c -> c.bound().column().identity() == null).toList();
        List<String> pkNames = bound.table().primaryKeyOpt().map(pk -> pk.columns()).orElse(List.of());
        this.primaryKey = pkNames.stream().map(this::column).toList();
        this.updateColumns = columns.stream()
                .filter(c -> !pkNames.contains(c.columnName()) && c.bound().column().identity() != IdentityKind.ALWAYS)
                .toList();
        String constant = Naming.constantName(bound.table().name().name());
        boolean clashes = columns.stream().anyMatch(c -> Naming.constantName(c.columnName()).equals(constant));
        this.tableConstant = clashes ? constant + "_TABLE" : constant;
        if (bound.softDelete()) {
            this.visibleRows = "NOT " + Sql.quote(componentColumn("isArchived").columnName());
            this.archivedBy = componentColumn("archivedBy");
        } else {
            this.visibleRows = null;
            this.archivedBy = null;
        }
        this.updatedAt = columns.stream().filter(ColumnAccess::isUpdatedAt).toList();
        this.newColumns = insertColumns.stream().filter(c -> !defaultsWhenNull(c) && !updatedAt.contains(c)
                && !isSoftDeleteColumn(c)).toList();
        this.newDefaulted = insertColumns.stream().filter(c -> defaultsWhenNull(c) && !updatedAt.contains(c)
                && !isSoftDeleteColumn(c)).toList();
        this.newRecord = newColumns.size() < columns.size() ? daoClass.nestedClass("New") : null;
        this.exclusion = RangeExclusion.find(bound.table().exclusions())
                .filter(e -> hasColumn(e.keyColumn()) && hasColumn(e.startColumn()) && hasColumn(e.endColumn()));
        collectFinders();
        collectUniqueUpserts();
    }

    private boolean isSoftDeleteColumn(ColumnAccess c) {
        return bound.softDelete() && List.of("isArchived", "archivedAt", "archivedBy").contains(c.componentName());
    }

    /** The {@code <Record>Dao.New} components in order: the required ones, then the defaulted ones. */
    List<ColumnAccess> newShape() {
        List<ColumnAccess> all = new ArrayList<>(newColumns);
        all.addAll(newDefaulted);
        return all;
    }

    /** The {@code <Record>Dao.New} components in the insert statement's order (record order). */
    List<ColumnAccess> newBoundInOrder() {
        return insertColumns.stream().filter(c -> newColumns.contains(c) || newDefaulted.contains(c)).toList();
    }

    /** The update columns bound from the row ({@code @UpdatedAt} ones are written {@code now()} instead). */
    List<ColumnAccess> updateBound() {
        return updateColumns.stream().filter(c -> !updatedAt.contains(c)).toList();
    }

    /**
     * {@code INSERT} for the {@code <Record>Dao.New} shape: its components bound, every other insert column taking
     * its default ({@code DEFAULT}), {@code now()} for an {@code @UpdatedAt} column without one, and a new
     * row's soft-delete state ({@code FALSE}, NULL, NULL).
     */
    String insertNewSql() {
        List<String> values = new ArrayList<>();
        for (ColumnAccess c : insertColumns) {
            Column column = c.bound().column();
            if (newColumns.contains(c)) {
                values.add(c.placeholder());
            } else if (newDefaulted.contains(c)) {
                values.add(insertValue(c));
            } else if (isSoftDeleteColumn(c)) {
                values.add(c.componentName().equals("isArchived") ? "FALSE" : "NULL");
            } else if (column.defaultExpression() != null) {
                values.add("DEFAULT");
            } else {
                values.add("now()");
            }
        }
        String valuesSql = values.isEmpty() ? " DEFAULT VALUES" : " VALUES (" + String.join(", ", values) + ")";
        return insertPrefix(insertColumns) + valuesSql + " RETURNING " + selectList;
    }

    ColumnAccess column(String name) {
        return columns.stream().filter(c -> c.columnName().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no column " + name + " in " + qualifiedSql));
    }

    boolean hasColumn(String name) {
        return columns.stream().anyMatch(c -> c.columnName().equals(name));
    }

    /** The soft-delete column bound to a record component of this name (checked by the caller). */
    ColumnAccess componentColumn(String componentName) {
        return columns.stream().filter(c -> c.componentName().equals(componentName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("@SoftDelete record " + record
                        + " lacks the component " + componentName));
    }

    boolean hasPrimaryKey() {
        return !primaryKey.isEmpty();
    }

    /**
     * Whether {@code upsert(row)} can exist: a primary key, and something an existing row can take. A table
     * whose only column is an always-generated identity key has nothing to overwrite, and PostgreSQL refuses
     * to set such a column to anything but DEFAULT, so its DAO offers insert and findById instead.
     */
    boolean upsertable() {
        return hasPrimaryKey() && !(updateColumns.isEmpty() && primaryKey.stream()
                .allMatch(c -> c.bound().column().identity() == IdentityKind.ALWAYS));
    }

    String pkOrderBy() {
        return primaryKey.isEmpty() ? "" : " ORDER BY " + primaryKey.stream().map(c -> Sql.quote(c.columnName()))
                .collect(Collectors.joining(", "));
    }

    String whereEquals(List<ColumnAccess> keys, boolean hideArchived) {
        String where = keys.stream().map(c -> Sql.quote(c.columnName()) + " = " + c.placeholder())
                .collect(Collectors.joining(" AND "));
        return " WHERE " + where + (hideArchived && visibleRows != null ? " AND " + visibleRows : "");
    }

    /** A non-primitive component over a column with a default: null means "the default" on insert. */
    private static boolean defaultsWhenNull(ColumnAccess c) {
        return c.bound().column().defaultExpression() != null && !c.isPrimitive();
    }

    /** A placeholder for an insert: a column with a default takes it when the component is null. */
    private static String insertValue(ColumnAccess c) {
        Column column = c.bound().column();
        if (defaultsWhenNull(c)) {
            return "COALESCE(CAST(? AS " + column.type().sql() + "), (" + column.defaultExpression() + "))";
        }
        return c.placeholder();
    }

    private String insertPrefix(List<ColumnAccess> written) {
        return insertPrefix(written, null);
    }

    /** {@code INSERT INTO table (columns)}; with no column written, just {@code INSERT INTO table}. */
    private String insertPrefix(List<ColumnAccess> written, String alias) {
        String into = "INSERT INTO " + qualifiedSql + (alias == null ? "" : " AS " + alias);
        return written.isEmpty() ? into
                : into + " (" + written.stream().map(c -> Sql.quote(c.columnName())).collect(Collectors.joining(", ")) + ")";
    }

    /** {@code VALUES (…)}; a table whose every column is generated inserts {@code DEFAULT VALUES}. */
    private static String values(List<ColumnAccess> written) {
        return written.isEmpty() ? " DEFAULT VALUES"
                : " VALUES (" + written.stream().map(DaoModel::insertValue).collect(Collectors.joining(", ")) + ")";
    }

    String insertSql() {
        return insertPrefix(insertColumns) + values(insertColumns) + " RETURNING " + selectList;
    }

    String insertBatchSql() {
        return insertPrefix(insertColumns) + values(insertColumns);
    }

    /** Whether every inserted column can travel as a one-dimensional array (array-typed columns cannot). */
    boolean bulkInsertable() {
        return insertColumns.stream().noneMatch(c -> c.unnest() == JavaType.UnnestArray.UNSUPPORTED);
    }

    /** {@code COPY table (insert columns) FROM STDIN}: text format, identity columns left to the database. */
    String copySql() {
        return "COPY " + qualifiedSql + " (" + insertColumns.stream().map(c -> Sql.quote(c.columnName()))
                .collect(Collectors.joining(", ")) + ") FROM STDIN";
    }

    /** Inserted columns that take their default when the component is null (COPY cannot apply it per row). */
    List<ColumnAccess> insertDefaultedWhenNull() {
        return insertColumns.stream().filter(DaoModel::defaultsWhenNull).toList();
    }

    String insertBulkSql() {
        StringBuilder select = new StringBuilder();
        StringBuilder unnest = new StringBuilder();
        StringBuilder alias = new StringBuilder();
        for (ColumnAccess c : insertColumns) {
            String sep = select.length() == 0 ? "" : ", ";
            Column column = c.bound().column();
            String ref = "u." + Sql.quote(c.columnName());
            select.append(sep).append(column.defaultExpression() != null && !c.isPrimitive()
                    ? "COALESCE(" + ref + ", (" + column.defaultExpression() + "))" : ref);
            unnest.append(sep).append("CAST(? AS ").append(column.type().sql()).append("[])");
            alias.append(sep).append(Sql.quote(c.columnName()));
        }
        return insertPrefix(insertColumns) + " SELECT " + select + " FROM unnest(" + unnest + ") AS u(" + alias + ")";
    }

    String upsertSql() {
        boolean always = columns.stream().anyMatch(c -> c.bound().column().identity() == IdentityKind.ALWAYS);
        List<ColumnAccess> set = upsertSet();
        return insertPrefix(columns, EXISTING) + (always ? " OVERRIDING SYSTEM VALUE" : "") + values(columns)
                + " ON CONFLICT (" + primaryKey.stream().map(c -> Sql.quote(c.columnName())).collect(Collectors.joining(", "))
                + ") DO UPDATE SET " + conflictAssignments(set) + " RETURNING " + selectList;
    }

    /** The SET columns of the primary-key upsert that are bound again after the insert's values. */
    List<ColumnAccess> upsertKeptWhenNull() {
        return upsertSet().stream().filter(c -> defaultsWhenNull(c) && !updatedAt.contains(c)).toList();
    }

    private List<ColumnAccess> upsertSet() {
        return updateColumns.isEmpty() ? List.of(primaryKey.get(0)) : updateColumns;
    }

    /**
     * On conflict a column takes the new value, except that a null component over a column with a
     * default keeps the stored value: the default is for new rows, so an upsert with a null
     * {@code createdAt} does not reset the creation time of an existing row.
     */
    private String conflictAssignments(List<ColumnAccess> set) {
        return set.stream().map(c -> {
            String column = Sql.quote(c.columnName());
            if (updatedAt.contains(c)) {
                return column + " = now()";
            }
            return defaultsWhenNull(c)
                    ? column + " = COALESCE(CAST(? AS " + c.bound().column().type().sql() + "), " + EXISTING + "." + column + ")"
                    : column + " = EXCLUDED." + column;
        }).collect(Collectors.joining(", "));
    }

    String findByIdSql(boolean hideArchived) {
        return "SELECT " + selectList + " FROM " + qualifiedSql + whereEquals(primaryKey, hideArchived);
    }

    String findAllSql() {
        return "SELECT " + selectList + " FROM " + qualifiedSql + (visibleRows == null ? "" : " WHERE " + visibleRows)
                + pkOrderBy();
    }

    String countSql() {
        return "SELECT count(*) FROM " + qualifiedSql + (visibleRows == null ? "" : " WHERE " + visibleRows);
    }

    String updateSql() {
        return "UPDATE " + qualifiedSql + " SET " + updateColumns.stream()
                .map(c -> Sql.quote(c.columnName()) + " = " + (updatedAt.contains(c) ? "now()" : c.placeholder()))
                .collect(Collectors.joining(", ")) + whereEquals(primaryKey, false);
    }

    String deleteSql() {
        return "DELETE FROM " + qualifiedSql + whereEquals(primaryKey, false);
    }

    String archiveSql() {
        return "UPDATE " + qualifiedSql + " SET " + Sql.quote(componentColumn("isArchived").columnName()) + " = TRUE, "
                + Sql.quote(componentColumn("archivedAt").columnName()) + " = now(), "
                + Sql.quote(archivedBy.columnName()) + " = " + archivedBy.placeholder() + whereEquals(primaryKey, true);
    }

    String conflictsSql(RangeExclusion e) {
        return "SELECT " + selectList + " FROM " + qualifiedSql + " WHERE " + Sql.quote(e.keyColumn()) + " = "
                + column(e.keyColumn()).placeholder() + " AND "
                + e.columnRangeSql() + " && " + e.parameterRangeSql()
                + (e.where() == null ? "" : " AND (" + e.where() + ")")
                + " ORDER BY " + Sql.quote(e.startColumn()) + ", " + Sql.quote(e.endColumn());
    }

    private void collectFinders() {
        Map<List<String>, Finder> byColumns = new LinkedHashMap<>();
        List<String> pk = primaryKey.stream().map(ColumnAccess::columnName).toList();
        for (UniqueConstraint unique : bound.table().uniques()) {
            addFinder(byColumns, unique.columns(), true, "unique constraint " + unique.name(), pk);
        }
        for (Index index : bound.table().indexes()) {
            List<String> leading = new ArrayList<>();
            for (IndexKey key : index.keys()) {
                if (!key.isColumn()) {
                    break;
                }
                leading.add(key.column());
            }
            boolean unique = index.unique() && index.where() == null && leading.size() == index.keys().size();
            addFinder(byColumns, leading, unique, "index " + index.name(), pk);
        }
        finders.addAll(byColumns.values());
    }

    private void addFinder(Map<List<String>, Finder> byColumns, List<String> names, boolean unique, String source,
                           List<String> pk) {
        if (names.isEmpty() || names.equals(pk) || byColumns.containsKey(names) || !names.stream().allMatch(this::hasColumn)) {
            return;
        }
        List<ColumnAccess> keys = names.stream().map(this::column).toList();
        String method = "findBy" + Naming.joinedComponents(keys.stream().map(ColumnAccess::componentName).toList());
        String sql = "SELECT " + selectList + " FROM " + qualifiedSql + whereEquals(keys, true) + (unique ? "" : pkOrderBy());
        byColumns.put(names, new Finder(method, keys, unique, sql, source));
    }

    private void collectUniqueUpserts() {
        for (UniqueConstraint unique : bound.table().uniques()) {
            if (!unique.columns().stream().allMatch(this::hasColumn)) {
                continue;
            }
            List<ColumnAccess> keys = unique.columns().stream().map(this::column).toList();
            List<ColumnAccess> set = insertColumns.stream()
                    .filter(c -> !unique.columns().contains(c.columnName()) && !primaryKey.contains(c)).toList();
            if (set.isEmpty()) {
                set = List.of(keys.get(0));
            }
            String sql = insertPrefix(insertColumns, EXISTING) + values(insertColumns) + " ON CONFLICT ON CONSTRAINT "
                    + Sql.quote(unique.name()) + " DO UPDATE SET " + conflictAssignments(set) + " RETURNING " + selectList;
            String method = "upsertBy" + Naming.joinedComponents(keys.stream().map(ColumnAccess::componentName).toList());
            uniqueUpserts.add(new UniqueUpsert(method, unique, sql,
                    set.stream().filter(c -> defaultsWhenNull(c) && !updatedAt.contains(c)).toList()));
        }
    }
}
