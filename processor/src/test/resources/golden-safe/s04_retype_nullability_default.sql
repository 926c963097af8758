-- file: alter_clients_email_clients_active_events_guests.sql
-- sleet:draft — rewritten by every build until you delete this line
-- +migrate Up
SET LOCAL lock_timeout = '5s';
ALTER TABLE "crm"."clients" ALTER COLUMN "email" TYPE text USING "email"::text;
ALTER TABLE "crm"."clients" ALTER COLUMN "active" DROP DEFAULT;
ALTER TABLE "public"."events" ALTER COLUMN "guests" TYPE bigint USING "guests"::bigint;
ALTER TABLE "public"."resources" ALTER COLUMN "priority" SET DEFAULT 5;
ALTER TABLE "crm"."clients" ADD CONSTRAINT "clients_email_not_null_check" CHECK ("email" IS NOT NULL) NOT VALID;

-- +migrate Down
ALTER TABLE "crm"."clients" DROP CONSTRAINT "clients_email_not_null_check";
-- WARNING DS104: changes a column type; values that do not fit fail or are cut (crm.clients.email)
ALTER TABLE "crm"."clients" ALTER COLUMN "email" TYPE character varying(320) USING "email"::character varying(320);
ALTER TABLE "crm"."clients" ALTER COLUMN "active" SET DEFAULT true;
-- WARNING DS104: changes a column type; values that do not fit fail or are cut (public.events.guests)
ALTER TABLE "public"."events" ALTER COLUMN "guests" TYPE integer USING "guests"::integer;
ALTER TABLE "public"."resources" ALTER COLUMN "priority" DROP DEFAULT;
-- file: alter_clients_email_clients_active_events_guests_online.sql
-- sleet:draft — rewritten by every build until you delete this line
-- +migrate NoTransaction
-- +migrate Up
ALTER TABLE "crm"."clients" VALIDATE CONSTRAINT "clients_email_not_null_check";
SET lock_timeout = '5s';
-- WARNING DS105: makes an existing column NOT NULL; fails if any row holds NULL (crm.clients.email)
ALTER TABLE "crm"."clients" ALTER COLUMN "email" SET NOT NULL;
ALTER TABLE "crm"."clients" DROP CONSTRAINT "clients_email_not_null_check";
RESET lock_timeout;

-- +migrate Down
ALTER TABLE "crm"."clients" ALTER COLUMN "email" DROP NOT NULL;
ALTER TABLE "crm"."clients" ADD CONSTRAINT "clients_email_not_null_check" CHECK ("email" IS NOT NULL);
