package dev.sleet.processor.dao;

import dev.sleet.schema.model.CheckConstraint;
import dev.sleet.schema.model.Column;
import dev.sleet.schema.model.ColumnType;
import dev.sleet.schema.model.DatabaseSchema;
import dev.sleet.schema.model.EnumType;
import dev.sleet.schema.model.ExclusionConstraint;
import dev.sleet.schema.model.ExclusionElement;
import dev.sleet.schema.model.IdentityKind;
import dev.sleet.schema.model.Index;
import dev.sleet.schema.model.IndexKey;
import dev.sleet.schema.model.IndexMethod;
import dev.sleet.schema.model.PrimaryKey;
import dev.sleet.schema.model.QualifiedName;
import dev.sleet.schema.model.Table;
import dev.sleet.schema.model.UniqueConstraint;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The schema model of the fixture records in {@code src/test/resources/dao-fixtures/demo}, written
 * by hand (what the processor's binder will produce), plus the matching DDL for behaviour tests.
 * Kept independent of the scanner so the DAO generator can be tested on its own.
 */
final class DaoFixtures {
    private DaoFixtures() {
    }

    static final QualifiedName EVENT_STATUS = QualifiedName.of("public", "event_status");
    static final EnumType EVENT_STATUS_TYPE = new EnumType(EVENT_STATUS,
            List.of("inquiry", "planning", "preparation", "in-progress", "completed", "follow_up"));
    static final Map<String, String> EVENT_STATUS_LABELS = labels();

    private static Map<String, String> labels() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("INQUIRY", "inquiry");
        m.put("PLANNING", "planning");
        m.put("PREPARATION", "preparation");
        m.put("IN_PROGRESS", "in-progress");
        m.put("COMPLETED", "completed");
        m.put("FOLLOW_UP", "follow_up");
        return m;
    }

    private static Column col(String name, String type, boolean nullable) {
        return new Column(name, ColumnType.builtin(type), nullable);
    }

    private static Column identity(String name) {
        return new Column(name, ColumnType.builtin("bigint"), false, null, IdentityKind.BY_DEFAULT, List.of());
    }

    static final Table EVENTS = new Table(QualifiedName.of("public", "events"),
            List.of(identity("id"),
                    col("client_id", "bigint", false),
                    col("code", "text", false),
                    col("name", "text", false),
                    new Column("status", new ColumnType.EnumRef(EVENT_STATUS, false), false),
                    col("event_date", "date", false),
                    col("guest_count", "integer", true),
                    new Column("created_at", ColumnType.builtin("timestamptz"), false, "now()", null, List.of()),
                    new Column("is_archived", ColumnType.builtin("boolean"), false, "false", null, List.of()),
                    col("archived_at", "timestamptz", true),
                    col("archived_by", "text", true)),
            new PrimaryKey("events_pkey", List.of("id")),
            List.of(),
            List.of(new UniqueConstraint("events_code_key", List.of("code"), false)),
            List.of(),
            List.of(),
            List.of(new Index("idx_events_client_id", List.of(IndexKey.column("client_id")), false, IndexMethod.BTREE, null),
                    new Index("idx_events_status_event_date",
                            List.of(IndexKey.column("status"), IndexKey.column("event_date")), false, IndexMethod.BTREE, null)),
            List.of());

    static final Table RESOURCE_SCHEDULE = new Table(QualifiedName.of("public", "resource_schedule"),
            List.of(identity("id"),
                    col("resource_id", "bigint", false),
                    col("event_id", "bigint", true),
                    col("start_time", "timestamptz", false),
                    col("end_time", "timestamptz", false),
                    col("notes", "varchar(500)", true)),
            new PrimaryKey("resource_schedule_pkey", List.of("id")),
            List.of(),
            List.of(),
            List.of(new CheckConstraint("resource_schedule_time_range_valid", "end_time > start_time")),
            List.of(new ExclusionConstraint("resource_schedule_no_overlap", IndexMethod.GIST,
                    List.of(new ExclusionElement("resource_id", null, "="),
                            new ExclusionElement(null, "tstzrange(start_time, end_time, '[)')", "&&")),
                    null)),
            List.of(new Index("idx_rs_event", List.of(IndexKey.column("event_id")), false, IndexMethod.BTREE, null)),
            List.of());

    static final Table ALL_TYPES = new Table(QualifiedName.of("public", "all_types"),
            List.of(col("id", "uuid", false),
                    col("flag", "boolean", false), col("small", "smallint", false), col("count", "integer", false),
                    col("big", "bigint", false), col("ratio", "real", false), col("score", "double precision", false),
                    col("maybe_flag", "boolean", true), col("maybe_small", "smallint", true),
                    col("maybe_count", "integer", true), col("maybe_big", "bigint", true),
                    col("maybe_ratio", "real", true), col("maybe_score", "double precision", true),
                    col("text", "text", true),
                    col("amount", "numeric(12,4)", true),
                    col("instant", "timestamptz", true),
                    col("offset_time", "timestamptz", true),
                    col("local_date_time", "timestamp", true),
                    col("local_date", "date", true),
                    col("local_time", "time", true),
                    col("duration", "interval", true),
                    col("payload", "bytea", true),
                    new Column("status", new ColumnType.EnumRef(EVENT_STATUS, false), true),
                    col("tags", "text[]", true),
                    col("numbers", "bigint[]", true),
                    col("refs", "uuid[]", true)),
            new PrimaryKey("all_types_pkey", List.of("id")),
            List.of(), List.of(), List.of(), List.of(), List.of(), List.of());

    /** Record simple name → (table, soft delete). */
    static final Map<String, Table> TABLES = Map.of(
            "demo.Event", EVENTS, "demo.ResourceSchedule", RESOURCE_SCHEDULE, "demo.AllTypes", ALL_TYPES);

    static DatabaseSchema schema() {
        return new DatabaseSchema(new TreeSet<>(List.of("public")), new TreeSet<>(List.of("btree_gist")),
                List.of(EVENT_STATUS_TYPE), List.of(EVENTS, RESOURCE_SCHEDULE, ALL_TYPES));
    }

    /** DDL matching the model above, for the behaviour tests. */
    static final String DDL = """
            CREATE EXTENSION IF NOT EXISTS btree_gist;
            CREATE TYPE event_status AS ENUM ('inquiry', 'planning', 'preparation', 'in-progress', 'completed', 'follow_up');
            CREATE TABLE events (
                id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
                client_id bigint NOT NULL,
                code text NOT NULL CONSTRAINT events_code_key UNIQUE,
                name text NOT NULL,
                status event_status NOT NULL,
                event_date date NOT NULL,
                guest_count integer,
                created_at timestamptz NOT NULL DEFAULT now(),
                is_archived boolean NOT NULL DEFAULT false,
                archived_at timestamptz,
                archived_by text);
            CREATE INDEX idx_events_client_id ON events (client_id);
            CREATE INDEX idx_events_status_event_date ON events (status, event_date);
            CREATE TABLE resource_schedule (
                id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
                resource_id bigint NOT NULL,
                event_id bigint,
                start_time timestamptz NOT NULL,
                end_time timestamptz NOT NULL,
                notes varchar(500),
                CONSTRAINT resource_schedule_time_range_valid CHECK (end_time > start_time),
                CONSTRAINT resource_schedule_no_overlap EXCLUDE USING gist
                    (resource_id WITH =, tstzrange(start_time, end_time, '[)') WITH &&));
            CREATE INDEX idx_rs_event ON resource_schedule (event_id);
            CREATE TABLE all_types (
                id uuid PRIMARY KEY,
                flag boolean NOT NULL, small smallint NOT NULL, count integer NOT NULL, big bigint NOT NULL,
                ratio real NOT NULL, score double precision NOT NULL,
                maybe_flag boolean, maybe_small smallint, maybe_count integer, maybe_big bigint,
                maybe_ratio real, maybe_score double precision,
                text text, amount numeric(12,4), instant timestamptz, offset_time timestamptz,
                local_date_time timestamp, local_date date, local_time time, duration interval,
                payload bytea, status event_status, tags text[], numbers bigint[], refs uuid[]);
            """;
}
