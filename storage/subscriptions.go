package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/igf-floor/floor/app/agenda"
)

// Subscription returns the stored state of url's subscription, or
// ErrNotFound.
func (db *DB) Subscription(ctx context.Context, url string) (agenda.Subscription, error) {
	row := db.sql.QueryRowContext(ctx, `SELECT url, etag, last_modified, refresh_s, checked_at, synced_at, last_error
		FROM subscriptions WHERE url = ?`, url)
	s, err := scanSubscription(row)
	if errors.Is(err, sql.ErrNoRows) {
		return agenda.Subscription{URL: url}, fmt.Errorf("subscription %s: %w", url, ErrNotFound)
	}
	return s, err
}

// Subscriptions returns every subscription, oldest sync first.
func (db *DB) Subscriptions(ctx context.Context) ([]agenda.Subscription, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT url, etag, last_modified, refresh_s, checked_at, synced_at, last_error
		FROM subscriptions ORDER BY synced_at, url`)
	if err != nil {
		return nil, fmt.Errorf("subscriptions: %w", err)
	}
	defer rows.Close()
	var out []agenda.Subscription
	for rows.Next() {
		s, err := scanSubscription(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// SaveSubscription stores a subscription's state.
func (db *DB) SaveSubscription(ctx context.Context, s agenda.Subscription) error {
	_, err := db.sql.ExecContext(ctx, `INSERT INTO subscriptions (url, etag, last_modified, refresh_s, checked_at, synced_at, last_error)
		VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (url) DO UPDATE SET etag = excluded.etag,
		last_modified = excluded.last_modified, refresh_s = excluded.refresh_s, checked_at = excluded.checked_at,
		synced_at = excluded.synced_at, last_error = excluded.last_error`,
		s.URL, s.ETag, s.LastModified, int64(s.Refresh/time.Second), unix(s.CheckedAt), unix(s.SyncedAt), s.LastError)
	if err != nil {
		return fmt.Errorf("save subscription %s: %w", s.URL, busy(err))
	}
	return nil
}

func scanSubscription(row interface{ Scan(...any) error }) (agenda.Subscription, error) {
	var s agenda.Subscription
	var refresh, checked, synced int64
	if err := row.Scan(&s.URL, &s.ETag, &s.LastModified, &refresh, &checked, &synced, &s.LastError); err != nil {
		return s, err
	}
	s.Refresh = time.Duration(refresh) * time.Second
	s.CheckedAt, s.SyncedAt = fromUnix(checked), fromUnix(synced)
	return s, nil
}

func unix(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.Unix()
}

func fromUnix(n int64) time.Time {
	if n == 0 {
		return time.Time{}
	}
	return time.Unix(n, 0).UTC()
}
