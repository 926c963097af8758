DO $$
BEGIN
    -- a ; inside the body does not end the statement
    IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'venue_size') THEN
        CREATE TYPE venue_size AS ENUM ('small', 'large');
    END IF;
END
$$;

CREATE FUNCTION "venueLabel"(v "Venue") RETURNS text LANGUAGE plpgsql STABLE AS $body$
DECLARE
    label text := v."Name";
BEGIN
    RETURN label || CASE WHEN v.capacity > 100 THEN $$ (large)$$ ELSE ' (small)' END;
END;
$body$;

DO $outer$
BEGIN
    EXECUTE $sql$ALTER TABLE "Venue" ADD COLUMN size venue_size$sql$;
END
$outer$;
