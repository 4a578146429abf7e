package storage

import (
	"context"
	"fmt"
	"time"

	"github.com/igf-floor/floor/app/floor"
)

// AddRecording notes a recording that has started.
func (db *DB) AddRecording(ctx context.Context, r floor.Recording) error {
	_, err := db.sql.ExecContext(ctx, `INSERT INTO recordings (session, request, hub, video, audio, started_at)
		VALUES (?, ?, ?, ?, ?, ?)`, r.Session, r.Request, r.Hub, r.Video, r.Audio, r.Started.UnixNano())
	if err != nil {
		return fmt.Errorf("note recording %s: %w", r.Video, busy(err))
	}
	return nil
}

// FinishRecording notes when the recording of video ended.
func (db *DB) FinishRecording(ctx context.Context, video string, ended time.Time) error {
	_, err := db.sql.ExecContext(ctx, `UPDATE recordings SET ended_at = ? WHERE video = ?`, ended.UnixNano(), video)
	if err != nil {
		return fmt.Errorf("finish recording %s: %w", video, busy(err))
	}
	return nil
}

// Recordings lists a session's recordings, oldest first.
func (db *DB) Recordings(ctx context.Context, session string) ([]floor.Recording, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT session, request, hub, video, audio, started_at, ended_at
		FROM recordings WHERE session = ? ORDER BY started_at, id`, session)
	if err != nil {
		return nil, fmt.Errorf("recordings: %w", err)
	}
	defer rows.Close()
	var out []floor.Recording
	for rows.Next() {
		var r floor.Recording
		var started, ended int64
		if err := rows.Scan(&r.Session, &r.Request, &r.Hub, &r.Video, &r.Audio, &started, &ended); err != nil {
			return nil, fmt.Errorf("recordings: %w", err)
		}
		r.Started = time.Unix(0, started).UTC()
		if ended != 0 {
			r.Ended = time.Unix(0, ended).UTC()
		}
		out = append(out, r)
	}
	return out, rows.Err()
}
