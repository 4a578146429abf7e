package storage

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
)

// Backup writes a consistent copy of the database to path with VACUUM INTO
// (never by copying the file, which would drop SQLite's locks and could
// catch a write half done), then opens the copy and checks it. An existing
// file is never overwritten.
func (db *DB) Backup(ctx context.Context, path string) error {
	if _, err := os.Stat(path); err == nil {
		return fmt.Errorf("backup %s: the file exists; choose a new name", path)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("backup %s: %w", path, err)
	}
	if _, err := db.sql.ExecContext(ctx, `VACUUM INTO ?`, path); err != nil {
		os.Remove(path)
		return fmt.Errorf("backup %s: %w", path, busy(err))
	}
	copyDB, err := Open(ctx, path)
	if err != nil {
		return fmt.Errorf("backup %s: the copy does not open: %w", path, err)
	}
	defer copyDB.Close()
	res, err := copyDB.IntegrityCheck(ctx)
	if err != nil || res != "ok" {
		return fmt.Errorf("backup %s: the copy fails its check (%s): %w", path, res, err)
	}
	return nil
}
