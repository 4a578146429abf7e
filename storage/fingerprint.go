package storage

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"errors"
	"fmt"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// ErrBusy is returned when another program held the database longer than
// the busy timeout (5 s).
var ErrBusy = errors.New("the database is busy in another Floor; try again")

// busy names SQLite's "database is locked" for what it is.
func busy(err error) error {
	var se *sqlite.Error
	if errors.As(err, &se) && (se.Code()&0xff == sqlite3.SQLITE_BUSY || se.Code()&0xff == sqlite3.SQLITE_LOCKED) {
		return fmt.Errorf("%w (%v)", ErrBusy, err)
	}
	if errors.As(err, &se) && se.Code()&0xff == sqlite3.SQLITE_FULL {
		return fmt.Errorf("%w (%v)", ErrDiskFull, err)
	}
	return err
}

// ErrDiskFull is a write the disk had no room for: nothing of it was kept.
var ErrDiskFull = errors.New("the disk is full: nothing was written; free some space and try again")

func notFound(err error) error {
	if errors.Is(err, sql.ErrNoRows) {
		return ErrNotFound
	}
	return err
}

// Fingerprint is a SHA-256 over every row of every table, in a fixed order.
// Two databases with equal fingerprints hold the same data: the tests use it
// to prove that a refused import changed nothing.
func (db *DB) Fingerprint(ctx context.Context) (string, error) {
	h := sha256.New()
	tables, err := db.sql.QueryContext(ctx, `SELECT name FROM sqlite_schema WHERE type = 'table'
		AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'session_search_%' ORDER BY name`)
	if err != nil {
		return "", fmt.Errorf("fingerprint: %w", err)
	}
	var names []string
	for tables.Next() {
		var n string
		if err := tables.Scan(&n); err != nil {
			tables.Close()
			return "", fmt.Errorf("fingerprint: %w", err)
		}
		names = append(names, n)
	}
	tables.Close()
	for _, name := range names {
		rows, err := db.sql.QueryContext(ctx, fmt.Sprintf(`SELECT * FROM "%s" ORDER BY rowid`, name))
		if err != nil {
			return "", fmt.Errorf("fingerprint %s: %w", name, err)
		}
		cols, _ := rows.Columns()
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		fmt.Fprintf(h, "table %s %v\n", name, cols)
		for rows.Next() {
			if err := rows.Scan(ptrs...); err != nil {
				rows.Close()
				return "", fmt.Errorf("fingerprint %s: %w", name, err)
			}
			fmt.Fprintf(h, "%q\n", vals)
		}
		rows.Close()
	}
	return fmt.Sprintf("%x", h.Sum(nil)), nil
}
