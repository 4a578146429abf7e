// Package storage keeps everything Floor shows offline in one SQLite file:
// embedded migrations, and repositories that speak in domain types.
package storage

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"modernc.org/sqlite" // the pure-Go SQLite driver, FTS5 included
	sqlite3 "modernc.org/sqlite/lib"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// ErrNotFound is returned when a looked-up row does not exist.
var ErrNotFound = errors.New("not found")

// ErrNewerSchema is returned when the file was written by a newer Floor.
var ErrNewerSchema = errors.New("database was written by a newer version of Floor")

// ErrNotADatabase is returned for a file that is not an SQLite database or
// is damaged beyond opening.
var ErrNotADatabase = errors.New("not a usable database")

// DB is an open Floor database.
type DB struct {
	sql  *sql.DB
	path string
}

// DefaultPath is where Floor keeps its database: the user's config directory.
func DefaultPath() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("find the config directory: %w", err)
	}
	return filepath.Join(dir, "floor", "floor.db"), nil
}

// Option changes how Open opens a database.
type Option func(*options)

type options struct {
	cacheKiB int // each connection's page cache; 0 for SQLite's 2 000 KiB
}

// PageCacheKiB bounds each connection's page cache. A window wants a small
// one: SQLite's memory allocator keeps what a cache once held, and the
// open's quick_check and the agenda's listing each read a whole 10 000-
// session file through one (2 MB a connection, kept for the window's life).
func PageCacheKiB(n int) Option { return func(o *options) { o.cacheKiB = n } }

// Open opens (creating if needed) the database at path and brings its schema
// up to date. The directory is created private to the user.
func Open(ctx context.Context, path string, opts ...Option) (*DB, error) {
	var o options
	for _, opt := range opts {
		opt(&o)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("open database: %w", err)
	}
	q := url.Values{}
	// busy_timeout first, so the pragmas after it wait for a lock too.
	for _, p := range []string{"busy_timeout(5000)", "foreign_keys(1)", "journal_mode(WAL)", "synchronous(FULL)"} {
		q.Add("_pragma", p)
	}
	if o.cacheKiB > 0 {
		q.Add("_pragma", fmt.Sprintf("cache_size(-%d)", o.cacheKiB))
	}
	q.Set("_txlock", "immediate")
	// Defensive mode: no statement can write the schema or the file's pages
	// directly, whatever a hostile input manages to reach (SQLite's
	// SQLITE_DBCONFIG_DEFENSIVE); and schema code is not trusted.
	q.Set("_defensive", "1")
	q.Add("_pragma", "trusted_schema(0)")
	dsn := "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
	sqldb, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	db := &DB{sql: sqldb, path: path}
	if err := db.migrate(ctx); err != nil {
		sqldb.Close()
		var se *sqlite.Error
		if errors.As(err, &se) && (se.Code()&0xff == sqlite3.SQLITE_NOTADB || se.Code()&0xff == sqlite3.SQLITE_CORRUPT) {
			return nil, fmt.Errorf("open database %s: %w: the file is damaged or not a Floor database (%v)", path, ErrNotADatabase, err)
		}
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	// A damaged page can hide behind a healthy schema: quick_check reads
	// every page once (milliseconds for a real agenda).
	var check string
	if err := sqldb.QueryRowContext(ctx, `PRAGMA quick_check`).Scan(&check); err != nil || check != "ok" {
		sqldb.Close()
		if err == nil {
			err = errors.New(check)
		}
		return nil, fmt.Errorf("open database %s: %w: the file is damaged (%v)", path, ErrNotADatabase, err)
	}
	return db, nil
}

// Close closes the database.
func (db *DB) Close() error { return db.sql.Close() }

// Path is the file the database lives in.
func (db *DB) Path() string { return db.path }

type migration struct {
	version int
	name    string
}

func migrations() ([]migration, error) {
	names, err := fs.Glob(migrationFiles, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	var out []migration
	for _, n := range names {
		base := filepath.Base(n)
		v, err := strconv.Atoi(strings.SplitN(base, "_", 2)[0])
		if err != nil {
			return nil, fmt.Errorf("migration %s has no version number: %w", base, err)
		}
		out = append(out, migration{version: v, name: n})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].version < out[j].version })
	return out, nil
}

// migrate applies every pending migration in one transaction and records the
// schema version in PRAGMA user_version.
func (db *DB) migrate(ctx context.Context) error {
	ms, err := migrations()
	if err != nil {
		return err
	}
	latest := ms[len(ms)-1].version
	tx, err := db.sql.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin migration: %w", err)
	}
	defer tx.Rollback()
	var current int
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&current); err != nil {
		return fmt.Errorf("read schema version: %w", err)
	}
	if current > latest {
		return fmt.Errorf("%w (schema %d; this build knows up to %d)", ErrNewerSchema, current, latest)
	}
	if current == latest {
		return nil
	}
	for _, m := range ms {
		if m.version <= current {
			continue
		}
		body, err := migrationFiles.ReadFile(m.name)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, string(body)); err != nil {
			return fmt.Errorf("migration %s: %w", filepath.Base(m.name), err)
		}
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", latest)); err != nil {
		return fmt.Errorf("record schema version: %w", err)
	}
	return tx.Commit()
}
