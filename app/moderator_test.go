package app_test

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/floor"
	"github.com/igf-floor/floor/app/room"
	"github.com/igf-floor/floor/app/timer"
	"github.com/igf-floor/floor/storage"
)

type manualClock struct{ now time.Time }

func (c *manualClock) Now() time.Time { return c.now }

func TestModeratorRunsATurnAndSurvivesARestart(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "floor.db")
	db, err := storage.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	clock := &manualClock{time.Date(2020, 11, 11, 11, 20, 0, 0, time.UTC)}
	key := app.ModerationKey("igf", "IGF 2020 WS #234")
	m, err := app.OpenModerator(ctx, db, clock, key)
	if err != nil {
		t.Fatal(err)
	}
	step := func(d time.Duration, f func() error) {
		t.Helper()
		clock.now = clock.now.Add(d)
		if err := f(); err != nil {
			t.Fatal(err)
		}
	}
	step(0, func() error { return m.Timer(ctx, timer.Command{Kind: timer.StartSession, Duration: time.Hour}) })
	step(time.Second, func() error {
		return m.Ask(ctx, floor.Speaker{Name: "Barrack Otieno", Group: "Technical Community", Region: "African Group"})
	})
	step(time.Second, func() error {
		return m.Ask(ctx, floor.Speaker{Name: "Youth hub", Remote: true, Youth: true})
	})
	if err := m.EndTurn(ctx); !errors.Is(err, timer.ErrNoSpeaker) {
		t.Fatalf("end with nobody on the floor: %v", err)
	}
	step(3*time.Second, func() error { return m.Give(ctx, 0, timer.CountDown, 3*time.Minute) })
	step(40*time.Second, func() error { return m.Timer(ctx, timer.Command{Kind: timer.AddTime, Duration: 30 * time.Second}) })
	before := m.Read()
	db.Close() // Floor stops here without a word to anyone

	clock.now = clock.now.Add(20 * time.Second) // ... and starts 20 s later
	db, err = storage.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	m, err = app.OpenModerator(ctx, db, clock, key)
	if err != nil {
		t.Fatal(err)
	}
	after := m.Read()
	if after.Speaker.Name != "Barrack Otieno" || after.Speaker.Elapsed != before.Speaker.Elapsed+20*time.Second ||
		after.Session.Elapsed != 65*time.Second || after.Speaker.Digits != "2:30" {
		t.Errorf("before %+v\nafter %+v", before.Speaker, after.Speaker)
	}
	if q := m.Floor().Queue; len(q) != 1 || q[0].Speaker.Name != "Youth hub" {
		t.Errorf("queue after restart: %+v", q)
	}
	step(10*time.Second, func() error { return m.Give(ctx, 0, timer.CountUp, 0) })
	step(15*time.Second, func() error { return m.Timer(ctx, timer.Command{Kind: timer.EndSession}) })
	ivs := m.Floor().Interventions
	if len(ivs) != 2 || ivs[0].Spoke != 70*time.Second || ivs[1].Spoke != 15*time.Second || m.Floor().Current != nil {
		t.Errorf("interventions %+v", ivs)
	}
	if err := m.Timer(ctx, timer.Command{Kind: timer.NextSpeaker, Name: "x", Mode: timer.CountUp}); err == nil {
		t.Error("a speaker started without the floor")
	}
}

// Two consoles on one session: the second one's action is refused, in
// words, and nothing it tried reaches the log.
func TestASecondConsoleIsRefused(t *testing.T) {
	ctx := context.Background()
	db, err := storage.Open(ctx, filepath.Join(t.TempDir(), "floor.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	clock := &manualClock{time.Date(2020, 11, 11, 11, 20, 0, 0, time.UTC)}
	a, _ := app.OpenModerator(ctx, db, clock, "k")
	b, _ := app.OpenModerator(ctx, db, clock, "k")
	if err := a.Timer(ctx, timer.Command{Kind: timer.StartSession, Duration: time.Hour}); err != nil {
		t.Fatal(err)
	}
	err = b.Timer(ctx, timer.Command{Kind: timer.StartSession, Duration: 2 * time.Hour})
	if !errors.Is(err, storage.ErrLogMoved) || b.TimerState().Started {
		t.Fatalf("second console: %v, started %v", err, b.TimerState().Started)
	}
	again, _ := app.OpenModerator(ctx, db, clock, "k")
	if r := again.Read(); r.Session.Planned != time.Hour {
		t.Errorf("planned %v after the refused start", r.Session.Planned)
	}
}

// A watcher hears every change until it stops watching; a hub room that
// closes stops with it.
func TestWatchersStop(t *testing.T) {
	ctx := context.Background()
	_, db := newImporter(t)
	m, err := app.OpenModerator(ctx, db, &manualClock{now: time.Date(2020, 11, 11, 11, 20, 0, 0, time.UTC)}, "t/watch")
	if err != nil {
		t.Fatal(err)
	}
	var heard int
	stop := m.Watch(func(timer.State, floor.State) { heard++ })
	room := room.New(room.Config{Moderator: m, SessionTitle: "t"})
	ask := func() {
		if err := m.Ask(ctx, floor.Speaker{Name: "Grace"}); err != nil {
			t.Fatal(err)
		}
	}
	ask()
	stop()
	room.Close()
	ask()
	if heard != 1 {
		t.Fatalf("heard %d changes, want 1", heard)
	}
}
