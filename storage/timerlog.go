package storage

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/igf-floor/floor/app/timer"
)

// timerLogVersion is the format of the rows this build writes.
const timerLogVersion = 1

// ErrNewerTimerLog is returned for a timer log a newer Floor wrote.
var ErrNewerTimerLog = errors.New("the timer log was written by a newer version of Floor")

// AppendTimerCommand stores one applied timer command of session. It is one
// INSERT in its own transaction with synchronous(FULL): once it returns, the
// command survives a crash of the process or the machine.
func (db *DB) AppendTimerCommand(ctx context.Context, session string, c timer.Command) error {
	_, err := db.sql.ExecContext(ctx, `INSERT INTO timer_log (session, version, kind, at_ns, duration_ns, name, mode)
		VALUES (?, ?, ?, ?, ?, ?, ?)`,
		session, timerLogVersion, string(c.Kind), c.At.UnixNano(), int64(c.Duration), c.Name, string(c.Mode))
	if err != nil {
		return fmt.Errorf("record timer command %s: %w", c.Kind, err)
	}
	return nil
}

// TimerLog returns session's commands in the order they were given. Rows a
// newer Floor wrote are refused, so an old build never rebuilds a wrong state.
func (db *DB) TimerLog(ctx context.Context, session string) ([]timer.Command, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT seq, version, kind, at_ns, duration_ns, name, mode
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
		)
		if err := rows.Scan(&seq, &version, &kind, &atNS, &durNS, &name, &mode); err != nil {
			return nil, fmt.Errorf("read timer log: %w", err)
		}
		if version > timerLogVersion || !timer.Kind(kind).Known() {
			return nil, fmt.Errorf("timer log entry %d (version %d, %q): %w", seq, version, kind, ErrNewerTimerLog)
		}
		out = append(out, timer.Command{Kind: timer.Kind(kind), At: time.Unix(0, atNS).UTC(),
			Duration: time.Duration(durNS), Name: name, Mode: timer.Mode(mode)})
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
