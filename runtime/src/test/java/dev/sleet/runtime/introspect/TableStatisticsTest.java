package dev.sleet.runtime.introspect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sleet.runtime.introspect.TableStatistics.TableStats;
import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class TableStatisticsTest {

    @Test
    void columnsEstimatesAndSizesFromTheCatalogue(TestDatabase db) throws Exception {
        db.exec("""
                CREATE SCHEMA shop;
                CREATE TABLE shop.clients (id bigint PRIMARY KEY, name text NOT NULL, dropped int, notes text);
                ALTER TABLE shop.clients DROP COLUMN dropped;
                INSERT INTO shop.clients SELECT g, 'client ' || g, repeat('x', 200) FROM generate_series(1, 2000) g;
                ANALYZE shop.clients;
                CREATE TABLE public.empty_one (id int);
                CREATE TABLE public.measures (at date NOT NULL, value int) PARTITION BY RANGE (at);
                CREATE TABLE public.measures_2026 PARTITION OF public.measures FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
                """);
        List<TableStats> tables = TableStatistics.read(db.dataSource());

        assertThat(tables).extracting(TableStats::qualifiedName)
                .containsExactly("public.empty_one", "public.measures", "public.measures_2026", "shop.clients");
        TableStats clients = tables.get(3);
        assertThat(clients.columns()).as("the dropped column is not counted").isEqualTo(3);
        assertThat(clients.estimatedRows()).as("reltuples after ANALYZE").isEqualTo(2000L);
        long exactBytes = db.scalar("SELECT pg_total_relation_size('shop.clients')");
        assertThat(clients.totalBytes()).isEqualTo(exactBytes).isGreaterThan(8192 * 20);
        assertThat(clients.partitioned()).isFalse();

        TableStats parent = tables.get(1);
        assertThat(parent.partitioned()).isTrue();
        assertThat(parent.estimatedRows()).isNull();
        assertThat(parent.columns()).isEqualTo(2);
        TableStats empty = tables.get(0);
        assertThat(empty.estimatedRows()).as("never analysed, nothing inserted").isIn(null, 0L);
    }

    @Test
    void humanSizes() {
        assertThat(TableStatistics.humanSize(0)).isEqualTo("0 B");
        assertThat(TableStatistics.humanSize(1023)).isEqualTo("1023 B");
        assertThat(TableStatistics.humanSize(8192)).isEqualTo("8.0 KB");
        assertThat(TableStatistics.humanSize(1_572_864)).isEqualTo("1.5 MB");
        assertThat(TableStatistics.humanSize(50L * 1024 * 1024 * 1024)).isEqualTo("50 GB");
    }
}
