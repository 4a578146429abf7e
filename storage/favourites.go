package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/igf-floor/floor/app/agenda"
)

// SetFavourite marks or unmarks a session as a favourite. The mark is kept by
// (source, guid), so it survives re-imports of the schedule.
func (db *DB) SetFavourite(ctx context.Context, id int64, on bool, now time.Time) error {
	var source, guid string
	if err := db.sql.QueryRowContext(ctx, `SELECT source, guid FROM sessions WHERE id = ?`, id).Scan(&source, &guid); err != nil {
		return fmt.Errorf("favourite session %d: %w", id, notFound(err))
	}
	var err error
	if on {
		_, err = db.sql.ExecContext(ctx, `INSERT INTO favourites (source, guid, added_at) VALUES (?, ?, ?)
			ON CONFLICT DO NOTHING`, source, guid, now.Unix())
	} else {
		_, err = db.sql.ExecContext(ctx, `DELETE FROM favourites WHERE source = ? AND guid = ?`, source, guid)
	}
	if err != nil {
		return fmt.Errorf("favourite session %d: %w", id, err)
	}
	return nil
}

// FavouriteIDs returns the ids of the stored sessions marked as favourites.
func (db *DB) FavouriteIDs(ctx context.Context) (map[int64]bool, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT s.id FROM favourites v JOIN sessions s ON s.source = v.source AND s.guid = v.guid`)
	if err != nil {
		return nil, fmt.Errorf("favourites: %w", err)
	}
	defer rows.Close()
	out := map[int64]bool{}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("favourites: %w", err)
		}
		out[id] = true
	}
	return out, rows.Err()
}

// AddFavouriteKeys marks the sessions with these (source, guid) keys as
// favourites in one transaction, known or not: a key whose schedule this
// database does not have yet is kept, and its session is in My agenda once
// that schedule is imported. It returns how many keys were new here and
// how many name a session this database has.
func (db *DB) AddFavouriteKeys(ctx context.Context, keys []agenda.Key, now time.Time) (added, known int, err error) {
	tx, err := db.sql.BeginTx(ctx, nil)
	if err != nil {
		return 0, 0, fmt.Errorf("add shared favourites: %w", busy(err))
	}
	defer tx.Rollback()
	for _, k := range keys {
		res, err := tx.ExecContext(ctx, `INSERT INTO favourites (source, guid, added_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING`,
			k.Source, k.GUID, now.Unix())
		if err != nil {
			return 0, 0, fmt.Errorf("add shared favourites: %w", busy(err))
		}
		if n, _ := res.RowsAffected(); n > 0 {
			added++
		}
		var one int
		switch err := tx.QueryRowContext(ctx, `SELECT 1 FROM sessions WHERE source = ? AND guid = ?`, k.Source, k.GUID).Scan(&one); {
		case err == nil:
			known++
		case !errors.Is(err, sql.ErrNoRows):
			return 0, 0, fmt.Errorf("add shared favourites: %w", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return 0, 0, fmt.Errorf("add shared favourites: %w", busy(err))
	}
	return added, known, nil
}
