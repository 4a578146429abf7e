package seatlink

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/control"
	"github.com/igf-floor/floor/app/floor"
	"github.com/igf-floor/floor/app/room"
	"github.com/igf-floor/floor/storage"
)

// rig is a room served over real HTTPS with its seats' paths, on a real
// SQLite file.
type rig struct {
	db     *storage.DB
	mod    *app.Moderator
	room   *room.Room
	server *Server
	https  *httptest.Server
	dir    app.SeatDirectory
	pin    string
}

func newRig(t testing.TB) *rig {
	t.Helper()
	ctx := context.Background()
	db, err := storage.Open(ctx, filepath.Join(t.TempDir(), "floor.db"))
	if err != nil {
		t.Fatal(err)
	}
	r := &rig{db: db, dir: app.SeatDirectory{Store: db, Clock: app.SystemClock{}}}
	if r.mod, err = app.OpenModerator(ctx, db, app.SystemClock{}, "igf/ws234"); err != nil {
		t.Fatal(err)
	}
	r.room = room.New(room.Config{Moderator: r.mod, SessionTitle: "WS #234", Questions: []string{"Q1?"}, Record: db,
		SessionKey: "igf/ws234", Audit: db, Seat: db.Seat})
	r.server = NewServer(Config{Room: r.room, Auth: r.dir, Audit: db})
	mux := http.NewServeMux()
	r.server.Register(mux)
	r.https = httptest.NewTLSServer(mux)
	sum := sha256.Sum256(r.https.Certificate().Raw)
	r.pin = hex.EncodeToString(sum[:])
	t.Cleanup(func() { r.https.Close(); r.room.Close(); db.Close() })
	return r
}

// seat invites a seat and starts its client, following the room.
func (r *rig) seat(t testing.TB, n app.NewSeat) (*Client, floor.Seat) {
	t.Helper()
	s, token, err := r.dir.Add(context.Background(), n)
	if err != nil {
		t.Fatal(err)
	}
	c := r.client(t, s.ID, token)
	return c, s
}

func (r *rig) client(t testing.TB, id, token string) *Client {
	c := NewClient(app.Invite{Host: strings.TrimPrefix(r.https.URL, "https://"), Seat: id, Token: token, Pin: r.pin}, nil)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { defer close(done); _ = c.Run(ctx) }()
	t.Cleanup(func() { cancel(); <-done })
	return c
}

func eventually(t testing.TB, what string, ok func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !ok() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// checkRoutines fails the test if goroutines it started outlive it.
func checkRoutines(t *testing.T) {
	before := runtime.NumGoroutine()
	t.Cleanup(func() {
		deadline := time.Now().Add(5 * time.Second)
		for runtime.NumGoroutine() > before {
			if time.Now().After(deadline) {
				buf := make([]byte, 1<<16)
				t.Errorf("%d goroutines left behind:\n%s", runtime.NumGoroutine()-before, buf[:runtime.Stack(buf, true)])
				return
			}
			time.Sleep(20 * time.Millisecond)
		}
	})
}

// An online moderator queues a speaker and gives a remote request the
// floor from its own machine; the rapporteur's screen shows both, and its
// key point on the turn is in the record with its name; what the
// rapporteur has no right to is refused naming the right.
func TestSeatsRunTheSessionFromTheirOwnMachines(t *testing.T) {
	checkRoutines(t)
	r := newRig(t)
	online, _ := r.seat(t, app.NewSeat{Name: "Ginger Paque", Role: floor.OnlineModerator, GiveRemote: true})
	rapporteur, _ := r.seat(t, app.NewSeat{Name: "Vladimir Radunovic", Role: floor.RapporteurSeat})
	eventually(t, "both seats following the room", func() bool { return !online.Status().Stale && !rapporteur.Status().Stale })
	ctx := context.Background()
	if err := online.Do(ctx, control.SeatCommandWire{Verb: "ask", Speaker: &control.SpeakerWire{Name: "Kwame", Group: "government"}, Remote: true}); err != nil {
		t.Fatal(err)
	}
	eventually(t, "the request on the rapporteur's screen", func() bool { return len(rapporteur.Status().State.Queue) == 1 })
	if q := rapporteur.Status().State.Queue[0]; q.Speaker.Group != "Government" || !q.Remote {
		t.Errorf("the request as the rapporteur sees it: %+v", q)
	}
	eventually(t, "the online moderator seeing its own request", func() bool { return len(online.Status().State.Queue) == 1 })
	if err := online.Do(ctx, control.SeatCommandWire{Verb: "give"}); err != nil {
		t.Fatal(err)
	}
	eventually(t, "the turn on the rapporteur's screen", func() bool {
		st := rapporteur.Status().State
		return st.Floor != nil && st.Floor.Speaker.Name == "Kwame" && st.Timer.Speaker != nil
	})
	if err := rapporteur.Do(ctx, control.SeatCommandWire{Verb: "key", Turn: 1, Text: "Liability for insecure products"}); err != nil {
		t.Fatal(err)
	}
	eventually(t, "the key point on the online moderator's screen", func() bool {
		n := online.Status().State.Notes
		return len(n) == 1 && n[0].By == "Vladimir Radunovic" && n[0].Role == "rapporteur"
	})
	err := rapporteur.Do(ctx, control.SeatCommandWire{Verb: "end"})
	var refused *Refusal
	if !errors.As(err, &refused) || refused.Reply.Right != "floor" || !strings.Contains(err.Error(), "give and end turns") {
		t.Fatalf("the rapporteur ending the turn: %v", err)
	}
	if r.mod.Floor().Current == nil {
		t.Fatal("the turn ended")
	}
	if got := online.Status().State.Seat.Rights; !slices.Equal(got, []string{"queue", "message", "give-remote", "audience"}) {
		t.Errorf("the online moderator's rights: %v", got)
	}
}

// A wrong token, a hub's token and a revoked seat get 401 before anything
// else; a revoked seat's client stops and says so.
func TestSeatTokensAreChecked(t *testing.T) {
	checkRoutines(t)
	r := newRig(t)
	hubs := app.HubDirectory{Store: r.db, Clock: app.SystemClock{}}
	_, hubToken, err := hubs.Add(context.Background(), app.NewHub{Name: "Nairobi"})
	if err != nil {
		t.Fatal(err)
	}
	for _, token := range []string{"", "wrong", hubToken} {
		for _, path := range []string{StatePath, CommandPath, ClockPath} {
			req, _ := http.NewRequest(http.MethodPost, r.https.URL+path, strings.NewReader(`{"v":2,"verb":"end"}`))
			req.Header.Set("Authorization", "Bearer "+token)
			resp, err := r.https.Client().Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != http.StatusUnauthorized {
				t.Errorf("%s with token %.8q: %s", path, token, resp.Status)
			}
		}
	}
	c, s := r.seat(t, app.NewSeat{Name: "Ginger Paque", Role: floor.OnlineModerator})
	eventually(t, "the seat following", func() bool { return !c.Status().Stale })
	if _, err := r.dir.Revoke(context.Background(), s.ID); err != nil {
		t.Fatal(err)
	}
	r.server.CutOff(s.ID)
	eventually(t, "the revoked seat told", func() bool { return c.Status().Link.Revoked })
	if r.mod.Floor().Applied != 0 {
		t.Error("the floor changed")
	}
}

// The moderator switches off an online moderator's right to give the
// floor while its seat follows the room: its screen loses the right within
// a heartbeat, and its next Give to a remote request is refused naming it.
func TestGiveRemoteSwitchedOffWhileTheSeatFollows(t *testing.T) {
	r := newRig(t)
	ctx := context.Background()
	c, s := r.seat(t, app.NewSeat{Name: "Ginger Paque", Role: floor.OnlineModerator, GiveRemote: true})
	if _, err := r.mod.Request(ctx, floor.Speaker{Name: "Kwame", Remote: true, Hub: "Accra"}); err != nil {
		t.Fatal(err)
	}
	eventually(t, "the seat with the right to give", func() bool {
		return slices.Contains(c.Status().State.Seat.Rights, "give-remote") && len(c.Status().State.Queue) == 1
	})
	if _, err := r.dir.SetGiveRemote(ctx, s.ID, false); err != nil {
		t.Fatal(err)
	}
	eventually(t, "the seat without it", func() bool { return !slices.Contains(c.Status().State.Seat.Rights, "give-remote") })
	err := c.Do(ctx, control.SeatCommandWire{Verb: "give"})
	if err == nil || !strings.Contains(err.Error(), "give the floor to remote requests") {
		t.Fatalf("a give after the switch: %v", err)
	}
	if r.mod.Floor().Current != nil {
		t.Fatal("the floor was given")
	}
	if _, err := r.dir.SetGiveRemote(ctx, "no-such-seat", true); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("switching an unknown seat: %v", err)
	}
	rap, _, err := r.dir.Add(ctx, app.NewSeat{Name: "Vladimir Radunovic", Role: floor.RapporteurSeat})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.dir.SetGiveRemote(ctx, rap.ID, true); err == nil {
		t.Error("a rapporteur's seat was given the right to give the floor")
	}
}
