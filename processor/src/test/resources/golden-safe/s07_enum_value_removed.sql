-- file: alter_events_status_event_status.sql
-- sleet:draft — rewritten by every build until you delete this line
-- +migrate Up
SET LOCAL lock_timeout = '5s';
ALTER TABLE "public"."events" DROP CONSTRAINT "events_done_has_ended";
-- sleet:nolint PG102 a column change in this migration locks public.events anyway and needs the index gone first
DROP INDEX "public"."idx_events_not_done";
-- WARNING DS106: removes an enum value; rows holding it make the migration fail (public.event_status)
ALTER TYPE "public"."event_status" RENAME TO "event_status_old";
CREATE TYPE "public"."event_status" AS ENUM ('planning', 'cancelled', 'in_progress', 'done');
-- WARNING DS106: removes an enum value; rows holding it make the migration fail (public.events.status)
ALTER TABLE "public"."events" ALTER COLUMN "status" TYPE "public"."event_status" USING "status"::text::"public"."event_status";
DROP TYPE "public"."event_status_old";
ALTER TABLE "public"."events" ADD CONSTRAINT "events_done_has_ended" CHECK (status <> 'done' OR ends_at < now()) NOT VALID;

-- +migrate Down
ALTER TYPE "public"."event_status" ADD VALUE 'inquiry' BEFORE 'planning';
CREATE INDEX "idx_events_not_done" ON "public"."events" USING btree ("starts_at") WHERE (status <> 'done');
-- file: alter_events_status_event_status_online.sql
-- sleet:draft — rewritten by every build until you delete this line
-- +migrate NoTransaction
-- +migrate Up
ALTER TABLE "public"."events" VALIDATE CONSTRAINT "events_done_has_ended";
CREATE INDEX CONCURRENTLY "idx_events_not_done" ON "public"."events" USING btree ("starts_at") WHERE (status <> 'done');

-- +migrate Down
DROP INDEX "public"."idx_events_not_done";
