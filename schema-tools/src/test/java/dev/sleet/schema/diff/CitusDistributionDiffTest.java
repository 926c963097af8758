package dev.sleet.schema.diff;

import static dev.sleet.schema.Fixtures.col;
import static dev.sleet.schema.Fixtures.pub;
import static dev.sleet.schema.Fixtures.schema;
import static dev.sleet.schema.Fixtures.table;
import static dev.sleet.schema.Fixtures.with;
import static dev.sleet.schema.Fixtures.withPrimaryKey;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sleet.schema.model.DatabaseSchema;
import dev.sleet.schema.model.Distribution;
import dev.sleet.schema.model.ForeignKey;
import dev.sleet.schema.model.ReferentialAction;
import dev.sleet.schema.model.Table;
import dev.sleet.schema.model.UniqueConstraint;
import dev.sleet.schema.snapshot.SnapshotJson;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Citus's functions in the plan: where they go relative to constraints and foreign keys, and how they are undone. */
class CitusDistributionDiffTest {
    private static final Table TENANTS = withPrimaryKey(table("tenants", col("id", "bigint"), col("name", "text")), "tenants_pkey", "id")
            .withDistribution(new Distribution.Reference());
    private static final Table RESOURCES = with(withPrimaryKey(table("resources", col("tenant_id", "bigint"), col("id", "bigint"),
                    col("code", "text")), "resources_pkey", "tenant_id", "id"),
            new UniqueConstraint("resources_tenant_code_key", List.of("tenant_id", "code"), false),
            new ForeignKey("resources_tenant_fkey", List.of("tenant_id"), pub("tenants"), List.of("id"),
                    ReferentialAction.CASCADE, ReferentialAction.NO_ACTION))
            .withDistribution(new Distribution.Distributed("tenant_id", null));
    // Named so that it sorts before resources: co-location, not the name, must put it after.
    private static final Table BOOKINGS = with(withPrimaryKey(table("bookings", col("tenant_id", "bigint"), col("id", "bigint")),
                    "bookings_pkey", "tenant_id", "id"),
            new ForeignKey("bookings_tenant_fkey", List.of("tenant_id"), pub("tenants"), List.of("id"),
                    ReferentialAction.CASCADE, ReferentialAction.NO_ACTION))
            .withDistribution(new Distribution.Distributed("tenant_id", pub("resources")));

    @Test
    void newTablesAreDistributedAfterTheirConstraintsAndBeforeForeignKeysReferenceTablesFirst() {
        List<String> sql = SchemaDiffer.diff(DatabaseSchema.EMPTY, schema(TENANTS, RESOURCES, BOOKINGS)).sql();

        assertThat(String.join(";\n", sql)).containsSubsequence(
                "CREATE TABLE \"public\".\"bookings\"",
                "SELECT create_reference_table('\"public\".\"tenants\"')",
                "SELECT create_distributed_table('\"public\".\"resources\"', 'tenant_id')",
                "SELECT create_distributed_table('\"public\".\"bookings\"', 'tenant_id', colocate_with => '\"public\".\"resources\"')",
                "ALTER TABLE \"public\".\"bookings\" ADD CONSTRAINT \"bookings_tenant_fkey\"");
        int lastCreate = lastIndexStartingWith(sql, "CREATE TABLE");
        int firstDistribute = firstIndexStartingWith(sql, "SELECT create_");
        int firstForeignKey = firstIndexContaining(sql, "FOREIGN KEY");
        assertThat(lastCreate).isLessThan(firstDistribute);
        assertThat(firstDistribute).isLessThan(firstForeignKey);
        assertThat(sql.stream().filter(s -> s.startsWith("CREATE TABLE \"public\".\"resources\"")).findFirst().orElseThrow())
                .as("the unique constraint exists when Citus checks it").contains("\"resources_tenant_code_key\" UNIQUE");

        List<String> down = SchemaDiffer.diff(schema(TENANTS, RESOURCES, BOOKINGS), DatabaseSchema.EMPTY).sql();
        assertThat(down).as("DROP TABLE drops the shards; nothing to undistribute").noneMatch(s -> s.contains("undistribute"))
                .anyMatch(s -> s.startsWith("DROP TABLE \"public\".\"bookings\""));
    }

    @Test
    void distributingAnExistingTableIsUndoneByUndistributeTable() {
        Table plain = RESOURCES.withDistribution(null);
        DatabaseSchema before = schema(TENANTS, plain);
        DatabaseSchema after = schema(TENANTS, RESOURCES);

        MigrationPlan up = SchemaDiffer.diff(before, after);
        assertThat(up.sql()).containsExactly("SELECT create_distributed_table('\"public\".\"resources\"', 'tenant_id')");
        assertThat(up.slug()).isEqualTo("distribute_resources");
        assertThat(up.isDestructive()).isFalse();

        MigrationPlan down = SchemaDiffer.diff(after, before);
        assertThat(down.sql()).containsExactly("SELECT undistribute_table('\"public\".\"resources\"')");
        assertThat(down.slug()).isEqualTo("undistribute_resources");
    }

    @Test
    void anotherColumnOrColocationIsAlteredInPlaceAndAKindChangeGoesThroughUndistribute() {
        Table byCode = RESOURCES.withDistribution(new Distribution.Distributed("code", null));
        assertThat(SchemaDiffer.diff(schema(TENANTS, RESOURCES), schema(TENANTS, byCode)).sql())
                .containsExactly("SELECT alter_distributed_table('\"public\".\"resources\"', distribution_column => 'code')");
        assertThat(SchemaDiffer.diff(schema(TENANTS, RESOURCES, BOOKINGS), schema(TENANTS, RESOURCES,
                        BOOKINGS.withDistribution(new Distribution.Distributed("tenant_id", null)))).sql())
                .containsExactly("SELECT alter_distributed_table('\"public\".\"bookings\"', colocate_with => 'default')");

        Table asReference = RESOURCES.withDistribution(new Distribution.Reference());
        assertThat(SchemaDiffer.diff(schema(TENANTS, RESOURCES), schema(TENANTS, asReference)).sql()).containsExactly(
                "SELECT undistribute_table('\"public\".\"resources\"')",
                "SELECT create_reference_table('\"public\".\"resources\"')");
    }

    @Test
    void aSafeDraftOnADistributedTableKeepsItsPlacementInTheStateInBetween() {
        Table indexed = with(RESOURCES, new dev.sleet.schema.model.Index("idx_resources_code",
                List.of(dev.sleet.schema.model.IndexKey.column("code")), false, dev.sleet.schema.model.IndexMethod.BTREE, null));
        List<SafeDraft.Step> steps = SafeDraft.plan(schema(TENANTS, RESOURCES), schema(TENANTS, indexed.withDistribution(RESOURCES.distribution())));
        assertThat(steps).isNotEmpty();
        assertThat(steps).allSatisfy(step -> {
            assertThat(step.up()).doesNotContain("distribute");
            assertThat(step.down()).doesNotContain("distribute");
        });
        assertThat(steps.get(steps.size() - 1).up()).contains("CREATE INDEX CONCURRENTLY \"idx_resources_code\"");
    }

    @Test
    void verifyDoesNotReportDistributionTheIntrospectorCannotSee() {
        DatabaseSchema live = schema(TENANTS.withDistribution(null), RESOURCES.withDistribution(null));
        assertThat(Drift.between(live, schema(TENANTS, RESOURCES))).isEmpty();
        assertThat(Drift.between(live, schema(TENANTS))).extracting(Drift::message)
                .singleElement().asString().startsWith("unexpected table public.resources");
    }

    @Test
    void snapshotCarriesDistributionAndLeavesPlainTablesAsTheyWere() {
        DatabaseSchema distributed = schema(TENANTS, RESOURCES, BOOKINGS);
        String json = SnapshotJson.write(distributed);
        assertThat(json).contains("      \"distribution\": {\n"
                + "        \"column\": \"tenant_id\",\n"
                + "        \"colocateWith\": {\n"
                + "          \"schema\": \"public\",\n"
                + "          \"table\": \"resources\"\n"
                + "        }\n"
                + "      }\n"
                + "    },");
        assertThat(json).contains("      \"distribution\": {\n"
                + "        \"reference\": true\n"
                + "      }\n"
                + "    }\n"
                + "  ]");
        assertThat(SnapshotJson.read(json)).isEqualTo(distributed);
        assertThat(SnapshotJson.write(distributed.withoutDistribution())).doesNotContain("distribution");
    }

    private static int firstIndexStartingWith(List<String> sql, String prefix) {
        for (int i = 0; i < sql.size(); i++) {
            if (sql.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }

    private static int lastIndexStartingWith(List<String> sql, String prefix) {
        int last = -1;
        for (int i = 0; i < sql.size(); i++) {
            if (sql.get(i).startsWith(prefix)) {
                last = i;
            }
        }
        return last;
    }

    private static int firstIndexContaining(List<String> sql, String part) {
        for (int i = 0; i < sql.size(); i++) {
            if (sql.get(i).contains(part)) {
                return i;
            }
        }
        return -1;
    }
}
