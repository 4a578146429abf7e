package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// RecordRoom writes that session's room was opened to hubs on listen, or
// closed, at at.
func (db *DB) RecordRoom(ctx context.Context, session string, open bool, listen string, at time.Time) error {
	if _, err := db.sql.ExecContext(ctx, `INSERT INTO room_openings (session, at, open, listen) VALUES (?, ?, ?, ?)`,
		session, at.UnixNano(), open, listen); err != nil {
		return fmt.Errorf("record the room %s: %w", map[bool]string{true: "opened", false: "closed"}[open], busy(err))
	}
	return nil
}

// RoomLeftOpen reports whether session's room was open when Floor last
// stopped (no Close after the last Open), and the address it listened on.
func (db *DB) RoomLeftOpen(ctx context.Context, session string) (bool, string, error) {
	var open bool
	var listen string
	err := db.sql.QueryRowContext(ctx, `SELECT open, listen FROM room_openings WHERE session = ? ORDER BY seq DESC LIMIT 1`, session).Scan(&open, &listen)
	if errors.Is(err, sql.ErrNoRows) {
		return false, "", nil
	}
	if err != nil {
		return false, "", fmt.Errorf("read the room's openings: %w", err)
	}
	return open, listen, nil
}
