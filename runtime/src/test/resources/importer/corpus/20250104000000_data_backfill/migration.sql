ALTER TABLE "Venue" ADD COLUMN "City" text;
UPDATE "Venue" SET "City" = 'Lisbon', size = CASE WHEN capacity > 100 THEN 'large'::venue_size ELSE 'small' END;
ALTER TABLE "Venue" ALTER COLUMN "City" SET NOT NULL;
INSERT INTO "Venue" ("Name", capacity, "City", size) VALUES ('Garden; terrace', 40, 'Porto', 'small');
