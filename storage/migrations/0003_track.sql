-- Conference schedules group sessions into tracks.
ALTER TABLE sessions ADD COLUMN track TEXT NOT NULL DEFAULT '';
