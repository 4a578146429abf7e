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

type manualClock struct{ now time.Time }

func (c *manualClock) Now() time.Time { return c.now }

func TestSessionTimerKeepsRunningAcrossARestart(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "floor.db")
	db, err := storage.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	clock := &manualClock{time.Date(2020, 11, 11, 11, 20, 0, 0, time.UTC)}
	key := app.TimerSessionKey("igf", "IGF 2020 WS #234")
	st, err := app.OpenSessionTimer(ctx, db, clock, key)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []timer.Command{
		{Kind: timer.StartSession, Duration: time.Hour},
		{Kind: timer.NextSpeaker, Name: "Barrack Otieno", Mode: timer.CountDown, Duration: 3 * time.Minute},
	} {
		clock.now = clock.now.Add(5 * time.Second)
		if err := st.Do(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.Do(ctx, timer.Command{Kind: timer.ResumeSpeaker}); !errors.Is(err, timer.ErrRunning) {
		t.Fatalf("resume a running timer: %v", err)
	}
	clock.now = clock.now.Add(40 * time.Second)
	before := st.Read()
	db.Close() // Floor stops here without a word to the timer

	clock.now = clock.now.Add(20 * time.Second) // ... and starts 20 s later
	db, err = storage.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	again, err := app.OpenSessionTimer(ctx, db, clock, key)
	if err != nil {
		t.Fatal(err)
	}
	after := again.Read()
	if after.Speaker.Name != "Barrack Otieno" || after.Speaker.Elapsed != before.Speaker.Elapsed+20*time.Second ||
		after.Session.Elapsed != before.Session.Elapsed+20*time.Second || after.Speaker.Digits != "2:00" {
		t.Errorf("before %+v\nafter %+v", before.Speaker, after.Speaker)
	}
	if again.State().Applied != 2 {
		t.Errorf("the refused command was logged: %d commands", again.State().Applied)
	}
}
