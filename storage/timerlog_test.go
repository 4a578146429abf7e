package storage

import (
	"context"
	"errors"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/igf-floor/floor/app/floor"
	"github.com/igf-floor/floor/app/timer"
	"github.com/igf-floor/floor/app/timer/timertest"
)

func TestTimerLogRoundTripAndNewerVersionRefused(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	at := time.Date(2020, 11, 11, 11, 20, 0, 123456789, time.UTC)
	cmds := []timer.Command{
		{Kind: timer.StartSession, At: at, Duration: time.Hour},
		{Kind: timer.NextSpeaker, At: at.Add(time.Second), Name: "Jon Albert Fanzun", Mode: timer.CountDown, Duration: 2 * time.Minute},
		{Kind: timer.AddTime, At: at.Add(2 * time.Second), Duration: -30 * time.Second},
	}
	ask := floor.Command{Kind: floor.Ask, At: at, Speaker: floor.Speaker{Name: "Jon Albert Fanzun", Group: "Government"}}
	give := floor.Command{Kind: floor.Give, At: at.Add(time.Second), Allotted: 2 * time.Minute}
	if err := db.AppendModeration(ctx, "a", [2]int{0, 0}, cmds[:1], []floor.Command{ask}); err != nil {
		t.Fatal(err)
	}
	// A second console that read the log before that action is refused.
	if err := db.AppendModeration(ctx, "a", [2]int{0, 0}, cmds[1:], nil); !errors.Is(err, ErrLogMoved) {
		t.Fatalf("stale append: %v", err)
	}
	if err := db.AppendModeration(ctx, "a", [2]int{1, 1}, cmds[1:], []floor.Command{give}); err != nil {
		t.Fatal(err)
	}
	db.AppendModeration(ctx, "b", [2]int{0, 0}, cmds[:1], nil)
	flog, err := db.FloorLog(ctx, "a")
	if err != nil || len(flog) != 2 || flog[0] != ask || flog[1] != give {
		t.Errorf("floor log = %+v, %v", flog, err)
	}
	got, err := db.TimerLog(ctx, "a")
	if err != nil || len(got) != 3 {
		t.Fatalf("log = %v, %v", got, err)
	}
	for i := range cmds {
		if got[i] != cmds[i] {
			t.Errorf("entry %d = %+v, want %+v", i, got[i], cmds[i])
		}
	}
	if _, err := db.sql.Exec(`INSERT INTO timer_log (session, version, kind, at_ns) VALUES ('a', 2, 'speaker.next', 0)`); err != nil {
		t.Fatal(err)
	}
	if _, err := db.TimerLog(ctx, "a"); !errors.Is(err, ErrNewerTimerLog) {
		t.Errorf("newer row: %v", err)
	}
	if other, err := db.TimerLog(ctx, "b"); err != nil || len(other) != 1 {
		t.Errorf("another session's log: %v, %v", other, err)
	}
}

// BenchmarkRebuildFrom10kCommandLog reads a 10 000-command timer log from
// SQLite and replays it, as a restart after a crash does.
func BenchmarkRebuildFrom10kCommandLog(b *testing.B) {
	ctx := context.Background()
	db := openTemp(b)
	rng := rand.New(rand.NewPCG(3, 4))
	var s timer.State
	now := time.Date(2020, 11, 11, 11, 20, 0, 0, time.UTC)
	tx, _ := db.sql.Begin()
	for n := 0; n < 10_000; {
		now = now.Add(time.Duration(rng.IntN(5000)) * time.Millisecond)
		c := timertest.RandomCommand(rng, now)
		if c.Kind == timer.EndSession {
			continue
		}
		next, err := timer.Apply(s, c)
		if err != nil {
			continue
		}
		s = next
		if _, err := tx.Exec(`INSERT INTO timer_log (session, version, kind, at_ns, duration_ns, name, mode) VALUES (?, 1, ?, ?, ?, ?, ?)`,
			"bench", string(c.Kind), c.At.UnixNano(), int64(c.Duration), c.Name, string(c.Mode)); err != nil {
			b.Fatal(err)
		}
		n++
	}
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		log, err := db.TimerLog(ctx, "bench")
		if err != nil {
			b.Fatal(err)
		}
		if _, err := timer.Replay(log); err != nil {
			b.Fatal(err)
		}
	}
}

// A write while another connection holds the write lock past the busy
// timeout says so in words, and writes nothing.
func TestBusyDatabaseIsNamed(t *testing.T) {
	if testing.Short() {
		t.Skip("waits for the 5 s busy timeout")
	}
	ctx := context.Background()
	db := openTemp(t)
	other, err := Open(ctx, db.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	tx, err := other.sql.BeginTx(ctx, nil) // BEGIN IMMEDIATE: holds the write lock
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	err = db.AppendModeration(ctx, "s", [2]int{0, 0}, []timer.Command{{Kind: timer.StartSession, At: time.Now(), Duration: time.Hour}}, nil)
	if !errors.Is(err, ErrBusy) {
		t.Fatalf("err = %v, want ErrBusy", err)
	}
	tx.Rollback()
	if log, _ := db.TimerLog(ctx, "s"); len(log) != 0 {
		t.Errorf("a refused write left %d commands", len(log))
	}
}
