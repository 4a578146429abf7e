package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/igf-floor/floor/app/floor"
)

// Rapporteur is what was written for session's report; empty when nothing was.
func (db *DB) Rapporteur(ctx context.Context, session string) (floor.Rapporteur, error) {
	var r floor.Rapporteur
	var updated int64
	err := db.sql.QueryRowContext(ctx, `SELECT takeaways, calls_to_action, in_room, online, women, updated_ns
		FROM session_reports WHERE session = ?`, session).Scan(&r.Takeaways, &r.CallsToAction, &r.InRoom, &r.Online, &r.Women, &updated)
	if errors.Is(err, sql.ErrNoRows) {
		return r, nil
	}
	if err != nil {
		return r, fmt.Errorf("report notes of %s: %w", session, err)
	}
	r.Updated = fromUnixNano(updated)
	return r, nil
}

// SaveRapporteur keeps what was written for session's report.
func (db *DB) SaveRapporteur(ctx context.Context, session string, r floor.Rapporteur) error {
	_, err := db.sql.ExecContext(ctx, `INSERT INTO session_reports (session, takeaways, calls_to_action, in_room, online, women, updated_ns)
		VALUES (?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (session) DO UPDATE SET takeaways = excluded.takeaways, calls_to_action = excluded.calls_to_action,
			in_room = excluded.in_room, online = excluded.online, women = excluded.women, updated_ns = excluded.updated_ns`,
		session, r.Takeaways, r.CallsToAction, r.InRoom, r.Online, r.Women, unixNano(r.Updated))
	if err != nil {
		return fmt.Errorf("save report notes of %s: %w", session, busy(err))
	}
	return nil
}

// NoteHeadcount keeps the most people hub has said it had present.
func (db *DB) NoteHeadcount(ctx context.Context, session, hub string, people int) error {
	_, err := db.sql.ExecContext(ctx, `INSERT INTO hub_headcounts (session, hub, people) VALUES (?, ?, ?)
		ON CONFLICT (session, hub) DO UPDATE SET people = max(people, excluded.people)`, session, hub, people)
	if err != nil {
		return fmt.Errorf("note headcount of %s: %w", hub, busy(err))
	}
	return nil
}

// Headcounts lists the hubs' headcounts of session, by hub name.
func (db *DB) Headcounts(ctx context.Context, session string) ([]floor.Headcount, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT hub, people FROM hub_headcounts WHERE session = ? ORDER BY hub`, session)
	if err != nil {
		return nil, fmt.Errorf("headcounts: %w", err)
	}
	defer rows.Close()
	var out []floor.Headcount
	for rows.Next() {
		var h floor.Headcount
		if err := rows.Scan(&h.Hub, &h.People); err != nil {
			return nil, fmt.Errorf("headcounts: %w", err)
		}
		out = append(out, h)
	}
	return out, rows.Err()
}
