CREATE TYPE shift_status AS ENUM ('planned', 'staffed', 'done');
ALTER TABLE shift ADD COLUMN status shift_status NOT NULL DEFAULT 'planned';
