package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/igf-floor/floor/app/floor"
)

const seatColumns = `id, name, role, give_remote, created_at, revoked_at`

// AddSeat stores a new seat with the hash of its token.
func (db *DB) AddSeat(ctx context.Context, s floor.Seat, tokenHash []byte) error {
	_, err := db.sql.ExecContext(ctx, `INSERT INTO seats (`+seatColumns+`, token_hash) VALUES (?, ?, ?, ?, ?, ?, ?)`,
		s.ID, s.Name, s.Role.String(), s.GiveRemote, unix(s.Created), unix(s.Revoked), tokenHash)
	if err != nil {
		return fmt.Errorf("add seat %s: %w", s.Name, busy(err))
	}
	return nil
}

// Seats returns every seat, revoked ones included, oldest first.
func (db *DB) Seats(ctx context.Context) ([]floor.Seat, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT `+seatColumns+` FROM seats ORDER BY created_at, id`)
	if err != nil {
		return nil, fmt.Errorf("seats: %w", err)
	}
	defer rows.Close()
	var out []floor.Seat
	for rows.Next() {
		s, err := scanSeat(rows)
		if err != nil {
			return nil, fmt.Errorf("seats: %w", err)
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// Seat returns seat id, or ErrNotFound.
func (db *DB) Seat(ctx context.Context, id string) (floor.Seat, error) {
	s, err := scanSeat(db.sql.QueryRowContext(ctx, `SELECT `+seatColumns+` FROM seats WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return s, fmt.Errorf("seat %s: %w", id, ErrNotFound)
	}
	if err != nil {
		return s, fmt.Errorf("seat %s: %w", id, err)
	}
	return s, nil
}

// SeatByTokenHash returns the seat whose token hashes to hash, with the
// stored hash for a constant-time comparison; ErrNotFound when none does.
func (db *DB) SeatByTokenHash(ctx context.Context, hash []byte) (floor.Seat, []byte, error) {
	var stored []byte
	s, err := scanSeat(db.sql.QueryRowContext(ctx, `SELECT `+seatColumns+`, token_hash FROM seats WHERE token_hash = ?`, hash), &stored)
	if errors.Is(err, sql.ErrNoRows) {
		return s, nil, fmt.Errorf("seat token: %w", ErrNotFound)
	}
	if err != nil {
		return s, nil, fmt.Errorf("seat token: %w", err)
	}
	return s, stored, nil
}

// RevokeSeat marks seat id revoked at at; its token stops working at once.
func (db *DB) RevokeSeat(ctx context.Context, id string, at time.Time) (floor.Seat, error) {
	if _, err := db.sql.ExecContext(ctx, `UPDATE seats SET revoked_at = ? WHERE id = ? AND revoked_at = 0`, unix(at), id); err != nil {
		return floor.Seat{}, fmt.Errorf("revoke seat %s: %w", id, busy(err))
	}
	return db.Seat(ctx, id)
}

// SetSeatGiveRemote switches whether online moderator seat id may give
// the floor to remote requests.
func (db *DB) SetSeatGiveRemote(ctx context.Context, id string, on bool) (floor.Seat, error) {
	res, err := db.sql.ExecContext(ctx, `UPDATE seats SET give_remote = ? WHERE id = ?`, on, id)
	if err != nil {
		return floor.Seat{}, fmt.Errorf("seat %s: %w", id, busy(err))
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return floor.Seat{}, fmt.Errorf("seat %s: %w", id, ErrNotFound)
	}
	return db.Seat(ctx, id)
}

func scanSeat(row interface{ Scan(...any) error }, extra ...any) (floor.Seat, error) {
	var s floor.Seat
	var role string
	var created, revoked int64
	if err := row.Scan(append([]any{&s.ID, &s.Name, &role, &s.GiveRemote, &created, &revoked}, extra...)...); err != nil {
		return s, err
	}
	r, err := floor.ParseSeatRole(role)
	if err != nil {
		return s, err
	}
	s.Role, s.Created, s.Revoked = r, fromUnix(created), fromUnix(revoked)
	return s, nil
}

// AddTeamNote appends one line of the team's record for session.
func (db *DB) AddTeamNote(ctx context.Context, session string, n floor.TeamNote) error {
	role := ""
	if n.Role != floor.UnknownSeatRole {
		role = n.Role.String()
	}
	_, err := db.sql.ExecContext(ctx, `INSERT INTO team_notes (session, kind, text, turn, by_name, role, at_ns) VALUES (?, ?, ?, ?, ?, ?, ?)`,
		session, n.Kind.String(), n.Text, n.Turn, n.By, role, unixNano(n.At))
	if err != nil {
		return fmt.Errorf("add a %s to the record of %s: %w", n.Kind, session, busy(err))
	}
	return nil
}

// TeamNotes is session's team record, in the order it was written.
func (db *DB) TeamNotes(ctx context.Context, session string) ([]floor.TeamNote, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT kind, text, turn, by_name, role, at_ns FROM team_notes WHERE session = ? ORDER BY seq`, session)
	if err != nil {
		return nil, fmt.Errorf("team record of %s: %w", session, err)
	}
	defer rows.Close()
	var out []floor.TeamNote
	for rows.Next() {
		var n floor.TeamNote
		var kind, role string
		var at int64
		if err := rows.Scan(&kind, &n.Text, &n.Turn, &n.By, &role, &at); err != nil {
			return nil, fmt.Errorf("team record of %s: %w", session, err)
		}
		if n.Kind, err = floor.ParseNoteKind(kind); err != nil {
			return nil, fmt.Errorf("team record of %s: %w", session, err)
		}
		if role != "" {
			if n.Role, err = floor.ParseSeatRole(role); err != nil {
				return nil, fmt.Errorf("team record of %s: %w", session, err)
			}
		}
		n.At = fromUnixNano(at)
		out = append(out, n)
	}
	return out, rows.Err()
}
