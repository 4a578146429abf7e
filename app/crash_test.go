package app_test

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/floor"
	"github.com/igf-floor/floor/app/timer"
	"github.com/igf-floor/floor/app/timer/timertest"
	"github.com/igf-floor/floor/storage"
)

const crashKey = "igf/IGF 2020 WS #234"

// TestTimerCrashChild is the process the crash harness kills: it gives
// random timer commands as fast as it can and prints each one after it is
// committed. It only runs when the harness starts it.
func TestTimerCrashChild(t *testing.T) {
	path := os.Getenv("FLOOR_CRASH_DB")
	if path == "" {
		t.Skip("started by TestTimerSurvivesSIGKILL")
	}
	ctx := context.Background()
	db, err := storage.Open(ctx, path)
	if err != nil {
		fmt.Println("ERROR", err)
		os.Exit(3)
	}
	m, err := app.OpenModerator(ctx, db, app.SystemClock{}, crashKey)
	if err != nil {
		fmt.Println("ERROR", err)
		os.Exit(3)
	}
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 7))
	out := bufio.NewWriter(os.Stdout)
	// The rebuilt state first, so that a child killed before its first
	// report has committed nothing the harness does not know of.
	for err := error(nil); ; err = randomAction(ctx, m, rng) {
		if err != nil {
			continue
		}
		line, _ := json.Marshal(report(m.TimerState(), m.Floor()))
		fmt.Fprintf(out, "%s\n", line)
		out.Flush()
	}
}

// crashReport is what the child says it committed: the command counts and
// a digest of the whole state.
type crashReport struct {
	Timer, Floor int
	Digest       string
}

func report(t timer.State, f floor.State) crashReport {
	js, _ := json.Marshal([]any{t, f})
	return crashReport{Timer: t.Applied, Floor: f.Applied, Digest: fmt.Sprintf("%x", sha256.Sum256(js))}
}

// randomAction is one thing a moderator might do; many do not apply.
func randomAction(ctx context.Context, m *app.Moderator, rng *rand.Rand) error {
	switch rng.IntN(6) {
	case 0:
		return m.Ask(ctx, floor.Speaker{Name: "Speaker " + string(rune('A'+rng.IntN(26))), Remote: rng.IntN(2) == 0})
	case 1:
		return m.Give(ctx, 0, timer.CountDown, 2*time.Minute)
	case 2:
		return m.EndTurn(ctx)
	}
	c := timertest.RandomCommand(rng, time.Time{})
	if c.Kind == timer.EndSession {
		return errors.New("keep the session going") // an ended session takes no more commands
	}
	return m.Timer(ctx, c)
}

// TestTimerSurvivesSIGKILL kills a process that is writing moderator commands
// 200 times at random moments. After each kill the database must pass
// SQLite's integrity check, and the state rebuilt from it must be the last
// state the process reported as committed, or the one after it (a kill can
// fall between the commit and the report), never anything else.
func TestTimerSurvivesSIGKILL(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "floor.db")
	rng := rand.New(rand.NewPCG(42, 42))
	kills := 200
	var lastReported *crashReport
	for i := 0; i < kills; i++ {
		cmd := exec.Command(os.Args[0], "-test.run=^TestTimerCrashChild$", "-test.count=1")
		cmd.Env = append(os.Environ(), "FLOOR_CRASH_DB="+path)
		stdout, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		reported := make(chan crashReport, 1024)
		done := make(chan struct{})
		go func() {
			defer close(done)
			rd := bufio.NewReader(stdout)
			for {
				line, err := rd.ReadBytes('\n')
				if err != nil {
					return // EOF; a line cut short by the kill is no report
				}
				var s crashReport
				if json.Unmarshal(line, &s) != nil {
					t.Errorf("child: %s", line)
					continue
				}
				reported <- s
			}
		}()
		// Let it start and write for a random while, then kill it mid-stride.
		time.Sleep(time.Duration(30+rng.IntN(120)) * time.Millisecond)
		cmd.Process.Signal(syscall.SIGKILL)
		<-done // read every report before Wait closes the pipe
		cmd.Wait()
		close(reported)
		for s := range reported {
			lastReported = &s
		}

		db, err := storage.Open(ctx, path)
		if err != nil {
			t.Fatalf("kill %d: reopen: %v", i, err)
		}
		if res, err := db.IntegrityCheck(ctx); err != nil || res != "ok" {
			t.Fatalf("kill %d: integrity check %q, %v", i, res, err)
		}
		tlog, err := db.TimerLog(ctx, crashKey)
		if err != nil {
			t.Fatalf("kill %d: %v", i, err)
		}
		flog, err := db.FloorLog(ctx, crashKey)
		db.Close()
		if err != nil {
			t.Fatalf("kill %d: %v", i, err)
		}
		if _, err := app.OpenModerator(ctx, logs{tlog, flog}, app.SystemClock{}, crashKey); err != nil {
			t.Fatalf("kill %d: rebuild: %v", i, err)
		}
		if lastReported == nil {
			continue // killed before its first command
		}
		want := *lastReported
		tprefix, err1 := timer.Replay(tlog[:min(want.Timer, len(tlog))])
		fprefix, err2 := floor.Replay(flog[:min(want.Floor, len(flog))])
		if got := report(tprefix, fprefix); err1 != nil || err2 != nil || got != want {
			t.Fatalf("kill %d: the logs do not hold the reported state: got %+v, want %+v (%v, %v)", i, got, want, err1, err2)
		}
		// A kill between the commit and the report leaves one action more:
		// at most one timer and one floor command.
		if n := len(tlog) - want.Timer; n < 0 || n > 1 {
			t.Fatalf("kill %d: %d timer commands logged, %d reported", i, len(tlog), want.Timer)
		}
		if n := len(flog) - want.Floor; n < 0 || n > 1 {
			t.Fatalf("kill %d: %d floor commands logged, %d reported", i, len(flog), want.Floor)
		}
	}
	t.Logf("%d kills; %d timer and %d floor commands survived", kills, lastReported.Timer, lastReported.Floor)
}

// logs replays logs already read, to check that a moderator rebuilds.
type logs struct {
	t []timer.Command
	f []floor.Command
}

func (l logs) AppendModeration(context.Context, string, [2]int, []timer.Command, []floor.Command) error {
	return errors.New("read only")
}
func (l logs) TimerLog(context.Context, string) ([]timer.Command, error) { return l.t, nil }
func (l logs) FloorLog(context.Context, string) ([]floor.Command, error) { return l.f, nil }
