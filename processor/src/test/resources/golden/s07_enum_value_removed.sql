-- file: alter_events_status_event_status.sql
-- sleet:draft — rewritten by every build until you delete this line
-- +migrate Up
-- WARNING DS106: removes an enum value; rows holding it make the migration fail (public.event_status)
ALTER TYPE "public"."event_status" RENAME TO "event_status_old";
CREATE TYPE "public"."event_status" AS ENUM ('planning', 'cancelled', 'in_progress', 'done');
-- WARNING DS106: removes an enum value; rows holding it make the migration fail (public.events.status)
ALTER TABLE "public"."events" ALTER COLUMN "status" TYPE "public"."event_status" USING "status"::text::"public"."event_status";
DROP TYPE "public"."event_status_old";

-- +migrate Down
ALTER TYPE "public"."event_status" ADD VALUE 'inquiry' BEFORE 'planning';
