package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// Setting is the text kept under key, and whether there is one.
func (db *DB) Setting(ctx context.Context, key string) (string, bool, error) {
	var v string
	err := db.sql.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = ?`, key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", false, nil
	}
	if err != nil {
		return "", false, fmt.Errorf("setting %s: %w", key, err)
	}
	return v, true, nil
}

// SetSetting keeps value under key for the next start.
func (db *DB) SetSetting(ctx context.Context, key, value string) error {
	if _, err := db.sql.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES (?, ?)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, value); err != nil {
		return fmt.Errorf("keep setting %s: %w", key, err)
	}
	return nil
}

// Watcher tells whether the database changed since it last looked: a
// command-line import, a sync or a repair in another Floor process, or a
// write through another of this process's connections. It reads SQLite's
// data_version on a connection of its own (the number is per connection
// and moves when any other connection commits), which costs no more than
// a page read.
type Watcher struct {
	conn *sql.Conn
	last int64
}

// Watch returns a watcher of db, holding one connection until Close.
func (db *DB) Watch(ctx context.Context) (*Watcher, error) {
	conn, err := db.sql.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("watch the database: %w", err)
	}
	w := &Watcher{conn: conn}
	if w.last, err = w.version(ctx); err != nil {
		conn.Close()
		return nil, err
	}
	return w, nil
}

func (w *Watcher) version(ctx context.Context) (int64, error) {
	var v int64
	if err := w.conn.QueryRowContext(ctx, `PRAGMA data_version`).Scan(&v); err != nil {
		return 0, fmt.Errorf("watch the database: %w", err)
	}
	return v, nil
}

// Changed reports whether another connection committed since the last call
// (since Watch, the first time).
func (w *Watcher) Changed(ctx context.Context) (bool, error) {
	v, err := w.version(ctx)
	if err != nil {
		return false, err
	}
	changed := v != w.last
	w.last = v
	return changed, nil
}

// Close gives the watcher's connection back.
func (w *Watcher) Close() error { return w.conn.Close() }
