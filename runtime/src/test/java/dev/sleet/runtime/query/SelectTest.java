package dev.sleet.runtime.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sleet.runtime.Database;
import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The query builder over a hand-written metamodel shaped like the generated ones. */
@ExtendWith(PostgresExtension.class)
class SelectTest {
    record Task(long id, String title, Integer priority, LocalDate due, boolean isArchived) {
    }

    static final class TaskTable extends TableModel<Task> {
        static final TaskTable TASKS = new TaskTable();
        final Column<Task, Long> ID = new Column<>("id", Codecs.LONG);
        final TextColumn<Task> TITLE = new TextColumn<>("title");
        final Column<Task, Integer> PRIORITY = new Column<>("priority", Codecs.INTEGER);
        final Column<Task, LocalDate> DUE = new Column<>("due", Codecs.LOCAL_DATE);

        private TaskTable() {
            super("\"public\".\"tasks\"", "\"id\", \"title\", \"priority\", \"due\", \"is_archived\"", "NOT \"is_archived\"");
        }

        @Override
        public Task map(ResultSet rs) throws SQLException {
            return new Task(rs.getLong(1), rs.getString(2), Codecs.INTEGER.read(rs, 3), Codecs.LOCAL_DATE.read(rs, 4),
                    rs.getBoolean(5));
        }
    }

    private static final TaskTable T = TaskTable.TASKS;
    private static Database db;

    @BeforeAll
    static void data(TestDatabase test) throws SQLException {
        db = Database.of(test.dataSource());
        try (Connection c = test.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE tasks (id bigint PRIMARY KEY, title text NOT NULL, priority int, due date,"
                    + " is_archived boolean NOT NULL DEFAULT false)");
            s.execute("INSERT INTO tasks VALUES (1, 'write docs', 2, '2026-03-01', false), (2, 'fix bug', 1, '2026-02-01', false),"
                    + " (3, 'Write tests', NULL, NULL, false), (4, 'old thing', 5, '2025-01-01', true),"
                    + " (5, 'o''reilly; DROP TABLE tasks', 3, '2026-04-01', false)");
        }
    }

    private static Select<Task> select() {
        return new Select<>(db, T);
    }

    private static List<Long> ids(List<Task> tasks) {
        return tasks.stream().map(Task::id).toList();
    }

    @Test
    void rendersQuotedIdentifiersAndPlaceholdersOnly() {
        String sql = select().where(T.PRIORITY.ge(2).and(T.TITLE.like("w%").or(T.DUE.isNull())))
                .orderBy(T.DUE.desc(), T.ID.asc()).limit(10).offset(5).sql();
        assertThat(sql).isEqualTo("SELECT \"id\", \"title\", \"priority\", \"due\", \"is_archived\" FROM \"public\".\"tasks\""
                + " WHERE NOT \"is_archived\" AND (\"priority\" >= ? AND (\"title\" LIKE ? OR \"due\" IS NULL))"
                + " ORDER BY \"due\" DESC, \"id\" LIMIT 10 OFFSET 5");
    }

    @Test
    void everyOperator() {
        assertThat(ids(select().where(T.ID.eq(2L)).list())).containsExactly(2L);
        assertThat(ids(select().where(T.ID.ne(2L)).orderBy(T.ID.asc()).list())).containsExactly(1L, 3L, 5L);
        assertThat(ids(select().where(T.PRIORITY.lt(2)).list())).containsExactly(2L);
        assertThat(ids(select().where(T.PRIORITY.le(2)).orderBy(T.ID.asc()).list())).containsExactly(1L, 2L);
        assertThat(ids(select().where(T.PRIORITY.gt(2)).list())).containsExactly(5L);
        assertThat(ids(select().where(T.PRIORITY.ge(3)).list())).containsExactly(5L);
        assertThat(ids(select().where(T.ID.in(1L, 3L, 4L)).orderBy(T.ID.asc()).list())).containsExactly(1L, 3L);
        assertThat(select().where(T.ID.in(List.of())).list()).isEmpty();
        assertThat(ids(select().where(T.PRIORITY.isNull()).list())).containsExactly(3L);
        assertThat(select().where(T.PRIORITY.isNotNull()).count()).isEqualTo(3);
        assertThat(ids(select().where(T.TITLE.like("w%")).list())).containsExactly(1L);
        assertThat(ids(select().where(T.TITLE.ilike("w%")).orderBy(T.ID.asc()).list())).containsExactly(1L, 3L);
        assertThat(ids(select().where(T.DUE.between(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 1)))
                .orderBy(T.DUE.asc()).list())).containsExactly(2L, 1L);
        assertThat(ids(select().where(T.PRIORITY.eq(1).not()).orderBy(T.ID.asc()).list())).containsExactly(1L, 5L);
        assertThat(ids(select().where(Condition.anyOf(T.ID.eq(1L), T.ID.eq(2L))).orderBy(T.ID.desc()).list()))
                .containsExactly(2L, 1L);
    }

    @Test
    void valuesAreBoundNeverSpliced() {
        assertThat(ids(select().where(T.TITLE.eq("o'reilly; DROP TABLE tasks")).list())).containsExactly(5L);
    }

    @Test
    void limitOffsetFirstCountExists() {
        assertThat(ids(select().orderBy(T.ID.asc()).limit(2).offset(1).list())).containsExactly(2L, 3L);
        assertThat(select().orderBy(T.PRIORITY.desc()).where(T.PRIORITY.isNotNull()).first()).map(Task::id).contains(5L);
        assertThat(select().where(T.ID.eq(99L)).first()).isEmpty();
        assertThat(select().count()).isEqualTo(4);
        assertThat(select().where(T.ID.eq(4L)).exists()).isFalse();
        assertThat(select().where(T.ID.eq(1L)).exists()).isTrue();
    }

    @Test
    void firstLeavesTheQueryReusable() {
        Select<Task> query = select().orderBy(T.ID.asc()).limit(3);
        assertThat(query.first()).map(Task::id).contains(1L);
        assertThat(ids(query.list())).containsExactly(1L, 2L, 3L);
    }

    @Test
    void archivedRowsOnlyOnRequest() {
        assertThat(select().includeArchived().count()).isEqualTo(5);
        assertThat(select().includeArchived().where(T.ID.eq(4L)).first()).map(Task::isArchived).contains(true);
    }

    @Test
    void nullComparisonIsRefusedWithAHint() {
        assertThatThrownBy(() -> T.PRIORITY.eq(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("isNull()");
    }
}
