-- file: drop_events_client_id_fkey_clients_email_key.sql
-- sleet:draft — rewritten by every build until you delete this line
-- +migrate Up
SET LOCAL lock_timeout = '5s';
ALTER TABLE "public"."events" DROP CONSTRAINT "events_client_id_fkey";
ALTER TABLE "crm"."clients" DROP CONSTRAINT "clients_email_key";
ALTER TABLE "public"."events" DROP CONSTRAINT "events_guests_positive";
ALTER TABLE "crm"."clients" ADD CONSTRAINT "clients_email_key" UNIQUE ("email");
ALTER TABLE "public"."events" ADD CONSTRAINT "events_guests_positive" CHECK (guests >= 1) NOT VALID;
ALTER TABLE "public"."events" ADD CONSTRAINT "events_client_id_fkey" FOREIGN KEY ("client_id") REFERENCES "crm"."clients" ("id") ON DELETE RESTRICT ON UPDATE RESTRICT NOT VALID;

-- +migrate Down
ALTER TABLE "public"."events" DROP CONSTRAINT "events_client_id_fkey";
ALTER TABLE "crm"."clients" DROP CONSTRAINT "clients_email_key";
ALTER TABLE "public"."events" DROP CONSTRAINT "events_guests_positive";
ALTER TABLE "crm"."clients" ADD CONSTRAINT "clients_email_key" UNIQUE NULLS NOT DISTINCT ("email");
ALTER TABLE "public"."events" ADD CONSTRAINT "events_guests_positive" CHECK (guests > 0);
ALTER TABLE "public"."events" ADD CONSTRAINT "events_client_id_fkey" FOREIGN KEY ("client_id") REFERENCES "crm"."clients" ("id") ON DELETE CASCADE ON UPDATE RESTRICT;
-- file: drop_events_client_id_fkey_clients_email_key_online.sql
-- sleet:draft — rewritten by every build until you delete this line
-- +migrate NoTransaction
-- +migrate Up
ALTER TABLE "public"."events" VALIDATE CONSTRAINT "events_guests_positive";
ALTER TABLE "public"."events" VALIDATE CONSTRAINT "events_client_id_fkey";
DROP INDEX CONCURRENTLY "public"."idx_events_status_starts_at";
DROP INDEX CONCURRENTLY "public"."idx_events_code";
CREATE INDEX CONCURRENTLY "idx_events_status_starts_at" ON "public"."events" USING btree ("status" DESC, "starts_at");

-- +migrate Down
DROP INDEX "public"."idx_events_status_starts_at";
CREATE INDEX "idx_events_code" ON "public"."events" USING hash ("code");
CREATE INDEX "idx_events_status_starts_at" ON "public"."events" USING btree ("status", "starts_at" DESC);
