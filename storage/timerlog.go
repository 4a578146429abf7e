package storage

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/igf-floor/floor/app/floor"
	"github.com/igf-floor/floor/app/timer"
)

// Formats of the log rows this build writes.
const (
	timerLogVersion = 1
	floorLogVersion = 3 // 2: typed requests, the turns' times by type, budgets; 3: edits, messages to the speaker
)

// ErrNewerTimerLog is returned for a moderation log a newer Floor wrote.
var ErrNewerTimerLog = errors.New("the moderation log was written by a newer version of Floor")

// ErrLogMoved is returned when another Floor wrote to a session's log since
// this one read it: two consoles on one session would otherwise interleave
// commands that each checked against a different state.
var ErrLogMoved = errors.New("another Floor has changed this session since it was opened here; close the console and open it again")

// AppendModeration stores the timer and floor commands of one moderator
// action of session in one transaction with synchronous(FULL): once it
// returns they survive a crash of the process or the machine, and a crash
// before leaves neither. base is how many timer and floor commands the
// caller's state was built from; if the log holds others, nothing is
// written and ErrLogMoved says why.
func (db *DB) AppendModeration(ctx context.Context, session string, base [2]int, tcs []timer.Command, fcs []floor.Command) error {
	tx, err := db.sql.BeginTx(ctx, nil) // BEGIN IMMEDIATE: the count and the insert are one step
	if err != nil {
		return fmt.Errorf("record moderation: %w", busy(err))
	}
	defer tx.Rollback()
	var nt, nf int
	if err := tx.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM timer_log WHERE session = ?),
		(SELECT count(*) FROM floor_log WHERE session = ?)`, session, session).Scan(&nt, &nf); err != nil {
		return fmt.Errorf("record moderation: %w", err)
	}
	if nt != base[0] || nf != base[1] {
		return fmt.Errorf("record moderation: %w (log has %d+%d commands, this console knows %d+%d)", ErrLogMoved, nt, nf, base[0], base[1])
	}
	for _, c := range tcs {
		if _, err := tx.ExecContext(ctx, `INSERT INTO timer_log (session, version, kind, at_ns, duration_ns, name, mode, by_seat)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
			session, timerLogVersion, string(c.Kind), c.At.UnixNano(), int64(c.Duration), c.Name, string(c.Mode), c.By); err != nil {
			return fmt.Errorf("record timer command %s: %w", c.Kind, busy(err))
		}
	}
	for _, c := range fcs {
		payload, err := json.Marshal(c)
		if err != nil {
			return fmt.Errorf("record floor command %s: %w", c.Kind, err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO floor_log (session, version, kind, payload) VALUES (?, ?, ?, ?)`,
			session, c.Version(), string(c.Kind), string(payload)); err != nil {
			return fmt.Errorf("record floor command %s: %w", c.Kind, busy(err))
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("record moderation: %w", busy(err))
	}
	return nil
}

// FloorLog returns session's floor commands in order; rows a newer Floor
// wrote are refused.
func (db *DB) FloorLog(ctx context.Context, session string) ([]floor.Command, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT seq, version, kind, payload FROM floor_log WHERE session = ? ORDER BY seq`, session)
	if err != nil {
		return nil, fmt.Errorf("read floor log: %w", err)
	}
	defer rows.Close()
	var out []floor.Command
	for rows.Next() {
		var (
			seq           int64
			version       int
			kind, payload string
		)
		if err := rows.Scan(&seq, &version, &kind, &payload); err != nil {
			return nil, fmt.Errorf("read floor log: %w", err)
		}
		if version > floorLogVersion || !floor.Kind(kind).Known() {
			return nil, fmt.Errorf("floor log entry %d (version %d, %q): %w", seq, version, kind, ErrNewerTimerLog)
		}
		var c floor.Command
		if err := json.Unmarshal([]byte(payload), &c); err != nil {
			return nil, fmt.Errorf("floor log entry %d: %w", seq, err)
		}
		c.At = c.At.UTC()
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read floor log: %w", err)
	}
	return out, nil
}

// TimerLog returns session's commands in the order they were given. Rows a
// newer Floor wrote are refused, so an old build never rebuilds a wrong state.
func (db *DB) TimerLog(ctx context.Context, session string) ([]timer.Command, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT seq, version, kind, at_ns, duration_ns, name, mode, by_seat
		FROM timer_log WHERE session = ? ORDER BY seq`, session)
	if err != nil {
		return nil, fmt.Errorf("read timer log: %w", err)
	}
	defer rows.Close()
	var out []timer.Command
	for rows.Next() {
		var (
			seq, atNS, durNS int64
			version          int
			kind, name, mode string
			by               string
		)
		if err := rows.Scan(&seq, &version, &kind, &atNS, &durNS, &name, &mode, &by); err != nil {
			return nil, fmt.Errorf("read timer log: %w", err)
		}
		if version > timerLogVersion || !timer.Kind(kind).Known() {
			return nil, fmt.Errorf("timer log entry %d (version %d, %q): %w", seq, version, kind, ErrNewerTimerLog)
		}
		out = append(out, timer.Command{Kind: timer.Kind(kind), At: time.Unix(0, atNS).UTC(),
			Duration: time.Duration(durNS), Name: name, Mode: timer.Mode(mode), By: by})
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read timer log: %w", err)
	}
	return out, nil
}

// IntegrityCheck runs SQLite's full integrity check; "ok" means sound.
func (db *DB) IntegrityCheck(ctx context.Context) (string, error) {
	var res string
	if err := db.sql.QueryRowContext(ctx, `PRAGMA integrity_check`).Scan(&res); err != nil {
		return "", fmt.Errorf("integrity check: %w", err)
	}
	return res, nil
}
