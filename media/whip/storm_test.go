package whip_test

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/control"
	"github.com/igf-floor/floor/app/floor"
	hubroom "github.com/igf-floor/floor/app/room"
	"github.com/igf-floor/floor/media"
	"github.com/igf-floor/floor/media/whip"
	"github.com/igf-floor/floor/storage"
)

// cleanups is a stack of teardowns run at the end of one scenario, so a
// benchmark's runs do not pile up rooms and hubs until b's own cleanup.
type cleanups struct{ fs []func() }

func (c *cleanups) add(f func()) { c.fs = append(c.fs, f) }

func (c *cleanups) run() {
	for i := len(c.fs) - 1; i >= 0; i-- {
		c.fs[i]()
	}
	c.fs = nil
}

// stormRoom is a moderator's Floor that can be restarted the way its
// process would be: everything closed, then a new whip.Server, HubRoom and
// media engine on the same addresses, the moderator reopened from the same
// SQLite file and the certificate from the same directory (so the hubs'
// pin still holds).
type stormRoom struct {
	t        testing.TB
	home     string // the database and the certificate
	tcp, udp string // kept across restarts; "127.0.0.1:0" before the first open
	lim      whip.Limits
	*room           // the one running now
	stop     func() // closes it: every hub told (DTLS close, SCTP abort)
	crash    func() // closes it without a word to the hubs, as a killed process
	calls    tally  // every WHIP request the room answered, "POST 201"
	// refuse answers the next refuse requests 429 with Retry-After
	// refuseFor, before the endpoint sees them.
	refuse    atomic.Int32
	refuseFor string
}

// tally counts answers by method and status.
type tally struct {
	mu sync.Mutex
	n  map[string]int
}

func (c *tally) add(k string) {
	c.mu.Lock()
	if c.n == nil {
		c.n = map[string]int{}
	}
	c.n[k]++
	c.mu.Unlock()
}

// take returns the counts so far and starts again.
func (c *tally) take() map[string]int {
	c.mu.Lock()
	defer c.mu.Unlock()
	n := c.n
	c.n = nil
	return n
}

type recorder struct {
	http.ResponseWriter
	code int
}

func (w *recorder) WriteHeader(code int) {
	if w.code == 0 {
		w.code = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func newStormRoom(t testing.TB, c *cleanups, lim whip.Limits) *stormRoom {
	t.Helper()
	s := &stormRoom{t: t, home: t.TempDir(), tcp: "127.0.0.1:0", udp: "127.0.0.1:0", lim: lim}
	s.open()
	c.add(func() { s.stop() })
	return s
}

// open starts the room on s's addresses, from what its directory holds.
func (s *stormRoom) open() {
	t := s.t
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	e, err := media.NewEngine(media.Config{ListenAddr: s.udp, Loopback: true})
	if err != nil {
		t.Fatal(err)
	}
	db, err := storage.Open(ctx, filepath.Join(s.home, "floor.db"))
	if err != nil {
		t.Fatal(err)
	}
	r := &room{db: db, dir: app.HubDirectory{Store: db, Clock: app.SystemClock{}}, engine: e}
	if r.mod, err = app.OpenModerator(ctx, db, app.SystemClock{}, "test/ws234"); err != nil {
		t.Fatal(err)
	}
	// As cmd/floor/internal/hubserve wires it: the invite checked in the
	// database, which revokes nobody when it cannot answer.
	r.hubs = hubroom.New(hubroom.Config{Moderator: r.mod, Clock: app.SystemClock{}, SessionTitle: "Security of digital products",
		Active: func(ctx context.Context, hubID string) bool {
			h, err := db.Hub(ctx, hubID)
			return err != nil || h.Active()
		}})
	go r.hubs.Run(ctx)
	if r.server, err = whip.NewServer(whip.Config{API: e.API, Auth: r.dir, Audit: db, Room: r.hubs, Limits: s.lim}); err != nil {
		t.Fatal(err)
	}
	cert, err := whip.LoadOrCreateCertificate(s.home, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	r.pin = whip.Pin(cert)
	ln, err := net.Listen("tcp", s.tcp)
	if err != nil {
		t.Fatal(err)
	}
	endpoint := r.server.Handler()
	r.http = httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, q *http.Request) {
		rec := &recorder{ResponseWriter: w}
		if s.refuse.Add(-1) >= 0 {
			rec.Header().Set("Retry-After", s.refuseFor)
			http.Error(rec, "refused by the test", http.StatusTooManyRequests)
		} else {
			s.refuse.Store(0)
			endpoint.ServeHTTP(rec, q)
		}
		s.calls.add(fmt.Sprintf("%s %d", q.Method, max(rec.code, 200)))
	}))
	r.http.Listener.Close()
	r.http.Listener = ln
	r.http.TLS = &tls.Config{Certificates: []tls.Certificate{cert}}
	r.http.StartTLS()
	s.tcp, s.udp = ln.Addr().String(), e.Addr().String()
	s.room = r
	var once sync.Once
	s.stop = func() {
		once.Do(func() {
			r.http.Close()
			r.server.Close()
			r.hubs.Close()
			cancel()
			e.Close()
			db.Close()
		})
	}
	s.crash = func() {
		once.Do(func() {
			e.Close() // first: not a packet more, no goodbye to any hub
			r.http.CloseClientConnections()
			r.http.Close()
			r.server.Close()
			r.hubs.Close()
			cancel()
			db.Close()
		})
	}
}

// stormHub is a hub on a self-mending link that counts what it was told.
type stormHub struct {
	id, token string
	link      *whip.Link
	client    *app.HubClient
	runEnded  chan struct{}
	welcomes  atomic.Int32 // welcomes from the room, one per connection
	placed    atomic.Bool  // told its place in the queue since the last welcome
	refused   atomic.Int32 // attempts the room answered 429
	attempts  atomic.Int32 // failed attempts
	mu        sync.Mutex
	lastErr   error
	waits     []time.Duration // the wait the link chose after each 429
}

func dialStormHub(t testing.TB, c *cleanups, s *stormRoom, id, token string, client *whip.Client) *stormHub {
	t.Helper()
	h := &stormHub{id: id, token: token, runEnded: make(chan struct{})}
	var link *whip.Link
	h.client = app.NewHubClient(app.SystemClock{}, func(b []byte) error { return link.Send(b) })
	receive := func(b []byte) {
		if m, err := control.Decode(b); err == nil {
			switch m.Type {
			case control.Welcome:
				h.placed.Store(false)
				h.welcomes.Add(1)
			case control.Queue:
				h.placed.Store(true)
			}
		}
		h.client.Receive(b)
	}
	e := hubEngine(t)
	if client == nil {
		client = s.client(token)
	}
	var err error
	link, err = whip.Dial(context.Background(), whip.LinkConfig{API: e.API, Client: client,
		Publish: whip.PublishOptions{Audio: true, DataChannel: true, OnControl: receive},
		Stale:   func() bool { return h.client.Status().Stale },
		OnState: func(st control.LinkState) {
			h.client.SetLink(st)
			if st.Err == nil {
				return
			}
			h.attempts.Add(1)
			h.mu.Lock()
			h.lastErr = st.Err
			h.mu.Unlock()
			var se *whip.StatusError
			if errors.As(st.Err, &se) && se.Code == http.StatusTooManyRequests && st.Next > 0 {
				h.refused.Add(1)
				h.mu.Lock()
				h.waits = append(h.waits, st.Next)
				h.mu.Unlock()
			}
		},
		OnBack: func() { _ = h.client.Hello(3) }})
	if err != nil {
		t.Fatal(err)
	}
	h.link = link
	ctx, cancel := context.WithCancel(context.Background())
	c.add(func() {
		cancel()
		<-h.runEnded
		link.Close(context.Background())
		e.Close()
	})
	<-link.Opened()
	go func() { link.Run(ctx); close(h.runEnded) }()
	go h.client.Run(ctx)
	return h
}

// waitFor is eventually with a deadline of its own.
func waitFor(t testing.TB, within time.Duration, what string, ok func() bool) {
	t.Helper()
	deadline := time.Now().Add(within)
	for !ok() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %s waiting for %s", within, what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// queuedStorm is a room with n hubs on links, hub i's request i-th in the
// queue and every hub told its place.
func queuedStorm(t testing.TB, c *cleanups, n int, lim whip.Limits) (*stormRoom, []*stormHub) {
	t.Helper()
	s := newStormRoom(t, c, lim)
	hubs := make([]*stormHub, n)
	for i := range hubs {
		hub, token := s.addHub(t, fmt.Sprintf("Hub %d", i+1))
		hubs[i] = dialStormHub(t, c, s, hub.ID, token, nil)
		if err := hubs[i].client.RequestFloor(floor.Speaker{Name: fmt.Sprintf("Speaker %d", i+1)}); err != nil {
			t.Fatal(err)
		}
		eventually(t, fmt.Sprintf("request %d queued", i+1), func() bool { return len(s.mod.Floor().Queue) == i+1 })
	}
	waitFor(t, 20*time.Second, "every hub told its place", func() bool { return allPlaced(s, hubs, s.mod.Floor()) == n })
	return s, hubs
}

// allPlaced counts the hubs connected again with their request and queue
// place as in want: on the room's side present and not away, with that
// request open; on the hub's side welcomed on its newest connection, told
// its place since, not stale, and holding the request it had.
func allPlaced(s *stormRoom, hubs []*stormHub, want floor.State) int {
	present := map[string]hubroom.Presence{}
	for _, p := range s.hubs.Present() {
		present[p.Hub.ID] = p
	}
	n := 0
	for i, h := range hubs {
		p, ok := present[h.id]
		if !ok || !p.Away.IsZero() || len(p.Requests) != 1 || i >= len(want.Queue) || p.Requests[0] != want.Queue[i].ID {
			continue
		}
		st := h.client.Status()
		if h.welcomes.Load() == 0 || !h.placed.Load() || st.Stale || st.Request != want.Queue[i].ID ||
			st.Position != i || st.Length != len(want.Queue) || !h.link.State().Up() {
			continue
		}
		n++
	}
	return n
}

// stormResult is one restart of a room with hubs queued.
type stormResult struct {
	back          time.Duration // new room listening → every hub back in its place
	before, after floor.State
	refused       int            // 429s the hubs were given
	calls         map[string]int // the new room's answers, "PATCH 404"
}

// restartWithHubs restarts a room that has n hubs queued and waits until
// every one is back in its place. A room that crashed says nothing to the
// hubs: each finds out when the room has been silent for
// control.StaleAfter, and its link then tries an ICE restart (PATCH, 404
// from the new room) before it posts again; a room that was closed ends
// every connection, so the links post at once.
func restartWithHubs(t testing.TB, n int, crash bool) stormResult {
	var c cleanups
	defer c.run()
	s, hubs := queuedStorm(t, &c, n, whip.Limits{})
	var res stormResult
	res.before = s.mod.Floor()
	for i, h := range hubs {
		if q := res.before.Queue[i]; q.Speaker.HubID != h.id {
			t.Fatalf("queue place %d is %s's, want hub %d's", i, q.Speaker.HubID, i+1)
		}
		h.welcomes.Store(0)
		h.refused.Store(0)
	}
	if crash {
		s.crash()
	} else {
		s.stop()
	}
	s.calls.take()
	s.open()
	listening := time.Now()
	waitFor(t, 30*time.Second, fmt.Sprintf("%d hubs back in their places", n), func() bool { return allPlaced(s, hubs, res.before) == n })
	res.back = time.Since(listening)
	res.after = s.mod.Floor()
	res.calls = s.calls.take()
	for _, h := range hubs {
		res.refused += int(h.refused.Load())
	}
	return res
}

// A room restarted under sixteen queued hubs: each comes back by itself
// (its link's PATCH finds the session gone, it posts again with the same
// token), is welcomed with the request it had, and the queue is the one
// before the restart — same order, same ids, none twice, no new one.
func TestRoomRestartWith16HubsRestoresTheQueue(t *testing.T) {
	for _, crash := range []bool{false, true} {
		t.Run(map[bool]string{false: "closed", true: "crashed"}[crash], func(t *testing.T) { checkQueueAfterRestart(t, crash) })
	}
}

func checkQueueAfterRestart(t *testing.T, crash bool) {
	res := restartWithHubs(t, 16, crash)
	t.Logf("back %v after the new room listened; the new room answered %v; %d hubs refused (429)", res.back, res.calls, res.refused)
	if got, want := queueOf(res.after), queueOf(res.before); !slices.Equal(got, want) {
		t.Errorf("queue %v after the restart, %v before", got, want)
	}
	if res.after.NextID != res.before.NextID {
		t.Errorf("next request id %d after the restart, %d before: a request was made again", res.after.NextID, res.before.NextID)
	}
	seen := map[string]int{}
	for i, q := range res.after.Queue {
		if b := res.before.Queue[i]; q.Speaker.HubID != b.Speaker.HubID || q.Speaker.Name != b.Speaker.Name {
			t.Errorf("place %d: %s (%s) after, %s (%s) before", i, q.Speaker.Name, q.Speaker.HubID, b.Speaker.Name, b.Speaker.HubID)
		}
		seen[q.Speaker.HubID]++
	}
	for hub, n := range seen {
		if n != 1 {
			t.Errorf("hub %s has %d requests in the queue", hub, n)
		}
	}
	if len(res.after.Queue) != 16 {
		t.Errorf("%d requests in the queue, want 16", len(res.after.Queue))
	}
	// Sixteen hubs from one address, each with a PATCH and a POST (and the
	// odd needless ICE restart), are within the limits: none is refused.
	if res.refused != 0 {
		t.Errorf("%d attempts refused with 429 (%v)", res.refused, res.calls)
	}
}

// One hub flooding the restarted room with its valid token, from the same
// address as sixteen others, is refused (429) by its own limits while the
// sixteen come back.
func TestOneFloodingHubDoesNotPushOutTheOthers(t *testing.T) {
	var c cleanups
	defer c.run()
	s, hubs := queuedStorm(t, &c, 16, whip.Limits{})
	_, flooder := s.addHub(t, "Flood")
	want := s.mod.Floor()
	for _, h := range hubs {
		h.welcomes.Store(0)
	}
	s.crash()
	s.open()
	stop := make(chan struct{})
	codes := map[int]int{}
	flooded := make(chan struct{})
	go func() {
		defer close(flooded)
		c := &http.Client{Transport: &http.Transport{TLSClientConfig: whip.PinnedTLS(s.pin)}}
		defer c.CloseIdleConnections()
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			case <-time.After(2 * time.Millisecond): // some 400 a second: 80 times the hub's allowance, and a core left for the rest
			}
			method, path, ctype := http.MethodPatch, "/whip/0123456789abcdef", "application/trickle-ice-sdpfrag"
			if i%2 == 1 {
				method, path, ctype = http.MethodPost, "/whip", "application/sdp"
			}
			req, _ := http.NewRequest(method, s.http.URL+path, strings.NewReader("not sdp"))
			req.Header.Set("Authorization", "Bearer "+flooder)
			req.Header.Set("Content-Type", ctype)
			resp, err := c.Do(req)
			if err != nil {
				continue
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			codes[resp.StatusCode]++
		}
	}()
	waitFor(t, 30*time.Second, "16 hubs back while one floods", func() bool { return allPlaced(s, hubs, want) == 16 })
	close(stop)
	<-flooded
	refused := 0
	for _, h := range hubs {
		refused += int(h.refused.Load())
	}
	t.Logf("the flood was answered %v; the sixteen were refused %d times", codes, refused)
	if codes[http.StatusTooManyRequests] == 0 {
		t.Errorf("the flood was never refused: %v", codes)
	}
	if refused != 0 {
		t.Errorf("the other hubs were refused %d times", refused)
	}
}

// BenchmarkRoomRestart16Hubs is a room restarted (whip.Server, HTTP
// listener, hub room and media engine closed; opened again on the same
// addresses from the same database) under sixteen hubs on links on
// loopback, each with a request queued: from the new room listening to
// every hub connected again with its request and its place (room and hub
// side). Run with -benchtime Nx: p50 and p95 of N restarts; the 429s the
// hubs were given, per restart.
func BenchmarkRoomRestart16Hubs(b *testing.B) {
	for _, crash := range []bool{false, true} {
		b.Run(map[bool]string{false: "closed", true: "crashed"}[crash], func(b *testing.B) {
			var backs []time.Duration
			refused := 0
			for range b.N {
				res := restartWithHubs(b, 16, crash)
				backs = append(backs, res.back)
				refused += res.refused
			}
			slices.Sort(backs)
			b.ReportMetric(float64(backs[len(backs)/2])/1e6, "p50-ms")
			b.ReportMetric(float64(backs[(len(backs)-1)*95/100])/1e6, "p95-ms")
			b.ReportMetric(float64(refused)/float64(b.N), "429s/restart")
		})
	}
}

// A hub refused with 429 waits as long as the room's Retry-After says
// (with up to 20 % more, so refused hubs do not return together), not the
// shorter backoff of its attempt, and then comes back.
func TestLinkWaitsForRetryAfter(t *testing.T) {
	var c cleanups
	defer c.run()
	s, hubs := queuedStorm(t, &c, 1, whip.Limits{})
	h := hubs[0]
	want := s.mod.Floor()
	h.welcomes.Store(0)
	s.stop()
	s.refuseFor = "3"
	s.refuse.Store(1)
	s.open()
	waitFor(t, 20*time.Second, "the hub back after its 429", func() bool { return allPlaced(s, hubs, want) == 1 })
	h.mu.Lock()
	waits := slices.Clone(h.waits)
	h.mu.Unlock()
	if len(waits) != 1 || waits[0] < 3*time.Second || waits[0] > 3600*time.Millisecond {
		t.Fatalf("waits after a 429 with Retry-After 3: %v", waits)
	}
}

func TestRetryDelayReadsSecondsAndDates(t *testing.T) {
	now := time.Date(2025, 6, 23, 10, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		v    string
		want time.Duration
	}{
		{"", 0}, {"1", time.Second}, {" 30 ", 30 * time.Second}, {"-1", 0}, {"soon", 0},
		{now.Add(90 * time.Second).Format(http.TimeFormat), 90 * time.Second},
		{now.Add(-time.Minute).Format(http.TimeFormat), 0},
	} {
		if got := (&whip.StatusError{Code: 429, RetryAfter: c.v}).RetryDelay(now); got != c.want {
			t.Errorf("Retry-After %q: %v, want %v", c.v, got, c.want)
		}
	}
}

// A hub whose invite is revoked while it is away (here: the room crashed,
// came back, and the moderator revoked it before the hub returned) loses
// its request at once — the room's Active check, wired to the database as
// hubserve wires it — and when it knocks it gets 401 and stops: its link
// is Revoked and tries no more. The other hubs keep their places.
func TestHubRevokedWhileAwayGets401AndStops(t *testing.T) {
	var c cleanups
	defer c.run()
	s, hubs := queuedStorm(t, &c, 3, whip.Limits{})
	before := s.mod.Floor()
	gone := hubs[1]
	s.crash()
	s.open()
	if p := s.hubs.Present(); len(p) != 3 || p[1].Away.IsZero() && p[0].Away.IsZero() {
		t.Fatalf("after the restart, before the hubs return: %+v", p)
	}
	if _, err := s.dir.Revoke(context.Background(), gone.id); err != nil {
		t.Fatal(err)
	}
	waitFor(t, 10*time.Second, "the revoked hub's request withdrawn", func() bool { return len(s.mod.Floor().Open(gone.id)) == 0 })
	select {
	case <-gone.runEnded:
	case <-time.After(20 * time.Second):
		t.Fatalf("the revoked hub's link is still trying: %+v", gone.link.State())
	}
	st := gone.link.State()
	var se *whip.StatusError
	if !st.Revoked || !errors.As(st.Err, &se) || se.Code != http.StatusUnauthorized {
		t.Fatalf("the revoked hub's link: %+v", st)
	}
	if got := gone.client.Status().Link; !got.Revoked {
		t.Errorf("the hub shows %q", got.Words())
	}
	tried := gone.attempts.Load()
	rest := []*stormHub{hubs[0], hubs[2]}
	after := s.mod.Floor()
	if got, want := queueOf(after), []int{before.Queue[0].ID, before.Queue[2].ID}; !slices.Equal(got, want) {
		t.Fatalf("queue %v after the revocation, want %v (was %v)", got, want, queueOf(before))
	}
	waitFor(t, 20*time.Second, "the other hubs back in their places", func() bool { return allPlaced(s, rest, after) == 2 })
	for _, p := range s.hubs.Present() {
		if p.Hub.ID == gone.id {
			t.Errorf("the revoked hub is still in the room: %+v", p)
		}
	}
	time.Sleep(1500 * time.Millisecond) // three backoff steps' worth: no attempt more
	if n := gone.attempts.Load(); n != tried {
		t.Errorf("the revoked hub tried %d more times after the 401", n-tried)
	}
	audit, err := s.db.Audit(context.Background(), 200)
	if err != nil {
		t.Fatal(err)
	}
	failed := 0
	for _, e := range audit {
		if e.Kind == "auth-failed" {
			failed++
		}
	}
	if failed != 1 {
		t.Errorf("%d refused attempts in the audit, want 1", failed)
	}
}
