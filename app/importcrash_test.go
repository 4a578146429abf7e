package app_test

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/agenda"
	"github.com/igf-floor/floor/app/agenda/frab"
	"github.com/igf-floor/floor/storage"
)

// crashAgenda is a schedule of n sessions whose titles all start with
// version: the same sessions (GUIDs) in every version, so a re-import
// updates each in place, and a mix of versions would show.
func crashAgenda(t testing.TB, version string, n int) []byte {
	start := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
	ss := make([]agenda.Session, n)
	for i := range ss {
		ss[i] = agenda.Session{GUID: fmt.Sprintf("crash-%04d", i), Number: fmt.Sprintf("S%d", i), Title: fmt.Sprintf("%s session %d", version, i),
			Start: start.Add(time.Duration(i%40) * 15 * time.Minute), Online: 15 * time.Minute, Zone: "UTC", Room: fmt.Sprintf("Room %d", i%9),
			Description: strings.Repeat(version+" ", 40)}
	}
	var buf bytes.Buffer
	if err := frab.WriteJSON(&buf, "Crash Con "+version, "crash", ss, "test"); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

const crashSessions = 120

// TestImportCrashChild imports version A and B of a schedule, and syncs
// them from the harness's server, in turn, as fast as it can, until it is
// killed. It only runs when the harness starts it.
func TestImportCrashChild(t *testing.T) {
	path, url := os.Getenv("FLOOR_IMPORT_CRASH_DB"), os.Getenv("FLOOR_IMPORT_CRASH_URL")
	if path == "" {
		t.Skip("started by TestImportAndSyncSurviveSIGKILL")
	}
	ctx := context.Background()
	db, err := storage.Open(ctx, path)
	if err != nil {
		fmt.Println("ERROR", err)
		os.Exit(3)
	}
	im := app.Importer{Store: db, Clock: app.SystemClock{}}
	sy := app.Syncer{Importer: im, Subs: db}
	versions := [][]byte{crashAgenda(t, "A", crashSessions), crashAgenda(t, "B", crashSessions)}
	for i := 0; ; i++ {
		if i%2 == 0 {
			_, err = im.ImportBytes(ctx, "crash.json", versions[(i/2)%2])
		} else {
			_, err = sy.Sync(ctx, url)
		}
		if err != nil {
			fmt.Println("ERROR", err)
			os.Exit(3)
		}
		fmt.Println("done", i)
	}
}

// TestImportAndSyncSurviveSIGKILL kills a process that is importing and
// syncing a 120-session schedule 200 times at random moments. After each
// kill the database passes SQLite's integrity check, and each source holds
// one whole version of the schedule: the old one or the new one, never a
// mix.
func TestImportAndSyncSurviveSIGKILL(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	ctx := context.Background()
	var served atomic.Int64
	versions := [][]byte{crashAgenda(t, "A", crashSessions), crashAgenda(t, "B", crashSessions)}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		v := served.Add(1) % 2
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("ETag", fmt.Sprintf(`"v%d"`, v))
		w.Write(versions[v])
	}))
	defer srv.Close()
	path := filepath.Join(t.TempDir(), "floor.db")
	child := func() (*exec.Cmd, *lockedBuffer) {
		cmd := exec.Command(os.Args[0], "-test.run=^TestImportCrashChild$", "-test.count=1")
		cmd.Env = append(os.Environ(), "FLOOR_IMPORT_CRASH_DB="+path, "FLOOR_IMPORT_CRASH_URL="+srv.URL+"/schedule.json")
		out := &lockedBuffer{}
		cmd.Stdout = out
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		return cmd, out
	}
	// Calibrate: how long a child takes to start and to do one import or
	// sync here (much longer under -race), so the kills fall across them.
	cmd, out := child()
	began := time.Now()
	var first time.Duration
	for !strings.Contains(out.String(), "done 3") {
		if first == 0 && strings.Contains(out.String(), "done 0") {
			first = time.Since(began)
		}
		if time.Since(began) > time.Minute {
			t.Fatalf("the child did not get going: %s", out.String())
		}
		time.Sleep(2 * time.Millisecond)
	}
	op := (time.Since(began) - first) / 3
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
	t.Logf("a child starts and imports once in %v, then takes %v an import or sync", first, op)

	rng := rand.New(rand.NewPCG(7, 7))
	completed := 0
	// Under the race detector a kill and its checks cost several times as
	// much, and every package's tests run at once: fewer kills there, all
	// 200 in CI's run without it (.ci/run).
	kills := 200
	if raceDetector {
		kills = 40
	}
	for i := 0; i < kills; i++ {
		cmd, out := child()
		time.Sleep(first - op + time.Duration(rng.Int64N(int64(3*op))))
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		if strings.Contains(out.String(), "ERROR") {
			t.Fatalf("kill %d: the child failed: %s", i, out.String())
		}
		completed += strings.Count(out.String(), "done ")

		db, err := storage.Open(ctx, path)
		if err != nil {
			t.Fatalf("kill %d: reopen: %v", i, err)
		}
		if res, err := db.IntegrityCheck(ctx); err != nil || res != "ok" {
			t.Fatalf("kill %d: integrity check %q, %v", i, res, err)
		}
		list, err := db.ListSessions(ctx, agenda.Filter{Limit: 10 * crashSessions})
		db.Close()
		if err != nil {
			t.Fatalf("kill %d: %v", i, err)
		}
		bySource := map[string]map[string]int{} // source → version → sessions
		for _, s := range list.Sessions {
			if bySource[s.Source] == nil {
				bySource[s.Source] = map[string]int{}
			}
			bySource[s.Source][s.Title[:1]]++
		}
		for source, versions := range bySource {
			if len(versions) != 1 {
				t.Fatalf("kill %d: source %s holds a mix: %v", i, source, versions)
			}
			for v, n := range versions {
				if n != crashSessions {
					t.Fatalf("kill %d: source %s holds %d sessions of version %s, not %d", i, source, n, v, crashSessions)
				}
			}
		}
	}
	if completed < kills/2 {
		t.Errorf("only %d imports and syncs completed over %d kills: the kills did not fall across enough of them", completed, kills)
	}
	t.Logf("%d imports and syncs completed around %d kills", completed, kills)
}

// lockedBuffer is a child's stdout, read while it writes.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
