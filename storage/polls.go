package storage

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/igf-floor/floor/app/floor"
)

// AddPoll stores a new poll of session and returns it with its id.
func (db *DB) AddPoll(ctx context.Context, session string, p floor.Poll) (floor.Poll, error) {
	opts, err := json.Marshal(p.Options)
	if err != nil {
		return p, fmt.Errorf("add poll: %w", err)
	}
	res, err := db.sql.ExecContext(ctx, `INSERT INTO polls (session, code, question, kind, options, opened_ns, closed_ns)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, session, p.Code, p.Question, string(p.Kind), string(opts), unixNano(p.Opened), unixNano(p.Closed))
	if err != nil {
		return p, fmt.Errorf("add poll %q: %w", p.Question, busy(err))
	}
	id, err := res.LastInsertId()
	p.ID = int(id)
	return p, err
}

// SetPollTimes notes when a poll opened and closed (zero: not yet).
func (db *DB) SetPollTimes(ctx context.Context, id int, opened, closed time.Time) error {
	res, err := db.sql.ExecContext(ctx, `UPDATE polls SET opened_ns = ?, closed_ns = ? WHERE id = ?`, unixNano(opened), unixNano(closed), id)
	if err != nil {
		return fmt.Errorf("poll %d: %w", id, busy(err))
	}
	if n, _ := res.RowsAffected(); n != 1 {
		return fmt.Errorf("poll %d: %w", id, ErrNotFound)
	}
	return nil
}

// Polls lists a session's polls in the order they were written.
func (db *DB) Polls(ctx context.Context, session string) ([]floor.Poll, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT id, code, question, kind, options, opened_ns, closed_ns
		FROM polls WHERE session = ? ORDER BY id`, session)
	if err != nil {
		return nil, fmt.Errorf("polls: %w", err)
	}
	defer rows.Close()
	var out []floor.Poll
	for rows.Next() {
		var p floor.Poll
		var kind, opts string
		var opened, closed int64
		if err := rows.Scan(&p.ID, &p.Code, &p.Question, &kind, &opts, &opened, &closed); err != nil {
			return nil, fmt.Errorf("polls: %w", err)
		}
		p.Kind, p.Opened, p.Closed = floor.PollKind(kind), fromUnixNano(opened), fromUnixNano(closed)
		if err := json.Unmarshal([]byte(opts), &p.Options); err != nil {
			return nil, fmt.Errorf("poll %d: options: %w", p.ID, err)
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// AddBallots stores ballots in one transaction: all of them, or none when
// one voter has already voted in its poll (floor.ErrVoted) or the disk
// refuses. One commit for many ballots is what lets a room of phones vote
// in the same second.
func (db *DB) AddBallots(ctx context.Context, bs []floor.Ballot) error {
	tx, err := db.sql.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("record votes: %w", busy(err))
	}
	defer tx.Rollback()
	stmt, err := tx.PrepareContext(ctx, `INSERT INTO poll_votes (poll, voter, place, choices, answer, at_ns) VALUES (?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return fmt.Errorf("record votes: %w", err)
	}
	defer stmt.Close()
	for _, b := range bs {
		choices, err := json.Marshal(b.Choices)
		if err != nil {
			return fmt.Errorf("record vote: %w", err)
		}
		if _, err := stmt.ExecContext(ctx, b.Poll, b.Voter, b.Place, string(choices), b.Text, b.At.UnixNano()); err != nil {
			var se *sqlite.Error
			if errors.As(err, &se) && se.Code() == sqlite3.SQLITE_CONSTRAINT_UNIQUE {
				return fmt.Errorf("poll %d: %w (%s)", b.Poll, floor.ErrVoted, b.Voter)
			}
			return fmt.Errorf("record vote in poll %d: %w", b.Poll, busy(err))
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("record votes: %w", busy(err))
	}
	return nil
}

// Ballots lists a poll's ballots in the order they arrived.
func (db *DB) Ballots(ctx context.Context, poll int) ([]floor.Ballot, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT voter, place, choices, answer, at_ns FROM poll_votes WHERE poll = ? ORDER BY seq`, poll)
	if err != nil {
		return nil, fmt.Errorf("votes of poll %d: %w", poll, err)
	}
	defer rows.Close()
	var out []floor.Ballot
	for rows.Next() {
		b := floor.Ballot{Poll: poll}
		var choices string
		var at int64
		if err := rows.Scan(&b.Voter, &b.Place, &choices, &b.Text, &at); err != nil {
			return nil, fmt.Errorf("votes of poll %d: %w", poll, err)
		}
		b.At = time.Unix(0, at).UTC()
		if err := json.Unmarshal([]byte(choices), &b.Choices); err != nil {
			return nil, fmt.Errorf("votes of poll %d: %w", poll, err)
		}
		out = append(out, b)
	}
	return out, rows.Err()
}

func unixNano(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UnixNano()
}

func fromUnixNano(n int64) time.Time {
	if n == 0 {
		return time.Time{}
	}
	return time.Unix(0, n).UTC()
}
