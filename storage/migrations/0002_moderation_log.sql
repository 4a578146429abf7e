-- The moderator's timer commands, one row each, appended in the transaction
-- that makes them happen: the timers' state is the replay of this log, so a
-- restart after a crash rebuilds exactly the state of the last command.
CREATE TABLE timer_log (
	seq         INTEGER PRIMARY KEY,
	session     TEXT NOT NULL,    -- the moderated session's key, e.g. "igf/IGF 2020 WS #234"
	version     INTEGER NOT NULL, -- row format; a newer one is refused, never guessed at
	kind        TEXT NOT NULL,
	at_ns       INTEGER NOT NULL, -- UTC wall time, Unix nanoseconds
	duration_ns INTEGER NOT NULL DEFAULT 0,
	name        TEXT NOT NULL DEFAULT '',
	mode        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX timer_log_by_session ON timer_log (session, seq);

-- The queue for the floor and the interventions, one command a row (JSON),
-- written in the same transaction as the timer command it goes with.
CREATE TABLE floor_log (
	seq     INTEGER PRIMARY KEY,
	session TEXT NOT NULL,
	version INTEGER NOT NULL,
	kind    TEXT NOT NULL,
	payload TEXT NOT NULL
);
CREATE INDEX floor_log_by_session ON floor_log (session, seq);
