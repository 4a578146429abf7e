-- Remote turns recorded to disk, linked to the floor request they answered
-- (the floor_log's Give of that request is the intervention).
CREATE TABLE recordings (
	id         INTEGER PRIMARY KEY,
	session    TEXT NOT NULL,
	request    INTEGER NOT NULL DEFAULT 0,
	hub        TEXT NOT NULL,
	video      TEXT NOT NULL UNIQUE,
	audio      TEXT NOT NULL,
	started_at INTEGER NOT NULL, -- unix nanoseconds
	ended_at   INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX recordings_by_session ON recordings (session, started_at);
