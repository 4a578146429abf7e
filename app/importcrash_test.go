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

const crashSessions = 400

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
// syncing a 400-session schedule 200 times at random moments. After each
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
	rng := rand.New(rand.NewPCG(7, 7))
	completed := 0
	for i := 0; i < 200; i++ {
		cmd := exec.Command(os.Args[0], "-test.run=^TestImportCrashChild$", "-test.count=1")
		cmd.Env = append(os.Environ(), "FLOOR_IMPORT_CRASH_DB="+path, "FLOOR_IMPORT_CRASH_URL="+srv.URL+"/schedule.json")
		var out bytes.Buffer
		cmd.Stdout = &out
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(40+rng.IntN(200)) * time.Millisecond)
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
	if completed < 50 {
		t.Errorf("only %d imports and syncs completed over 200 kills: the kills did not fall across enough of them", completed)
	}
	t.Logf("%d imports and syncs completed around 200 kills", completed)
}
