-- The session team's seats (online moderator, rapporteur, co-moderator),
-- invited like hubs: only a hash of each token is kept.
CREATE TABLE seats (
	id          TEXT PRIMARY KEY,
	name        TEXT NOT NULL,
	role        TEXT NOT NULL,
	give_remote INTEGER NOT NULL DEFAULT 0,
	token_hash  BLOB NOT NULL UNIQUE,
	created_at  INTEGER NOT NULL,
	revoked_at  INTEGER NOT NULL DEFAULT 0
);

-- What the team writes for the report while the session runs, a line a
-- row, with who wrote it and when.
CREATE TABLE team_notes (
	seq     INTEGER PRIMARY KEY,
	session TEXT NOT NULL,
	kind    TEXT NOT NULL,              -- takeaway, call, key
	text    TEXT NOT NULL,
	turn    INTEGER NOT NULL DEFAULT 0, -- a key point's intervention (1-based)
	by_name TEXT NOT NULL,
	role    TEXT NOT NULL DEFAULT '',   -- the seat's role; '' for the moderator
	at_ns   INTEGER NOT NULL
);
CREATE INDEX team_notes_by_session ON team_notes (session, seq);
