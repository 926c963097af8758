-- A data migration written by hand: Prisma runs it like any other.
INSERT INTO "User" ("email", "name", "role") VALUES ('moderator@example.com', 'Mod', 'MODERATOR');
UPDATE "User" SET "name" = 'Moderator ' || "id" WHERE "role" = 'MODERATOR';
INSERT INTO "Post" ("title", "authorId") SELECT 'Welcome', "id" FROM "User" WHERE "role" = 'MODERATOR';
