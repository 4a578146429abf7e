-- Polls put to the room and the hubs, and their votes: one row a voter, so
-- the primary key is what makes a second vote from the same voter fail.
CREATE TABLE polls (
	id        INTEGER PRIMARY KEY,
	session   TEXT NOT NULL,
	code      TEXT NOT NULL UNIQUE, -- what phones in the room type
	question  TEXT NOT NULL,
	kind      TEXT NOT NULL,        -- single, multiple, text
	options   TEXT NOT NULL,        -- JSON array of strings
	opened_ns INTEGER NOT NULL DEFAULT 0,
	closed_ns INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX polls_by_session ON polls (session, id);

CREATE TABLE poll_votes (
	seq     INTEGER PRIMARY KEY,    -- arrival order, for text answers
	poll    INTEGER NOT NULL REFERENCES polls (id),
	voter   TEXT NOT NULL,          -- device:…, hub:ID, hub:ID/n
	place   TEXT NOT NULL,
	choices TEXT NOT NULL,          -- JSON array of option indexes
	answer  TEXT NOT NULL DEFAULT '',
	at_ns   INTEGER NOT NULL,
	UNIQUE (poll, voter)
);

-- What the rapporteur writes and the moderator estimates, for the report.
CREATE TABLE session_reports (
	session         TEXT PRIMARY KEY,
	takeaways       TEXT NOT NULL DEFAULT '',
	calls_to_action TEXT NOT NULL DEFAULT '',
	in_room         INTEGER NOT NULL DEFAULT 0, -- people in the room
	women           INTEGER NOT NULL DEFAULT 0, -- estimate of women and gender-diverse participants
	online          INTEGER NOT NULL DEFAULT 0, -- people following online, outside hubs
	updated_ns      INTEGER NOT NULL DEFAULT 0
);

-- The most people each hub said it had present during the session.
CREATE TABLE hub_headcounts (
	session TEXT NOT NULL,
	hub     TEXT NOT NULL, -- the hub's name, as the report shows it
	people  INTEGER NOT NULL,
	PRIMARY KEY (session, hub)
);
