-- file: drop_events_client_id_fkey_clients_email_key.sql
-- sleet:draft — rewritten by every build until you delete this line
-- +migrate Up
ALTER TABLE "public"."events" DROP CONSTRAINT "events_client_id_fkey";
ALTER TABLE "crm"."clients" DROP CONSTRAINT "clients_email_key";
ALTER TABLE "public"."events" DROP CONSTRAINT "events_guests_positive";
DROP INDEX "public"."idx_events_status_starts_at";
DROP INDEX "public"."idx_events_code";
ALTER TABLE "crm"."clients" ADD CONSTRAINT "clients_email_key" UNIQUE ("email");
ALTER TABLE "public"."events" ADD CONSTRAINT "events_guests_positive" CHECK (guests >= 1);
CREATE INDEX "idx_events_status_starts_at" ON "public"."events" USING btree ("status" DESC, "starts_at");
ALTER TABLE "public"."events" ADD CONSTRAINT "events_client_id_fkey" FOREIGN KEY ("client_id") REFERENCES "crm"."clients" ("id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- +migrate Down
ALTER TABLE "public"."events" DROP CONSTRAINT "events_client_id_fkey";
ALTER TABLE "crm"."clients" DROP CONSTRAINT "clients_email_key";
ALTER TABLE "public"."events" DROP CONSTRAINT "events_guests_positive";
DROP INDEX "public"."idx_events_status_starts_at";
ALTER TABLE "crm"."clients" ADD CONSTRAINT "clients_email_key" UNIQUE NULLS NOT DISTINCT ("email");
ALTER TABLE "public"."events" ADD CONSTRAINT "events_guests_positive" CHECK (guests > 0);
CREATE INDEX "idx_events_code" ON "public"."events" USING hash ("code");
CREATE INDEX "idx_events_status_starts_at" ON "public"."events" USING btree ("status", "starts_at" DESC);
ALTER TABLE "public"."events" ADD CONSTRAINT "events_client_id_fkey" FOREIGN KEY ("client_id") REFERENCES "crm"."clients" ("id") ON DELETE CASCADE ON UPDATE RESTRICT;
