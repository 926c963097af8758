INSERT INTO "Venue" ("Name", capacity, "City", size) VALUES ('Roof; top', 20, 'Faro', 'small');
UPDATE "Venue" SET "City" = 'Faro (roof)' WHERE "Name" = 'Roof; top'
-- the last statement above has no semicolon, and this comment follows it
