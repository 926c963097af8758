CREATE OR REPLACE VIEW station_summary AS
SELECT s.id, s.name, count(sh.id) AS shifts
FROM station s LEFT JOIN shift sh ON sh.station_id = s.id
GROUP BY s.id, s.name;
