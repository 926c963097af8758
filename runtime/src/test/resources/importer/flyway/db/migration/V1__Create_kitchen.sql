CREATE TABLE station (
    id integer PRIMARY KEY,
    name varchar(100) NOT NULL UNIQUE
);

CREATE TABLE shift (
    id bigserial PRIMARY KEY,
    station_id integer NOT NULL REFERENCES station (id),
    starts_at timestamptz NOT NULL,
    ends_at timestamptz NOT NULL,
    CONSTRAINT shift_time_range_valid CHECK (ends_at > starts_at)
);
