-- The seat of the session team that gave a timer command; '' for the
-- moderator at the room's own console (the floor log keeps the same in its
-- JSON's "by").
ALTER TABLE timer_log ADD COLUMN by_seat TEXT NOT NULL DEFAULT '';
