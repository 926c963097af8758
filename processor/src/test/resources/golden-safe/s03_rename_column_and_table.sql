-- file: rename_locations_events_remarks.sql
-- sleet:draft — rewritten by every build until you delete this line
-- +migrate Up
SET LOCAL lock_timeout = '5s';
ALTER TABLE "public"."venues" RENAME TO "locations";
ALTER TABLE "public"."events" RENAME COLUMN "notes" TO "remarks";
ALTER TABLE "public"."locations" DROP CONSTRAINT "venues_pkey";
ALTER TABLE "public"."locations" ADD CONSTRAINT "locations_pkey" PRIMARY KEY ("id");

-- +migrate Down
ALTER TABLE "public"."locations" RENAME TO "venues";
ALTER TABLE "public"."events" RENAME COLUMN "remarks" TO "notes";
ALTER TABLE "public"."venues" DROP CONSTRAINT "locations_pkey";
ALTER TABLE "public"."venues" ADD CONSTRAINT "venues_pkey" PRIMARY KEY ("id");
