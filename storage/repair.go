package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"time"

	"github.com/igf-floor/floor/app/agenda"
)

// MoveAside renames a damaged database, with its WAL and shared-memory
// files, to PATH.damaged-TIME, so nothing in it is lost and a new one can
// take its place; it returns the new name.
func MoveAside(path string, now time.Time) (string, error) {
	to := path + ".damaged-" + now.UTC().Format("20060102T150405Z")
	for _, suffix := range []string{"", "-wal", "-shm"} {
		err := os.Rename(path+suffix, to+suffix)
		if err != nil && !(suffix != "" && errors.Is(err, os.ErrNotExist)) {
			return "", fmt.Errorf("move the damaged database aside: %w", err)
		}
	}
	return to, nil
}

// SalvageSubscriptions reads what it can of the subscriptions in a damaged
// database, read-only; none when even that table cannot be read.
func SalvageSubscriptions(ctx context.Context, path string) []agenda.Subscription {
	dsn := "file:" + (&url.URL{Path: path}).EscapedPath() + "?mode=ro&immutable=1"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil
	}
	defer db.Close()
	rows, err := db.QueryContext(ctx, `SELECT url FROM subscriptions`)
	if err != nil {
		return nil
	}
	defer rows.Close()
	var out []agenda.Subscription
	for rows.Next() {
		var s agenda.Subscription
		if rows.Scan(&s.URL) == nil && s.URL != "" {
			out = append(out, s)
		}
	}
	return out
}
