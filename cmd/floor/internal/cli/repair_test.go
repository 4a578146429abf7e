package cli

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A database damaged on disk is detected at open and named, 'floor repair'
// keeps it aside and rebuilds: the built-in agenda and the subscriptions
// come back.
func TestDamagedDatabaseIsMovedAsideAndRebuilt(t *testing.T) {
	fixture, err := os.ReadFile(filepath.Join("..", "..", "..", "..", "..", "shared", "fixtures", "giggity-debconf23.xml"))
	if err != nil {
		t.Skip("the shared fixtures are not beside the repository")
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/xml")
		w.Write(fixture)
	}))
	defer srv.Close()
	dir := t.TempDir()
	db := filepath.Join(dir, "floor.db")
	if r := run(t, nil, "--db", db, "sync", srv.URL+"/schedule.xml"); r.code != 0 {
		t.Fatalf("sync: %+v", r)
	}
	// Damage the last pages, where the schedule's sessions and their search
	// index are, and keep the first ones (the schema, the subscriptions).
	f, err := os.OpenFile(db, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	st, _ := f.Stat()
	garbage := []byte(strings.Repeat("\xde\xad\xbe\xef", 2048))
	if _, err := f.WriteAt(garbage, st.Size()-int64(len(garbage))); err != nil {
		t.Fatal(err)
	}
	f.Close()

	r := run(t, nil, "--db", db, "agenda")
	if r.code == 0 || !strings.Contains(r.stderr, "damaged") || !strings.Contains(r.stderr, "floor repair") {
		t.Fatalf("agenda on a damaged database: %+v", r)
	}
	r = run(t, nil, "--db", db, "repair")
	if r.code != 0 || !strings.Contains(r.stdout, "kept as "+db+".damaged-") || !strings.Contains(r.stdout, srv.URL+"/schedule.xml: synced") {
		t.Fatalf("repair: %+v", r)
	}
	kept, _ := filepath.Glob(db + ".damaged-*")
	if len(kept) == 0 {
		t.Error("the damaged file is gone")
	}
	r = run(t, nil, "--db", db, "agenda")
	if r.code != 0 || !strings.Contains(r.stdout, "WS #234") || strings.Count(r.stdout, "\n") < 100 {
		t.Fatalf("agenda after repair: %d lines, %+v", strings.Count(r.stdout, "\n"), r.stderr)
	}
	if r := run(t, nil, "--db", db, "repair"); r.code != 0 || !strings.Contains(r.stdout, "not damaged") {
		t.Errorf("repair of a healthy database: %+v", r)
	}
}
