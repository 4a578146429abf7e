package seatlink

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/control"
	"github.com/igf-floor/floor/app/floor"
)

// steppedNow is a clock a test moves on by hand.
type steppedNow struct {
	mu sync.Mutex
	at time.Time
}

func (s *steppedNow) now() time.Time {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.at
}

func (s *steppedNow) step(d time.Duration) {
	s.mu.Lock()
	s.at = s.at.Add(d)
	s.mu.Unlock()
}

// A seat whose link mends says for how long the room was silent (from its
// last word, not from when the silent stream was let go), says it for
// BackShownFor and then goes quiet, so that the next silence reads as
// STALE again: the link said "back with the room after 15 s" forever, and
// a headless seat never said STALE after its first mend.
func TestAMendedSeatSaysItIsBackForAWhileThenGoesQuiet(t *testing.T) {
	r := newRig(t)
	s, token, err := r.dir.Add(context.Background(), app.NewSeat{Name: "Vladimir Radunovic", Role: floor.RapporteurSeat})
	if err != nil {
		t.Fatal(err)
	}
	var down atomic.Bool
	mux := http.NewServeMux()
	r.server.Register(mux)
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		if down.Load() {
			http.Error(w, "the room is restarting", http.StatusServiceUnavailable)
			return
		}
		mux.ServeHTTP(w, req)
	}))
	t.Cleanup(srv.Close)
	sum := sha256.Sum256(srv.Certificate().Raw)
	clk := &steppedNow{at: time.Date(2020, 11, 11, 11, 20, 0, 0, time.UTC)}
	c := NewClient(app.Invite{Host: strings.TrimPrefix(srv.URL, "https://"), Seat: s.ID, Token: token, Pin: hex.EncodeToString(sum[:])}, nil)
	c.now = clk.now
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { defer close(done); _ = c.Run(ctx) }()
	t.Cleanup(func() { cancel(); <-done })
	eventually(t, "the seat following", func() bool { return c.Status().Have })

	down.Store(true)
	clk.step(5 * time.Second) // the stream fell silent: STALE, then let go
	srv.CloseClientConnections()
	eventually(t, "the seat mending its link", func() bool { return c.Status().Link.Mending })
	clk.step(10 * time.Second)
	down.Store(false)
	eventually(t, "the seat back", func() bool { return c.Status().Link.Up() })
	if l := c.Status().Link; l.Down < 15*time.Second || !strings.Contains(l.Words(), "back with the room after 15 s") {
		t.Errorf("back after %v (%q), want the 15 s the room was silent", l.Down, l.Words())
	}
	clk.step(control.BackShownFor)
	if l := c.Status().Link; l.Down != 0 {
		t.Errorf("%v after the mend the link still says %q", control.BackShownFor, l.Words())
	}
}

// A stream that stays open but brings nothing is let go as a dead link,
// and the seat says so: "the room fell silent for 7 s", where it said
// "the room's stream ended" as if the room had closed it.
func TestASilentStreamIsLetGoInWords(t *testing.T) {
	state := control.TeamStateWire{V: control.Version, Session: "WS #234", Queue: []control.RequestWire{}}
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		if req.URL.Path != StatePath {
			http.NotFound(w, req)
			return
		}
		b, _ := json.Marshal(state)
		fmt.Fprintf(w, "data: %s\n\n", b)
		w.(http.Flusher).Flush()
		<-req.Context().Done() // then nothing, as through a cut link
	}))
	t.Cleanup(srv.Close)
	sum := sha256.Sum256(srv.Certificate().Raw)
	c := NewClient(app.Invite{Host: strings.TrimPrefix(srv.URL, "https://"), Seat: "s1", Token: "t", Pin: hex.EncodeToString(sum[:])}, nil)
	c.silentAfter = time.Second
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { defer close(done); _ = c.Run(ctx) }()
	t.Cleanup(func() { cancel(); <-done })
	eventually(t, "the silent stream let go", func() bool { return c.Status().Link.Err != nil })
	if err := c.Status().Link.Err; !errors.Is(err, errSilent) || !strings.Contains(c.Status().Link.Words(), "last: the room fell silent for 1 s") {
		t.Errorf("the link says %q", c.Status().Link.Words())
	}
}
