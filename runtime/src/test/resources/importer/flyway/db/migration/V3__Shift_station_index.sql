CREATE INDEX CONCURRENTLY shift_station_idx ON shift (station_id, starts_at);
