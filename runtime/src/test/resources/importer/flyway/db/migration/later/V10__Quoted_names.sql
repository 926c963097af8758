CREATE TABLE "StationNote" (
    "noteId" serial PRIMARY KEY,
    "stationId" integer NOT NULL REFERENCES station (id),
    "Body" text NOT NULL
);
