package app_test

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/timer"
	"github.com/igf-floor/floor/storage"
)

// A session's thresholds and display choices survive a restart, and
// another session keeps the defaults.
func TestDisplayPrefsAreKeptPerSession(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "floor.db")
	db, err := storage.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	want := app.DisplayPrefs{Thresholds: timer.Thresholds{Warning: time.Minute, Danger: 15 * time.Second}, HideRoom: true, ReduceMotion: true}
	if err := app.SaveDisplayPrefs(ctx, db, "igf/WS 234", want); err != nil {
		t.Fatal(err)
	}
	bad := app.DisplayPrefs{Thresholds: timer.Thresholds{Warning: 10 * time.Second, Danger: 20 * time.Second}}
	if err := app.SaveDisplayPrefs(ctx, db, "igf/WS 234", bad); !errors.Is(err, app.ErrBadPrefs) {
		t.Errorf("danger after warning kept: %v", err)
	}
	db.Close()
	db, err = storage.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if got, err := app.LoadDisplayPrefs(ctx, db, "igf/WS 234"); err != nil || got != want {
		t.Errorf("after a restart: %+v, %v; want %+v", got, err, want)
	}
	if got, err := app.LoadDisplayPrefs(ctx, db, "igf/WS 1"); err != nil || got != app.DefaultDisplayPrefs() {
		t.Errorf("another session: %+v, %v", got, err)
	}
}
