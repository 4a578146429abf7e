-- Remote hubs the moderator invited. Only a hash of each token is kept:
-- a copy of the database lets nobody in.
CREATE TABLE hubs (
	id         TEXT PRIMARY KEY,
	name       TEXT NOT NULL,
	city       TEXT NOT NULL DEFAULT '',
	grp        TEXT NOT NULL DEFAULT '',
	region     TEXT NOT NULL DEFAULT '',
	token_hash BLOB NOT NULL UNIQUE,
	created_at INTEGER NOT NULL,
	revoked_at INTEGER NOT NULL DEFAULT 0
);

-- The hubs' security record: authentication failures, joins, leaves.
CREATE TABLE hub_audit (
	id     INTEGER PRIMARY KEY,
	at     INTEGER NOT NULL, -- unix nanoseconds
	kind   TEXT NOT NULL,
	hub    TEXT NOT NULL DEFAULT '',
	remote TEXT NOT NULL DEFAULT '',
	detail TEXT NOT NULL DEFAULT ''
);
