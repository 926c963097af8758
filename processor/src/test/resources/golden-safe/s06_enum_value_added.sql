-- file: alter_event_status.sql
-- sleet:draft — rewritten by every build until you delete this line
-- +migrate Up
ALTER TYPE "public"."event_status" ADD VALUE 'cancelled' AFTER 'planning';

-- +migrate Down
ALTER TABLE "public"."events" DROP CONSTRAINT "events_done_has_ended";
DROP INDEX "public"."idx_events_not_done";
-- WARNING DS106: removes an enum value; rows holding it make the migration fail (public.event_status)
ALTER TYPE "public"."event_status" RENAME TO "event_status_old";
CREATE TYPE "public"."event_status" AS ENUM ('inquiry', 'planning', 'in_progress', 'done');
-- WARNING DS106: removes an enum value; rows holding it make the migration fail (public.events.status)
ALTER TABLE "public"."events" ALTER COLUMN "status" TYPE "public"."event_status" USING "status"::text::"public"."event_status";
DROP TYPE "public"."event_status_old";
ALTER TABLE "public"."events" ADD CONSTRAINT "events_done_has_ended" CHECK (status <> 'done' OR ends_at < now());
CREATE INDEX "idx_events_not_done" ON "public"."events" USING btree ("starts_at") WHERE (status <> 'done');
