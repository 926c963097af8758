-- file: drop_events_remarks_locations.sql
-- sleet:draft — rewritten by every build until you delete this line
-- +migrate Up
SET LOCAL lock_timeout = '5s';
-- WARNING DS103: drops a column and its values (public.events.remarks)
ALTER TABLE "public"."events" DROP COLUMN "remarks";
-- WARNING DS102: drops a table and its rows (public.locations)
DROP TABLE "public"."locations";

-- +migrate Down
CREATE TABLE "public"."locations" (
  "id" bigint NOT NULL,
  "name" text NOT NULL,
  CONSTRAINT "locations_pkey" PRIMARY KEY ("id")
);
ALTER TABLE "public"."events" ADD COLUMN "remarks" character varying(500);
