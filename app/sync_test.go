package app_test

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/storage"
)

// schedServer serves the Kieler Linuxtage calendar with an ETag, honours
// If-None-Match, and has paths for the ways a server fails.
type schedServer struct {
	body  atomic.Value // string
	etag  atomic.Value // string
	gets  atomic.Int32
	notMo atomic.Int32
}

func newSchedServer(t *testing.T) (*schedServer, *httptest.Server) {
	t.Helper()
	data, err := os.ReadFile("agenda/ical/testdata/giggity-kielux_2020.ics")
	if err != nil {
		t.Fatal(err)
	}
	s := &schedServer{}
	s.body.Store(string(data))
	s.etag.Store(`"v1"`)
	mux := http.NewServeMux()
	mux.HandleFunc("/kielux.ics", func(w http.ResponseWriter, r *http.Request) {
		s.gets.Add(1)
		etag := s.etag.Load().(string)
		if r.Header.Get("If-None-Match") == etag {
			s.notMo.Add(1)
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", etag)
		w.Header().Set("Last-Modified", "Thu, 12 Nov 2020 14:08:46 GMT")
		w.Header().Set("Content-Type", "text/calendar")
		w.Write([]byte(s.body.Load().(string)))
	})
	mux.HandleFunc("/500", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "oops", http.StatusInternalServerError) })
	mux.HandleFunc("/html", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("<!DOCTYPE html><html><body>Schedule moved</body></html>"))
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(5 * time.Second):
		case <-r.Context().Done():
		}
	})
	mux.HandleFunc("/truncated", func(w http.ResponseWriter, r *http.Request) {
		body := s.body.Load().(string)
		w.Header().Set("Content-Length", "100000")
		w.Write([]byte(body[:2000]))
		conn, _, err := w.(http.Hijacker).Hijack()
		if err == nil {
			conn.Close()
		}
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return s, srv
}

func newSyncer(t *testing.T) (app.Syncer, *storage.DB) {
	im, db := newImporter(t)
	return app.Syncer{Importer: im, Subs: db, Client: &http.Client{Timeout: 300 * time.Millisecond}}, db
}

func TestSyncConditionalGetAndChanges(t *testing.T) {
	ctx := context.Background()
	s, srv := newSchedServer(t)
	sy, db := newSyncer(t)
	res, err := sy.Sync(ctx, srv.URL+"/kielux.ics")
	if err != nil || res.NotModified || res.Import.Saved.Added != 24 || res.Subscription.ETag != `"v1"` {
		t.Fatalf("first sync: %+v %v", res, err)
	}
	res, err = sy.Sync(ctx, srv.URL+"/kielux.ics")
	if err != nil || !res.NotModified || s.notMo.Load() != 1 {
		t.Fatalf("second sync: %+v %v (304s: %d)", res, err, s.notMo.Load())
	}
	if n, _ := db.CountSessions(ctx); n != 24 {
		t.Errorf("%d sessions after a 304", n)
	}
	// The publisher moves a talk: the next sync picks it up and records it.
	s.body.Store(strings.Replace(s.body.Load().(string), "LOCATION:Ravensberg", "LOCATION:Audimax", 1))
	s.etag.Store(`"v2"`)
	res, err = sy.Sync(ctx, srv.URL+"/kielux.ics")
	if err != nil || res.NotModified || res.Import.Saved.Changes != 1 {
		t.Fatalf("sync after an edit: %+v %v", res.Import.Saved, err)
	}
	changes, _ := db.Changes(ctx, time.Time{}, 0)
	if len(changes) != 1 || changes[0].Change.Field != "room" || changes[0].Change.New != "Audimax" {
		t.Errorf("changes %+v", changes)
	}
}

// Every way a server can fail leaves the agenda as it was and keeps the
// time of the last good sync.
func TestSyncFailuresChangeNothing(t *testing.T) {
	ctx := context.Background()
	_, srv := newSchedServer(t)
	sy, db := newSyncer(t)
	good, err := sy.Sync(ctx, srv.URL+"/kielux.ics")
	if err != nil {
		t.Fatal(err)
	}
	dead := "http://" + closedAddr(t) + "/x.ics"
	for path, want := range map[string]string{
		srv.URL + "/500":       "the server answered 500",
		srv.URL + "/html":      "not an agenda Floor can read",
		srv.URL + "/slow":      "Client.Timeout exceeded",
		srv.URL + "/truncated": "cut off",
		dead:                   "connection refused",
		"file:///etc/passwd":   "not an http(s) address",
	} {
		_, err := sy.Sync(ctx, path)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: err = %v, want %q", path, err, want)
		}
		sub, _ := db.Subscription(ctx, path)
		if path != "file:///etc/passwd" && (sub.LastError == "" || !sub.SyncedAt.IsZero()) {
			t.Errorf("%s: subscription %+v does not record the failure", path, sub)
		}
	}
	if n, _ := db.CountSessions(ctx); n != 24 {
		t.Errorf("%d sessions after failed syncs", n)
	}
	if c, _ := db.Changes(ctx, time.Time{}, 0); len(c) != 0 {
		t.Errorf("failed syncs recorded changes: %+v", c)
	}
	if sub, _ := db.Subscription(ctx, srv.URL+"/kielux.ics"); !sub.SyncedAt.Equal(good.Subscription.SyncedAt) {
		t.Errorf("last good sync changed: %v", sub.SyncedAt)
	}
}

// BenchmarkSync304 is the work of a sync the server answers 304 (loopback
// HTTP, reading and writing the subscription).
func BenchmarkSync304(b *testing.B) {
	ctx := context.Background()
	data, _ := os.ReadFile("agenda/ical/testdata/giggity-kielux_2020.ics")
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"v1"`)
		w.Write(data)
	}))
	defer srv.Close()
	db, err := storage.Open(ctx, b.TempDir()+"/floor.db")
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	sy := app.Syncer{Importer: app.Importer{Store: db, Clock: now}, Subs: db, Client: srv.Client()}
	if _, err := sy.Sync(ctx, srv.URL+"/k.ics"); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		res, err := sy.Sync(ctx, srv.URL+"/k.ics")
		if err != nil || !res.NotModified {
			b.Fatal(err)
		}
	}
}

// closedAddr is a loopback address where nothing listens.
func closedAddr(t *testing.T) string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	return addr
}
