package storage

import (
	"context"
	"fmt"
	"time"

	"github.com/igf-floor/floor/app/agenda"
)

// Changes returns the recorded changes of imports at or after since, newest
// import first, at most limit (0: all). Favourite marks sessions in My agenda.
func (db *DB) Changes(ctx context.Context, since time.Time, limit int) ([]agenda.ChangeRecord, error) {
	return db.changes(ctx, `WHERE i.at >= ?`, limit, since.Unix())
}

// SessionChanges is one session's change history, newest first.
func (db *DB) SessionChanges(ctx context.Context, source, guid string) ([]agenda.ChangeRecord, error) {
	return db.changes(ctx, `WHERE c.source = ? AND c.guid = ?`, 200, source, guid)
}

func (db *DB) changes(ctx context.Context, where string, limit int, args ...any) ([]agenda.ChangeRecord, error) {
	q := `SELECT i.at, i.file, c.source, c.guid, c.title, c.field, c.old, c.new,
		EXISTS (SELECT 1 FROM favourites v WHERE v.source = c.source AND v.guid = c.guid)
		FROM session_changes c JOIN imports i ON i.id = c.import_id ` + where + ` ORDER BY i.id DESC, c.id`
	if limit > 0 {
		q += fmt.Sprintf(" LIMIT %d", limit)
	}
	rows, err := db.sql.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("read changes: %w", err)
	}
	defer rows.Close()
	var out []agenda.ChangeRecord
	for rows.Next() {
		var r agenda.ChangeRecord
		var at int64
		if err := rows.Scan(&at, &r.File, &r.Source, &r.GUID, &r.Title, &r.Change.Field, &r.Change.Old, &r.Change.New, &r.Favourite); err != nil {
			return nil, fmt.Errorf("read changes: %w", err)
		}
		r.At = time.Unix(at, 0).UTC()
		out = append(out, r)
	}
	return out, rows.Err()
}
