ALTER TABLE shift DROP COLUMN status;
DROP TYPE shift_status;
