package dev.sleet.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class DatabaseTest {
    private static Database db;

    @BeforeAll
    static void schema(TestDatabase test) throws SQLException {
        db = Database.of(test.dataSource());
        try (Connection c = test.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE EXTENSION IF NOT EXISTS btree_gist");
            s.execute("CREATE TABLE parent (id bigint PRIMARY KEY)");
            s.execute("CREATE TABLE item (id bigint PRIMARY KEY, email text NOT NULL CONSTRAINT item_email_key UNIQUE,"
                    + " qty int CONSTRAINT item_qty_positive CHECK (qty > 0),"
                    + " parent_id bigint CONSTRAINT item_parent_fkey REFERENCES parent(id))");
            s.execute("CREATE TABLE booking (resource_id bigint NOT NULL, start_time timestamptz NOT NULL,"
                    + " end_time timestamptz NOT NULL, CONSTRAINT booking_no_overlap EXCLUDE USING gist"
                    + " (resource_id WITH =, tstzrange(start_time, end_time, '[)') WITH &&))");
            s.execute("CREATE TABLE counter (id int PRIMARY KEY, n int NOT NULL)");
        }
    }

    @BeforeEach
    void clean() {
        db.transaction(tx -> {
            try (Statement s = tx.connection().createStatement()) {
                s.execute("TRUNCATE item, parent, booking, counter");
                s.execute("INSERT INTO counter VALUES (1, 0), (2, 0)");
            }
            return null;
        });
    }

    private static int update(String sql) {
        return db.withConnection("test statement", c -> {
            try (Statement s = c.createStatement()) {
                return s.executeUpdate(sql);
            }
        });
    }

    private static long count(String table) {
        return db.withConnection("count", c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Test
    void uniqueViolationNamesConstraintTableAndColumn() {
        update("INSERT INTO item (id, email) VALUES (1, 'a@x')");
        assertThatThrownBy(() -> update("INSERT INTO item (id, email) VALUES (2, 'a@x')"))
                .isInstanceOfSatisfying(UniqueViolation.class, e -> {
                    assertThat(e.sqlState()).isEqualTo("23505");
                    assertThat(e.constraint()).isEqualTo("item_email_key");
                    assertThat(e.table()).isEqualTo("public.item");
                    assertThat(e.columns()).containsExactly("email");
                    assertThat(e.detail()).contains("(email)=(a@x)");
                    assertThat(e.isRetryable()).isFalse();
                    assertThat(e.getMessage()).contains("test statement failed", "item_email_key", "upsert");
                });
    }

    @Test
    void foreignKeyViolation() {
        assertThatThrownBy(() -> update("INSERT INTO item (id, email, parent_id) VALUES (1, 'a', 42)"))
                .isInstanceOfSatisfying(ForeignKeyViolation.class, e -> {
                    assertThat(e.constraint()).isEqualTo("item_parent_fkey");
                    assertThat(e.columns()).containsExactly("parent_id");
                    assertThat(e.getMessage()).contains("Insert the referenced row first")
                            .as("PostgreSQL's detail ends with a period of its own").doesNotContain("..");
                });
    }

    @Test
    void notNullViolationNamesTheColumn() {
        assertThatThrownBy(() -> update("INSERT INTO item (id, email) VALUES (1, NULL)"))
                .isInstanceOfSatisfying(NotNullViolation.class, e -> {
                    assertThat(e.columns()).containsExactly("email");
                    assertThat(e.table()).isEqualTo("public.item");
                });
    }

    @Test
    void checkViolation() {
        assertThatThrownBy(() -> update("INSERT INTO item (id, email, qty) VALUES (1, 'a', 0)"))
                .isInstanceOfSatisfying(CheckViolation.class,
                        e -> assertThat(e.constraint()).isEqualTo("item_qty_positive"));
    }

    @Test
    void exclusionViolationParsesColumnsOutOfTheRangeExpression() {
        update("INSERT INTO booking VALUES (1, '2026-01-01 10:00Z', '2026-01-01 11:00Z')");
        assertThatThrownBy(() -> update("INSERT INTO booking VALUES (1, '2026-01-01 10:30Z', '2026-01-01 12:00Z')"))
                .isInstanceOfSatisfying(ExclusionViolation.class, e -> {
                    assertThat(e.sqlState()).isEqualTo("23P01");
                    assertThat(e.constraint()).isEqualTo("booking_no_overlap");
                    assertThat(e.columns()).containsExactly("resource_id", "start_time", "end_time");
                });
    }

    @Test
    void otherErrorsKeepTheirSqlState() {
        assertThatThrownBy(() -> update("SELECT * FROM no_such_table"))
                .isExactlyInstanceOf(DataAccessException.class)
                .satisfies(e -> assertThat(((DataAccessException) e).sqlState()).isEqualTo("42P01"))
                .hasMessageContaining("42P01").hasMessageContaining("no_such_table");
    }

    @Test
    void commitsOnReturnAndRollsBackOnThrow() {
        String result = db.transaction(tx -> {
            update("INSERT INTO parent VALUES (1)");
            return "done";
        });
        assertThat(result).isEqualTo("done");
        assertThatThrownBy(() -> db.transaction(tx -> {
            update("INSERT INTO parent VALUES (2)");
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class).hasMessage("boom");
        assertThat(count("parent")).isEqualTo(1);
    }

    @Test
    void daoCallsInsideTransactionUseItsConnection() {
        db.transaction(tx -> {
            update("INSERT INTO parent VALUES (7)");
            Connection seen = db.withConnection("peek", c -> c);
            assertThat(seen).isSameAs(tx.connection());
            // not yet visible to another connection
            try (Connection other = db.dataSource().getConnection(); Statement s = other.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*) FROM parent")) {
                rs.next();
                assertThat(rs.getLong(1)).isZero();
            }
            return null;
        });
        assertThat(count("parent")).isEqualTo(1);
    }

    @Test
    void nestedTransactionIsASavepoint() {
        db.transaction(tx -> {
            update("INSERT INTO parent VALUES (1)");
            assertThatThrownBy(() -> db.transaction(inner -> {
                assertThat(inner).isSameAs(tx);
                assertThat(inner.depth()).isEqualTo(1);
                update("INSERT INTO parent VALUES (2)");
                update("INSERT INTO parent VALUES (1)"); // duplicate: fails, only the savepoint is undone
                return null;
            })).isInstanceOf(UniqueViolation.class);
            // the outer transaction is still usable after the failed savepoint
            db.transaction(inner -> update("INSERT INTO parent VALUES (3)"));
            return null;
        });
        String ids = db.withConnection("ids", c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT string_agg(id::text, ',' ORDER BY id) FROM parent")) {
                rs.next();
                return rs.getString(1);
            }
        });
        assertThat(ids).isEqualTo("1,3");
    }

    @Test
    void atomicallyProtectsTheEnclosingTransaction() {
        db.transaction(tx -> {
            update("INSERT INTO parent VALUES (1)");
            assertThatThrownBy(() -> db.atomically("dup", c -> {
                try (Statement s = c.createStatement()) {
                    return s.executeUpdate("INSERT INTO parent VALUES (1)");
                }
            })).isInstanceOf(UniqueViolation.class);
            update("INSERT INTO parent VALUES (2)");
            return null;
        });
        assertThat(count("parent")).isEqualTo(2);
    }

    @Test
    void isolationLevelIsApplied() {
        for (Isolation level : Isolation.values()) {
            String seen = db.transaction(TxOptions.isolation(level), tx -> db.withConnection("show", c -> {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW transaction_isolation")) {
                    rs.next();
                    return rs.getString(1);
                }
            }));
            assertThat(seen).isEqualTo(level.name().toLowerCase().replace('_', ' '));
        }
    }

    @Test
    void nestedTransactionCannotChangeIsolation() {
        assertThatThrownBy(() -> db.transaction(TxOptions.isolation(Isolation.READ_COMMITTED),
                tx -> db.transaction(TxOptions.serializable(), inner -> null)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("outermost");
    }

    @Test
    void readOnlyTransactionRefusesWrites() {
        assertThatThrownBy(() -> db.transaction(TxOptions.DEFAULT.asReadOnly(), tx -> update("INSERT INTO parent VALUES (1)")))
                .isInstanceOf(DataAccessException.class)
                .satisfies(e -> assertThat(((DataAccessException) e).sqlState()).isEqualTo("25006"));
    }

    /** Two serializable transactions each read both counters and write one: one must fail with 40001. */
    @Test
    void serializationFailureIsTypedAndRetried() throws Exception {
        CyclicBarrier bothRead = new CyclicBarrier(2);
        AtomicInteger attempts = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> a = pool.submit(() -> writeSkew(1, bothRead, attempts, TxOptions.serializable().retries(5)));
            Future<?> b = pool.submit(() -> writeSkew(2, bothRead, attempts, TxOptions.serializable().retries(5)));
            a.get(30, TimeUnit.SECONDS);
            b.get(30, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertThat(attempts.get()).as("one transaction ran twice").isEqualTo(3);
        long total = db.withConnection("sum", c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT sum(n) FROM counter")) {
                rs.next();
                return rs.getLong(1);
            }
        });
        assertThat(total).isEqualTo(2);
    }

    @Test
    void serializationFailureWithoutRetriesSurfacesTyped() throws Exception {
        CyclicBarrier bothRead = new CyclicBarrier(2);
        AtomicInteger attempts = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> a = pool.submit(() -> writeSkew(1, bothRead, attempts, TxOptions.serializable()));
            Future<?> b = pool.submit(() -> writeSkew(2, bothRead, attempts, TxOptions.serializable()));
            Throwable failure = null;
            for (Future<?> f : new Future<?>[] {a, b}) {
                try {
                    f.get(30, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException e) {
                    failure = e.getCause();
                }
            }
            assertThat(failure).isInstanceOf(SerializationFailure.class);
            assertThat(((DataAccessException) failure).isRetryable()).isTrue();
            assertThat(failure.getMessage()).contains("Run the transaction again");
        } finally {
            pool.shutdownNow();
        }
    }

    private static void writeSkew(int id, CyclicBarrier bothRead, AtomicInteger attempts, TxOptions options) {
        db.transaction(options, tx -> {
            int attempt = attempts.incrementAndGet();
            try (Statement s = tx.connection().createStatement(); ResultSet rs = s.executeQuery("SELECT sum(n) FROM counter")) {
                rs.next();
            }
            if (attempt <= 2) {
                await(bothRead);
            }
            try (PreparedStatement ps = tx.connection().prepareStatement("UPDATE counter SET n = n + 1 WHERE id = ?")) {
                ps.setInt(1, id);
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Test
    void deadlockIsTypedAndRetried() throws Exception {
        update("INSERT INTO parent VALUES (1), (2)");
        CountDownLatch bothLocked = new CountDownLatch(2);
        AtomicInteger attempts = new AtomicInteger();
        CountDownLatch survivorCommitted = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> a = pool.submit(() -> crossLock(1, 2, bothLocked, survivorCommitted, attempts));
            Future<?> b = pool.submit(() -> crossLock(2, 1, bothLocked, survivorCommitted, attempts));
            a.get(60, TimeUnit.SECONDS);
            b.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertThat(attempts.get()).as("the deadlock victim ran again").isEqualTo(3);
    }

    private static void crossLock(long first, long second, CountDownLatch bothLocked, CountDownLatch survivorCommitted,
                                  AtomicInteger attempts) {
        db.transaction(TxOptions.DEFAULT.retries(3), tx -> {
            int attempt = attempts.incrementAndGet();
            // The victim's retry waits for the survivor's commit: otherwise it can take its first row
            // back before the survivor (woken by the victim's rollback) does, and deadlock a second time.
            if (attempt > 2) {
                awaitLatch(survivorCommitted);
            }
            lock(tx, first);
            if (attempt <= 2) {
                bothLocked.countDown();
                awaitLatch(bothLocked);
            }
            lock(tx, second);
            return null;
        });
        survivorCommitted.countDown();
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void lock(Transaction tx, long id) throws SQLException {
        try (PreparedStatement ps = tx.connection().prepareStatement("SELECT id FROM parent WHERE id = ? FOR UPDATE")) {
            ps.setLong(1, id);
            ps.executeQuery().close();
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
