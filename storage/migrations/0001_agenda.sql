-- Agenda: events and their sessions. Lists (people, policy questions, SDGs,
-- agenda items, links, notes) are JSON arrays: a session is read and written
-- whole, and a re-import replaces a row in one statement.
CREATE TABLE events (
	id    TEXT PRIMARY KEY,
	title TEXT NOT NULL,
	zone  TEXT NOT NULL
);

CREATE TABLE sessions (
	id                INTEGER PRIMARY KEY,
	source            TEXT NOT NULL,
	guid              TEXT NOT NULL,
	event_id          TEXT NOT NULL REFERENCES events(id),
	number            TEXT NOT NULL DEFAULT '',
	title             TEXT NOT NULL,
	format            TEXT NOT NULL DEFAULT '',
	online_format     TEXT NOT NULL DEFAULT '',
	planned_min       INTEGER NOT NULL DEFAULT 0,
	online_min        INTEGER NOT NULL DEFAULT 0,
	start_utc         INTEGER, -- Unix seconds; NULL when the source gives no time
	end_utc           INTEGER,
	zone              TEXT NOT NULL DEFAULT 'UTC',
	room              TEXT NOT NULL DEFAULT '',
	abstract          TEXT NOT NULL DEFAULT '',
	description       TEXT NOT NULL DEFAULT '',
	issues            TEXT NOT NULL DEFAULT '',
	policy_intro      TEXT NOT NULL DEFAULT '',
	expected_outcomes TEXT NOT NULL DEFAULT '',
	people            TEXT NOT NULL DEFAULT '[]',
	policy_questions  TEXT NOT NULL DEFAULT '[]',
	sdgs              TEXT NOT NULL DEFAULT '[]',
	agenda_items      TEXT NOT NULL DEFAULT '[]',
	links             TEXT NOT NULL DEFAULT '[]',
	notes             TEXT NOT NULL DEFAULT '[]',
	updated_at        INTEGER NOT NULL,
	UNIQUE (source, guid)
);
CREATE INDEX sessions_by_start ON sessions (start_utc, id);

-- User data is keyed by (source, guid), never by row id, so it survives
-- every re-import of a schedule.
CREATE TABLE favourites (
	source   TEXT NOT NULL,
	guid     TEXT NOT NULL,
	added_at INTEGER NOT NULL,
	PRIMARY KEY (source, guid)
);

CREATE TABLE imports (
	id       INTEGER PRIMARY KEY,
	source   TEXT NOT NULL,
	file     TEXT NOT NULL,
	format   TEXT NOT NULL,
	at       INTEGER NOT NULL,
	sessions INTEGER NOT NULL,
	warnings TEXT NOT NULL DEFAULT '[]'
);

-- rowid = sessions.id; maintained by the repository in the same transaction.
-- Prefix indexes make a search as-you-type for "ws 12" or "sec" cheap.
CREATE VIRTUAL TABLE session_search USING fts5(
	number, title, people, body,
	tokenize = 'unicode61 remove_diacritics 2',
	prefix = '2 3'
);
