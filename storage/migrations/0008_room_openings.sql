-- When the moderator opened a session's room to hubs, and closed it: a room
-- that died while open (the last row says open) reopens when Floor starts
-- again, on the same address; a moderator's Close keeps it closed.
CREATE TABLE room_openings (
	seq     INTEGER PRIMARY KEY,
	session TEXT NOT NULL,
	at      INTEGER NOT NULL, -- unix nanoseconds
	open    INTEGER NOT NULL, -- 1 opened, 0 closed
	listen  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX room_openings_by_session ON room_openings (session, seq);
