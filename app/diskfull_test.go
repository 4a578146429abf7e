package app_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/floor"
	"github.com/igf-floor/floor/app/timer"
	"github.com/igf-floor/floor/storage"
)

// A full disk refuses the moderator's action in words, keeps the state as it
// was, and the timers keep running; once there is room again, work goes on.
// The disk is a 2 MiB tmpfs (the test needs the right to mount one).
func TestFullDiskRefusesInWordsAndTheTimerRuns(t *testing.T) {
	dir := t.TempDir()
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, "size=2m"); err != nil {
		t.Skipf("cannot mount a small tmpfs here: %v", err)
	}
	defer syscall.Unmount(dir, 0)
	ctx := context.Background()
	db, err := storage.Open(ctx, filepath.Join(dir, "floor.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	clock := &manualClock{time.Date(2020, 11, 11, 11, 20, 0, 0, time.UTC)}
	m, err := app.OpenModerator(ctx, db, clock, "igf/ws234")
	if err != nil {
		t.Fatal(err)
	}
	if err := m.Timer(ctx, timer.Command{Kind: timer.StartSession, Duration: time.Hour}); err != nil {
		t.Fatal(err)
	}
	// Fill the disk.
	filler, err := os.Create(filepath.Join(dir, "filler"))
	if err != nil {
		t.Fatal(err)
	}
	chunk := make([]byte, 64<<10)
	for {
		if _, err := filler.Write(chunk); err != nil {
			break
		}
	}
	filler.Close()
	var refused error
	for i := 0; i < 500 && refused == nil; i++ { // the WAL may hold a little room
		clock.now = clock.now.Add(time.Second)
		refused = m.Ask(ctx, floor.Speaker{Name: "Barrack Otieno", Affiliation: strings.Repeat("x", 290)})
	}
	if !errors.Is(refused, storage.ErrDiskFull) {
		t.Fatalf("on a full disk: %v", refused)
	}
	queued := len(m.Floor().Queue)
	clock.now = clock.now.Add(time.Minute)
	if r := m.Read(); !r.Session.Running || r.Session.Elapsed < time.Minute {
		t.Errorf("the session clock stopped: %+v", r.Session)
	}
	if err := m.Ask(ctx, floor.Speaker{Name: "Anastasiya Kazakova"}); !errors.Is(err, storage.ErrDiskFull) || len(m.Floor().Queue) != queued {
		t.Errorf("a second try on a full disk: %v, queue %d then %d", err, queued, len(m.Floor().Queue))
	}
	os.Remove(filepath.Join(dir, "filler"))
	if err := m.Ask(ctx, floor.Speaker{Name: "Anastasiya Kazakova"}); err != nil {
		t.Fatalf("with room again: %v", err)
	}
	if res, err := db.IntegrityCheck(ctx); err != nil || res != "ok" {
		t.Errorf("integrity %q %v", res, err)
	}
}
