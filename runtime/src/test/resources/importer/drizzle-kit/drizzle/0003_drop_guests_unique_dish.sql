CREATE UNIQUE INDEX "MenuItems_event_dish_key" ON "MenuItems" USING btree ("eventId","dishName");--> statement-breakpoint
ALTER TABLE "events" DROP COLUMN "guests";