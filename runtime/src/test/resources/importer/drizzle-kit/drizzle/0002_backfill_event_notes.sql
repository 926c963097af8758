-- Custom SQL migration file, put your code below! --
UPDATE "events" SET "notes" = 'for ' || "title" WHERE "notes" IS NULL;--> statement-breakpoint
INSERT INTO "clients" ("name", "email") VALUES ('Walk-in guest', 'walk-in@example.invalid');
