-- What a window keeps for the next start (its filters, day, time zone and
-- size), per database: a key and its text, written as the choice changes.
CREATE TABLE settings (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
);
