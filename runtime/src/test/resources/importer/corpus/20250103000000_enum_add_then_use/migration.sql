ALTER TYPE "EventKind" ADD VALUE 'Conference';
INSERT INTO "Venue" ("Name", capacity) VALUES ('Hall A', 250);
INSERT INTO "Booking" ("bookingId", "venueId", "Kind")
SELECT 1, "venueId", 'Conference' FROM "Venue" WHERE "Name" = 'Hall A';
