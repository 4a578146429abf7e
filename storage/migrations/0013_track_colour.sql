-- The colour a schedule gives a session's track ("#rrggbb"), empty when none.
ALTER TABLE sessions ADD COLUMN track_colour TEXT NOT NULL DEFAULT '';
