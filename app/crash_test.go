package app_test

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"syscall"
	"testing"
	"time"

	"github.com/igf-floor/floor/app"
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
	st, err := app.OpenSessionTimer(ctx, db, app.SystemClock{}, crashKey)
	if err != nil {
		fmt.Println("ERROR", err)
		os.Exit(3)
	}
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 7))
	out := bufio.NewWriter(os.Stdout)
	for {
		c := timertest.RandomCommand(rng, time.Time{})
		if c.Kind == timer.EndSession {
			continue // an ended session takes no more commands; keep this one going
		}
		if st.Do(ctx, c) != nil {
			continue
		}
		line, _ := json.Marshal(st.State())
		fmt.Fprintf(out, "%s\n", line)
		out.Flush()
	}
}

// TestTimerSurvivesSIGKILL kills a process that is writing timer commands
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
	var lastReported *timer.State
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
		reported := make(chan timer.State, 1024)
		done := make(chan struct{})
		go func() {
			defer close(done)
			sc := bufio.NewScanner(stdout)
			sc.Buffer(make([]byte, 1<<20), 1<<20)
			for sc.Scan() {
				var s timer.State
				if json.Unmarshal(sc.Bytes(), &s) == nil {
					reported <- s
				} else {
					t.Errorf("child: %s", sc.Text())
				}
			}
		}()
		// Let it start and write for a random while, then kill it mid-stride.
		time.Sleep(time.Duration(30+rng.IntN(120)) * time.Millisecond)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		<-done
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
		log, err := db.TimerLog(ctx, crashKey)
		db.Close()
		if err != nil {
			t.Fatalf("kill %d: %v", i, err)
		}
		rebuilt, err := timer.Replay(log)
		if err != nil {
			t.Fatalf("kill %d: %v", i, err)
		}
		if lastReported == nil {
			continue // killed before its first command
		}
		prefix, err := timer.Replay(log[:min(lastReported.Applied, len(log))])
		if err != nil || !reflect.DeepEqual(prefix, *lastReported) {
			t.Fatalf("kill %d: the log does not hold the reported state %d:\n got %+v\nwant %+v", i, lastReported.Applied, prefix, *lastReported)
		}
		if n := rebuilt.Applied - lastReported.Applied; n < 0 || n > 1 {
			t.Fatalf("kill %d: rebuilt %d commands, reported %d", i, rebuilt.Applied, lastReported.Applied)
		}
	}
	t.Logf("%d kills, %d commands survived", kills, lastReported.Applied)
}
