-- Questions written on the phones in the room (the /floor page), their
-- upvotes (one a phone: the primary key refuses a second), the phones the
-- moderator blocked for the session, and the code the room's screen shows.
CREATE TABLE audience_questions (
	id         INTEGER PRIMARY KEY,
	session    TEXT NOT NULL,
	device     TEXT NOT NULL,             -- the phone's hashed cookie
	name       TEXT NOT NULL DEFAULT '',
	text       TEXT NOT NULL,
	state      TEXT NOT NULL,             -- pending, shown, queued, answered, dismissed
	answer     TEXT NOT NULL DEFAULT '',
	request    INTEGER NOT NULL DEFAULT 0, -- the request for the floor it became
	asked_ns   INTEGER NOT NULL,
	decided_ns INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX audience_questions_by_session ON audience_questions (session, id);

CREATE TABLE audience_upvotes (
	question INTEGER NOT NULL REFERENCES audience_questions (id),
	device   TEXT NOT NULL,
	at_ns    INTEGER NOT NULL,
	PRIMARY KEY (question, device)
);

CREATE TABLE audience_blocks (
	session TEXT NOT NULL,
	device  TEXT NOT NULL,
	at_ns   INTEGER NOT NULL,
	PRIMARY KEY (session, device)
);

CREATE TABLE audience_rooms (
	session TEXT PRIMARY KEY,
	code    TEXT NOT NULL
);
