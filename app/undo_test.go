package app_test

import (
	"context"
	"errors"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/floor"
	"github.com/igf-floor/floor/app/timer"
	"github.com/igf-floor/floor/storage"
)

// End turn pressed by mistake, and undone: the speaker is back on the floor
// with the time they had left, a restart replays the undo, and the turn's
// end counts its speaking time whole.
func TestModeratorUndoesAnEndTurnAndARestartReplaysIt(t *testing.T) {
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
	if err := m.Undo(ctx); !errors.Is(err, floor.ErrNothingToUndo) {
		t.Errorf("undo with nothing done: %v", err)
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(m.Timer(ctx, timer.Command{Kind: timer.StartSession, Duration: time.Hour}))
	must(m.Ask(ctx, floor.Speaker{Name: "Barrack Otieno"}))
	must(m.Ask(ctx, floor.Speaker{Name: "Anastasiya Kazakova"}))
	must(m.Give(ctx, 0, timer.CountDown, 3*time.Minute))
	clock.now = clock.now.Add(70 * time.Second)
	must(m.EndTurn(ctx))
	clock.now = clock.now.Add(3 * time.Second)
	if !m.CanUndo() {
		t.Fatal("the end cannot be undone")
	}
	must(m.Undo(ctx))
	r := m.Read().Speaker
	if !r.Active || !r.Running || r.Name != "Barrack Otieno" || r.Digits != "1:50" || m.Floor().Current == nil {
		t.Fatalf("after the undo: %+v", r)
	}
	if m.CanUndo() {
		t.Error("an undo can be undone")
	}
	db.Close()

	db, err = storage.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	again, err := app.OpenModerator(ctx, db, clock, key)
	if err != nil {
		t.Fatal(err)
	}
	if got := again.Read().Speaker; got.Digits != "1:50" || got.Name != "Barrack Otieno" {
		t.Errorf("after a restart: %+v", got)
	}
	if !reflect.DeepEqual(again.Floor().Current, m.Floor().Current) || len(again.Floor().Queue) != 1 {
		t.Errorf("the floor after a restart: %+v", again.Floor().Current)
	}
	clock.now = clock.now.Add(20 * time.Second)
	must(again.EndTurn(ctx))
	if ivs := again.Floor().Interventions; len(ivs) != 1 || ivs[0].Spoke != 90*time.Second {
		t.Errorf("interventions %+v, want one of 1:30", ivs)
	}
}

// A wrong Give is undone: the request is back in the queue, the turn it
// ended runs again, and nobody else's timer runs.
func TestModeratorUndoesAWrongGive(t *testing.T) {
	ctx := context.Background()
	db, err := storage.Open(ctx, filepath.Join(t.TempDir(), "floor.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	clock := &manualClock{time.Date(2020, 11, 11, 11, 20, 0, 0, time.UTC)}
	m, err := app.OpenModerator(ctx, db, clock, "igf/ws234")
	if err != nil {
		t.Fatal(err)
	}
	for _, err := range []error{
		m.Timer(ctx, timer.Command{Kind: timer.StartSession, Duration: time.Hour}),
		m.Ask(ctx, floor.Speaker{Name: "Barrack Otieno"}),
		m.Ask(ctx, floor.Speaker{Name: "Anastasiya Kazakova"}),
		m.Give(ctx, 0, timer.CountDown, 2*time.Minute),
	} {
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := m.Undo(ctx); err != nil {
		t.Fatal(err)
	}
	if r := m.Read().Speaker; r.Active || m.Floor().Current != nil || len(m.Floor().Queue) != 2 {
		t.Errorf("after undoing the first give: %+v, queue %d", r, len(m.Floor().Queue))
	}
}
