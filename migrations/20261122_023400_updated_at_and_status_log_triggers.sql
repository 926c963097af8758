-- Hand-written migration: database-side behaviour the schema model does not describe.
-- updated_at is kept current by the database on every UPDATE, and every change of
-- events.status is logged to event_status_log by a trigger.

-- +migrate Up
CREATE OR REPLACE FUNCTION "public"."sleet_touch_updated_at"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END;
$$;

CREATE OR REPLACE FUNCTION "public"."log_event_status_change"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' OR NEW.status IS DISTINCT FROM OLD.status THEN
        INSERT INTO "public"."event_status_log" ("event_id", "from_status", "to_status")
        VALUES (NEW.id, CASE WHEN TG_OP = 'UPDATE' THEN OLD.status END, NEW.status);
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER "events_status_log" AFTER INSERT OR UPDATE OF "status" ON "public"."events"
    FOR EACH ROW EXECUTE FUNCTION "public"."log_event_status_change"();

DO $$
DECLARE
    t record;
BEGIN
    FOR t IN SELECT c.table_schema, c.table_name
               FROM information_schema.columns c
               JOIN information_schema.tables tb
                 ON tb.table_schema = c.table_schema AND tb.table_name = c.table_name
              WHERE c.column_name = 'updated_at'
                AND tb.table_type = 'BASE TABLE'
                AND c.table_schema IN ('public', 'billing')
    LOOP
        EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE ON %I.%I FOR EACH ROW EXECUTE FUNCTION "public"."sleet_touch_updated_at"()',
                       t.table_name || '_touch_updated_at', t.table_schema, t.table_name);
    END LOOP;
END;
$$;

-- +migrate Down
DO $$
DECLARE
    t record;
BEGIN
    FOR t IN SELECT event_object_schema AS s, event_object_table AS tbl, trigger_name AS trg
               FROM information_schema.triggers
              WHERE trigger_name LIKE '%\_touch\_updated\_at'
              GROUP BY 1, 2, 3
    LOOP
        EXECUTE format('DROP TRIGGER %I ON %I.%I', t.trg, t.s, t.tbl);
    END LOOP;
END;
$$;

DROP TRIGGER "events_status_log" ON "public"."events";
DROP FUNCTION "public"."log_event_status_change"();
DROP FUNCTION "public"."sleet_touch_updated_at"();
