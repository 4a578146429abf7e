package app_test

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"os"
	"slices"
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

// mapResolver answers every name in its map with the addresses given.
type mapResolver map[string][]netip.Addr

func (m mapResolver) LookupNetIP(_ context.Context, _, host string) ([]netip.Addr, error) {
	if a, ok := m[host]; ok {
		return a, nil
	}
	return nil, &net.DNSError{Err: "no such host", Name: host, IsNotFound: true}
}

// A subscription to a loopback address may be redirected within loopback;
// one to a public host may not be redirected to a local or private address,
// whatever the server says.
func TestSyncRedirectToLocalAddress(t *testing.T) {
	ctx := context.Background()
	s, target := newSchedServer(t)
	redirect := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, r.URL.Query().Get("to"), http.StatusFound)
	}))
	t.Cleanup(redirect.Close)
	to := func(u string) string { return "/r?to=" + url.QueryEscape(u) }

	// Subscribed to 127.0.0.1: the redirect to another loopback port is followed
	// by the client Floor builds (no Client given).
	im, db := newImporter(t)
	sy := app.Syncer{Importer: im, Subs: db}
	if res, err := sy.Sync(ctx, redirect.URL+to(target.URL+"/kielux.ics")); err != nil || res.Import.Saved.Added != 24 {
		t.Fatalf("loopback subscription redirected within loopback: %+v %v", res.Import.Saved, err)
	}

	// Subscribed to a public name (its connections reach the redirecting test
	// server whatever the address): every redirect to a local address is refused.
	internet := &http.Client{Timeout: time.Second, Transport: &http.Transport{
		DialContext: func(ctx context.Context, network, _ string) (net.Conn, error) {
			return (&net.Dialer{}).DialContext(ctx, network, redirect.Listener.Addr().String())
		}}}
	sy = app.Syncer{Importer: im, Subs: db, Client: internet}
	gets := s.gets.Load()
	for _, dest := range []string{target.URL + "/kielux.ics", "http://localhost:1/x", "http://[::1]:1/x",
		"http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/", "http://172.16.5.4/", "http://192.168.1.1/",
		"http://[fd00::1]/", "http://[fe80::1]/", "http://100.64.0.1/", "http://0.0.0.0:1/", "http://[::ffff:127.0.0.1]:1/"} {
		_, err := sy.Sync(ctx, "http://schedule.example"+to(dest))
		if !errors.Is(err, app.ErrLocalAddress) || !strings.Contains(err.Error(), "refused: schedule.example redirects to") {
			t.Errorf("redirect to %s: err = %v", dest, err)
		}
	}
	if s.gets.Load() != gets {
		t.Errorf("the local server was asked %d times", s.gets.Load()-gets)
	}
}

// A public name that resolves to a local address is refused by the dialer,
// before a byte is sent; the same server by its loopback address is synced.
func TestSyncPublicNameResolvingToLocalAddress(t *testing.T) {
	ctx := context.Background()
	s, srv := newSchedServer(t)
	port := srv.Listener.Addr().(*net.TCPAddr).Port
	im, db := newImporter(t)
	sy := app.Syncer{Importer: im, Subs: db, Resolver: mapResolver{
		"schedule.example": {netip.MustParseAddr("127.0.0.1")},
		"rebind.example":   {netip.MustParseAddr("::ffff:127.0.0.1")},
		"127.0.0.1":        {netip.MustParseAddr("127.0.0.1")},
	}}
	for _, host := range []string{"schedule.example", "rebind.example"} {
		u := fmt.Sprintf("http://%s:%d/kielux.ics", host, port)
		_, err := sy.Sync(ctx, u)
		if !errors.Is(err, app.ErrLocalAddress) || !strings.Contains(err.Error(), "refused: "+host+" is a loopback address (127.0.0.1)") {
			t.Errorf("%s: err = %v", host, err)
		}
	}
	if s.gets.Load() != 0 {
		t.Errorf("the server was asked %d times", s.gets.Load())
	}
	if res, err := sy.Sync(ctx, srv.URL+"/kielux.ics"); err != nil || res.Import.Saved.Added != 24 {
		t.Fatalf("loopback subscription: %+v %v", res.Import.Saved, err)
	}
}

func TestLocalAddr(t *testing.T) {
	for a, want := range map[string]bool{
		"127.0.0.1": true, "127.255.1.2": true, "::1": true, "169.254.169.254": true, "fe80::1": true, "10.1.2.3": true,
		"172.16.0.1": true, "172.31.255.255": true, "192.168.0.1": true, "fc00::1": true, "fd12::3": true, "100.64.0.1": true,
		"100.127.255.255": true, "0.0.0.0": true, "::": true, "::ffff:10.0.0.1": true, "fe80::1%eth0": true,
		"8.8.8.8": false, "172.32.0.1": false, "100.128.0.1": false, "2001:db8::1": false, "192.169.0.1": false, "1.1.1.1": false,
	} {
		if got, _ := app.LocalAddr(netip.MustParseAddr(a)); got != want {
			t.Errorf("LocalAddr(%s) = %v, want %v", a, got, want)
		}
	}
}

// A 304 that carries a new ETag (the server changed how it names the
// version) is stored, so the next request sends the new one.
func TestSync304StoresNewETag(t *testing.T) {
	ctx := context.Background()
	data, err := os.ReadFile("agenda/ical/testdata/giggity-kielux_2020.ics")
	if err != nil {
		t.Fatal(err)
	}
	var sent []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		sent = append(sent, r.Header.Get("If-None-Match"))
		switch r.Header.Get("If-None-Match") {
		case `"v1"`, `"v1-gzip"`:
			w.Header().Set("ETag", `"v1-gzip"`)
			w.Header().Set("Last-Modified", "Fri, 13 Nov 2020 10:00:00 GMT")
			w.WriteHeader(http.StatusNotModified)
		default:
			w.Header().Set("ETag", `"v1"`)
			w.Write(data)
		}
	}))
	t.Cleanup(srv.Close)
	sy, db := newSyncer(t)
	for range 3 {
		if _, err := sy.Sync(ctx, srv.URL+"/k.ics"); err != nil {
			t.Fatal(err)
		}
	}
	if want := []string{"", `"v1"`, `"v1-gzip"`}; !slices.Equal(sent, want) {
		t.Errorf("If-None-Match sent %q, want %q", sent, want)
	}
	if sub, _ := db.Subscription(ctx, srv.URL+"/k.ics"); sub.ETag != `"v1-gzip"` || sub.LastModified != "Fri, 13 Nov 2020 10:00:00 GMT" {
		t.Errorf("stored %+v", sub)
	}
}
