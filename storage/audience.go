package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/igf-floor/floor/app/floor"
)

// AddQuestion stores a phone's question and returns it with its id.
func (db *DB) AddQuestion(ctx context.Context, q floor.AudienceQuestion) (floor.AudienceQuestion, error) {
	res, err := db.sql.ExecContext(ctx, `INSERT INTO audience_questions (session, device, name, text, state, asked_ns)
		VALUES (?, ?, ?, ?, ?, ?)`, q.Session, q.Device, q.Name, q.Text, q.State.String(), q.Asked.UnixNano())
	if err != nil {
		return q, fmt.Errorf("add question: %w", busy(err))
	}
	id, err := res.LastInsertId()
	q.ID = int(id)
	return q, err
}

// DecideQuestion writes q's state, answer, request and decision time.
func (db *DB) DecideQuestion(ctx context.Context, q floor.AudienceQuestion) error {
	res, err := db.sql.ExecContext(ctx, `UPDATE audience_questions SET state = ?, answer = ?, request = ?, decided_ns = ?
		WHERE id = ?`, q.State.String(), q.Answer, q.Request, unixNano(q.Decided), q.ID)
	if err != nil {
		return fmt.Errorf("question %d: %w", q.ID, busy(err))
	}
	if n, _ := res.RowsAffected(); n != 1 {
		return fmt.Errorf("question %d: %w", q.ID, ErrNotFound)
	}
	return nil
}

// Questions lists session's audience questions in the order they were
// written, each with its upvotes counted.
func (db *DB) Questions(ctx context.Context, session string) ([]floor.AudienceQuestion, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT q.id, q.device, q.name, q.text, q.state, q.answer, q.request, q.asked_ns, q.decided_ns,
		(SELECT count(*) FROM audience_upvotes u WHERE u.question = q.id)
		FROM audience_questions q WHERE q.session = ? ORDER BY q.id`, session)
	if err != nil {
		return nil, fmt.Errorf("questions: %w", err)
	}
	defer rows.Close()
	var out []floor.AudienceQuestion
	for rows.Next() {
		q := floor.AudienceQuestion{Session: session}
		var state string
		var asked, decided int64
		if err := rows.Scan(&q.ID, &q.Device, &q.Name, &q.Text, &state, &q.Answer, &q.Request, &asked, &decided, &q.Upvotes); err != nil {
			return nil, fmt.Errorf("questions: %w", err)
		}
		if q.State, err = floor.ParseQuestionState(state); err != nil {
			return nil, fmt.Errorf("question %d: %w", q.ID, err)
		}
		q.Asked, q.Decided = time.Unix(0, asked).UTC(), fromUnixNano(decided)
		out = append(out, q)
	}
	return out, rows.Err()
}

// AddUpvotes stores upvotes in one transaction: all, or none when one
// phone has already upvoted its question (floor.ErrUpvoted) or the disk refuses.
func (db *DB) AddUpvotes(ctx context.Context, us []floor.Upvote) error {
	tx, err := db.sql.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("record upvotes: %w", busy(err))
	}
	defer tx.Rollback()
	stmt, err := tx.PrepareContext(ctx, `INSERT INTO audience_upvotes (question, device, at_ns) VALUES (?, ?, ?)`)
	if err != nil {
		return fmt.Errorf("record upvotes: %w", err)
	}
	defer stmt.Close()
	for _, u := range us {
		if _, err := stmt.ExecContext(ctx, u.Question, u.Device, u.At.UnixNano()); err != nil {
			var se *sqlite.Error
			if errors.As(err, &se) && (se.Code() == sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY || se.Code() == sqlite3.SQLITE_CONSTRAINT_UNIQUE) {
				return fmt.Errorf("question %d: %w", u.Question, floor.ErrUpvoted)
			}
			return fmt.Errorf("record upvote of question %d: %w", u.Question, busy(err))
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("record upvotes: %w", busy(err))
	}
	return nil
}

// Upvoters are, for each of session's questions, the phones that upvoted it.
func (db *DB) Upvoters(ctx context.Context, session string) (map[int][]string, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT u.question, u.device FROM audience_upvotes u
		JOIN audience_questions q ON q.id = u.question WHERE q.session = ?`, session)
	if err != nil {
		return nil, fmt.Errorf("upvotes: %w", err)
	}
	defer rows.Close()
	out := map[int][]string{}
	for rows.Next() {
		var id int
		var device string
		if err := rows.Scan(&id, &device); err != nil {
			return nil, fmt.Errorf("upvotes: %w", err)
		}
		out[id] = append(out[id], device)
	}
	return out, rows.Err()
}

// BlockDevice stops a phone from asking or writing in session.
func (db *DB) BlockDevice(ctx context.Context, session, device string, at time.Time) error {
	if _, err := db.sql.ExecContext(ctx, `INSERT OR IGNORE INTO audience_blocks (session, device, at_ns) VALUES (?, ?, ?)`,
		session, device, at.UnixNano()); err != nil {
		return fmt.Errorf("block phone: %w", busy(err))
	}
	return nil
}

// UnblockDevice lets a blocked phone ask and write in session again.
func (db *DB) UnblockDevice(ctx context.Context, session, device string) error {
	if _, err := db.sql.ExecContext(ctx, `DELETE FROM audience_blocks WHERE session = ? AND device = ?`, session, device); err != nil {
		return fmt.Errorf("unblock phone: %w", busy(err))
	}
	return nil
}

// BlockedDevices are the phones blocked in session.
func (db *DB) BlockedDevices(ctx context.Context, session string) ([]string, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT device FROM audience_blocks WHERE session = ? ORDER BY at_ns`, session)
	if err != nil {
		return nil, fmt.Errorf("blocked phones: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var d string
		if err := rows.Scan(&d); err != nil {
			return nil, fmt.Errorf("blocked phones: %w", err)
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// RoomCode is the code session's room screen shows phones, made with
// fresh the first time and kept, so a printed QR code stays good.
func (db *DB) RoomCode(ctx context.Context, session string, fresh func() string) (string, error) {
	var code string
	err := db.sql.QueryRowContext(ctx, `SELECT code FROM audience_rooms WHERE session = ?`, session).Scan(&code)
	if err == nil {
		return code, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return "", fmt.Errorf("room code: %w", err)
	}
	code = fresh()
	if _, err := db.sql.ExecContext(ctx, `INSERT OR IGNORE INTO audience_rooms (session, code) VALUES (?, ?)`, session, code); err != nil {
		return "", fmt.Errorf("room code: %w", busy(err))
	}
	err = db.sql.QueryRowContext(ctx, `SELECT code FROM audience_rooms WHERE session = ?`, session).Scan(&code)
	if err != nil {
		return "", fmt.Errorf("room code: %w", err)
	}
	return code, nil
}
