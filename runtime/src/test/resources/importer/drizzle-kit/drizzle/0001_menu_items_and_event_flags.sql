ALTER TYPE "public"."event_status" ADD VALUE 'cancelled';--> statement-breakpoint
CREATE TABLE "MenuItems" (
	"id" serial PRIMARY KEY NOT NULL,
	"eventId" integer NOT NULL,
	"dishName" text NOT NULL,
	"priceCents" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "notes" text;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "is_public" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "MenuItems" ADD CONSTRAINT "MenuItems_eventId_events_id_fk" FOREIGN KEY ("eventId") REFERENCES "public"."events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "MenuItems_eventId_idx" ON "MenuItems" USING btree ("eventId");