-- What changed in each import, field by field, for "What changed".
CREATE TABLE session_changes (
	id        INTEGER PRIMARY KEY,
	import_id INTEGER NOT NULL REFERENCES imports(id),
	source    TEXT NOT NULL,
	guid      TEXT NOT NULL,
	title     TEXT NOT NULL, -- the session's title after the change (or before removal)
	field     TEXT NOT NULL, -- title, time, duration, room, people, track, new, removed
	old       TEXT NOT NULL DEFAULT '',
	new       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX session_changes_by_session ON session_changes (source, guid, id);

-- Schedules Floor keeps in sync from the web.
CREATE TABLE subscriptions (
	url           TEXT PRIMARY KEY,
	etag          TEXT NOT NULL DEFAULT '',
	last_modified TEXT NOT NULL DEFAULT '',
	refresh_s     INTEGER NOT NULL DEFAULT 0, -- REFRESH-INTERVAL when the schedule gives one
	checked_at    INTEGER NOT NULL DEFAULT 0,
	synced_at     INTEGER NOT NULL DEFAULT 0, -- last successful sync, 304 included
	last_error    TEXT NOT NULL DEFAULT ''
);
