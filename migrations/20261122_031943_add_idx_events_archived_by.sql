-- +migrate Up
CREATE INDEX "idx_events_archived_by" ON "public"."events" USING btree ("archived_by");

-- +migrate Down
DROP INDEX "public"."idx_events_archived_by";
