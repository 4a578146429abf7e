package app_test

import (
	"context"
	"errors"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/floor"
	"github.com/igf-floor/floor/app/timer"
	"github.com/igf-floor/floor/storage"
)

// A preset saved under a name survives a restart, is listed once however
// often it is saved again, and refuses settings a session could not use.
func TestSessionPresetsAreKeptByName(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "floor.db")
	db, err := storage.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	workshop := app.SessionPreset{Name: "IGF workshop",
		Display: app.DisplayPrefs{Thresholds: timer.Thresholds{Warning: time.Minute, Danger: 15 * time.Second}, ReduceMotion: true},
		Times:   floor.TypeTimes{PointOfOrder: 45 * time.Second, DirectReply: 90 * time.Second}, Turn: "2:30"}
	main := app.SessionPreset{Name: "Main session", Display: app.DefaultDisplayPrefs(), Turn: "5 min"}
	for _, p := range []app.SessionPreset{workshop, main, workshop} {
		if err := app.SavePreset(ctx, db, p); err != nil {
			t.Fatal(err)
		}
	}
	for _, bad := range []app.SessionPreset{{Name: " ", Display: app.DefaultDisplayPrefs()},
		{Name: "Odd", Display: app.DisplayPrefs{Thresholds: timer.Thresholds{Warning: 10 * time.Second, Danger: 20 * time.Second}}},
		{Name: "Long", Display: app.DefaultDisplayPrefs(), Times: floor.TypeTimes{PointOfOrder: time.Hour}}} {
		if err := app.SavePreset(ctx, db, bad); !errors.Is(err, app.ErrBadPreset) {
			t.Errorf("kept %+v: %v", bad, err)
		}
	}
	db.Close()
	db, err = storage.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if names, err := app.PresetNames(ctx, db); err != nil || !slices.Equal(names, []string{"IGF workshop", "Main session"}) {
		t.Errorf("names %q, %v", names, err)
	}
	if got, ok, err := app.LoadPreset(ctx, db, "IGF workshop"); err != nil || !ok || got != workshop {
		t.Errorf("after a restart: %+v, %v, %v; want %+v", got, ok, err, workshop)
	}
	if _, ok, err := app.LoadPreset(ctx, db, "Odd"); ok || err != nil {
		t.Errorf("a refused preset is there: %v, %v", ok, err)
	}
}
