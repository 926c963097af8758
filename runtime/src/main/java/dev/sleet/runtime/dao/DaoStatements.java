package dev.sleet.runtime.dao;

import dev.sleet.runtime.query.Column;
import dev.sleet.runtime.query.TableModel;
import java.util.List;
import java.util.Objects;

/**
 * The statements a {@link TableDao} runs for one table, and which record components each one binds,
 * in parameter order. A generated DAO builds one as a static constant, so the SQL and the
 * error-message labels exist once per DAO class, never per call; the processor writes the SQL
 * (every identifier quoted, every value a {@code ?}).
 *
 * <p>Components are numbered by their position in the record (the table model's select list, from 0).
 */
public final class DaoStatements<R> {
    final TableModel<R> table;
    final String insert;
    final String insertBatch;
    final int[] insertColumns;
    final String copy;
    final String unnest;
    final String upsert;
    final int[] upsertColumns;
    final String update;
    final int[] updateColumns;
    final String findAll;
    final String count;
    final List<Column<R, ?>> touched;

    final String insertLabel;
    final String bulkLabel;
    final String upsertLabel;
    final String findLabel;
    final String selectLabel;
    final String countLabel;
    final String updateLabel;
    final String deleteLabel;
    final String archiveLabel;
    final String conflictsLabel;

    private DaoStatements(Builder<R> b) {
        this.table = b.table;
        this.insert = Objects.requireNonNull(b.insert, "insert");
        this.insertBatch = Objects.requireNonNull(b.insertBatch, "insertBatch");
        this.insertColumns = b.insertColumns;
        this.copy = b.copy;
        this.unnest = b.unnest;
        this.upsert = b.upsert;
        this.upsertColumns = b.upsertColumns;
        this.update = b.update;
        this.updateColumns = b.updateColumns;
        this.findAll = Objects.requireNonNull(b.findAll, "findAll");
        this.count = Objects.requireNonNull(b.count, "count");
        this.touched = b.touched;
        String name = table.sql();
        this.insertLabel = "insert into " + name;
        this.bulkLabel = "bulk insert into " + name;
        this.upsertLabel = "upsert into " + name;
        this.findLabel = "find in " + name;
        this.selectLabel = "select from " + name;
        this.countLabel = "count rows of " + name;
        this.updateLabel = "update " + name;
        this.deleteLabel = "delete from " + name;
        this.archiveLabel = "archive in " + name;
        this.conflictsLabel = "find conflicts in " + name;
    }

    /** Starts the statements of {@code table}'s DAO. */
    public static <R> Builder<R> of(TableModel<R> table) {
        return new Builder<>(Objects.requireNonNull(table, "table"));
    }

    /** Collects the statements; {@link #build()} checks that the required ones are there. */
    public static final class Builder<R> {
        private final TableModel<R> table;
        private String insert;
        private String insertBatch;
        private int[] insertColumns;
        private String copy;
        private String unnest;
        private String upsert;
        private int[] upsertColumns;
        private String update;
        private int[] updateColumns;
        private String findAll;
        private String count;
        private List<Column<R, ?>> touched = List.of();

        private Builder(TableModel<R> table) {
            this.table = table;
        }

        /**
         * {@code INSERT … RETURNING} (one row), the same INSERT without RETURNING (JDBC batches) and the
         * components both bind.
         */
        public Builder<R> insert(String returning, String batch, int... columns) {
            this.insert = returning;
            this.insertBatch = batch;
            this.insertColumns = columns.clone();
            return this;
        }

        /**
         * {@code COPY table (insert columns) FROM STDIN}: the fields of a row are the insert columns. Absent
         * when the table has no column to insert (COPY needs one); insertBulk then runs insertAll.
         */
        public Builder<R> copy(String copySql) {
            this.copy = copySql;
            return this;
        }

        /**
         * {@code INSERT … SELECT FROM unnest(CAST(? AS type[]), …)} over the insert columns, sent as
         * {@code text[]}: the bulk path when a row leaves a defaulted column null. Without it that
         * case goes through the JDBC batch.
         */
        public Builder<R> unnest(String unnestSql) {
            this.unnest = unnestSql;
            return this;
        }

        /** The upsert on the primary key, and the components it binds (every column, then those kept when null). */
        public Builder<R> upsert(String sql, int... columns) {
            this.upsert = sql;
            this.upsertColumns = columns.clone();
            return this;
        }

        /** The update by primary key, and the components it binds (the written columns, then the key). */
        public Builder<R> update(String sql, int... columns) {
            this.update = sql;
            this.updateColumns = columns.clone();
            return this;
        }

        public Builder<R> findAll(String sql) {
            this.findAll = sql;
            return this;
        }

        public Builder<R> count(String sql) {
            this.count = sql;
            return this;
        }

        /** The {@code @UpdatedAt} columns, which the set-based update writes {@code now()} to. */
        public Builder<R> touched(List<? extends Column<R, ?>> columns) {
            this.touched = List.copyOf(columns);
            return this;
        }

        public DaoStatements<R> build() {
            return new DaoStatements<>(this);
        }
    }
}
