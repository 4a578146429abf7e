package ui

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/floor"
	"github.com/igf-floor/floor/app/room"
	"github.com/igf-floor/floor/app/seatlink"
)

// seatRig is a real room served over HTTPS with a real seat's client, and
// the seat's console on it.
type seatRig struct {
	mod   *app.Moderator
	polls *app.Polls
	aud   *app.Audience // the room's phones
	v     *SeatView
	w     fyne.Window
	srv   *httptest.Server
}

// stopRoom takes the room off the network: no new connection, and the
// seat's stream cut.
func (r *seatRig) stopRoom() {
	r.srv.Listener.Close()
	r.srv.CloseClientConnections()
}

func newSeatRig(t *testing.T, role floor.SeatRole) *seatRig {
	t.Helper()
	return newSeatRigWith(t, role, nil)
}

// fixedLinks is the media layer's port as a room with two hubs measures
// them: one speaking the control protocol, one plain WHIP client.
type fixedLinks []app.HubLink

func (l fixedLinks) Links() []app.HubLink { return l }

// newSeatRigWith is newSeatRig with the room's polls and, when links is
// not nil, its hubs' links.
func newSeatRigWith(t *testing.T, role floor.SeatRole, links seatlink.LinkReader) *seatRig {
	t.Helper()
	ctx := context.Background()
	db, _ := seededDB(t)
	mod, err := app.OpenModerator(ctx, db, app.SystemClock{}, "igf/ws234")
	if err != nil {
		t.Fatal(err)
	}
	connected := func(id string) (floor.Hub, bool) {
		if links != nil {
			for _, l := range links.Links() {
				if l.Hub.ID == id {
					return l.Hub, true
				}
			}
		}
		return floor.Hub{}, false
	}
	rm := room.New(room.Config{Moderator: mod, SessionTitle: "Security of digital products", Questions: []string{"How can security by design be encouraged?"},
		Record: db, SessionKey: "igf/ws234", Audit: db, Seat: db.Seat, Connected: connected})
	dir := app.SeatDirectory{Store: db, Clock: app.SystemClock{}}
	polls, err := app.OpenPolls(ctx, db, app.SystemClock{}, "igf/ws234")
	if err != nil {
		t.Fatal(err)
	}
	rm.UsePolls(polls)
	aud, err := app.OpenAudience(ctx, db, mod, app.SystemClock{}, "igf/ws234")
	if err != nil {
		t.Fatal(err)
	}
	rm.UseAudience(aud)
	mux := http.NewServeMux()
	seatlink.NewServer(seatlink.Config{Room: rm, Links: links, Auth: dir, Audit: db}).Register(mux)
	srv := httptest.NewTLSServer(mux)
	sum := sha256.Sum256(srv.Certificate().Raw)
	s, token, err := dir.Add(ctx, app.NewSeat{Name: "Ginger Paque", Role: role, GiveRemote: true})
	if err != nil {
		t.Fatal(err)
	}
	c := seatlink.NewClient(app.Invite{Host: strings.TrimPrefix(srv.URL, "https://"), Seat: s.ID, Token: token, Pin: hex.EncodeToString(sum[:])}, nil)
	runCtx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() { defer close(done); _ = c.Run(runCtx) }()
	t.Cleanup(func() { cancel(); <-done; srv.Close(); rm.Close() })
	r := &seatRig{mod: mod, polls: polls, aud: aud, v: NewSeatView(ctx, c), srv: srv}
	r.w = test.NewWindow(r.v.Content())
	r.w.Resize(fyne.NewSize(1280, 800))
	t.Cleanup(r.w.Close)
	return r
}

func (r *seatRig) until(t *testing.T, what string, ok func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		r.v.Tick()
		if ok() {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s:%s", what, screenWords(r.w))
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// The seat's console shows the room's queue and the turn's timer as the
// room has them, and its Give gives the floor in the room.
func TestSeatConsoleShowsTheRoomsQueueAndTimer(t *testing.T) {
	r := newSeatRig(t, floor.OnlineModerator)
	ctx := context.Background()
	for _, n := range []string{"Anriette Esterhuysen", "Kwame Baah"} {
		if _, err := r.mod.Request(ctx, floor.Speaker{Name: n, Remote: true, Hub: "Accra"}); err != nil {
			t.Fatal(err)
		}
	}
	r.until(t, "the room's queue on the seat", func() bool {
		_, ok := findShown(r.w, "2. Kwame Baah — remote: Accra")
		return ok
	})
	if !strings.HasPrefix(r.v.Who.Text, "Ginger Paque — Online moderator") {
		t.Errorf("the seat says %q", r.v.Who.Text)
	}
	if r.v.Give.Hidden || r.v.Give.Disabled() || !r.v.End.Hidden || !r.v.Takeaway.Hidden {
		t.Errorf("an online moderator is offered give %v/%v, end hidden %v, takeaway hidden %v",
			!r.v.Give.Hidden, !r.v.Give.Disabled(), r.v.End.Hidden, r.v.Takeaway.Hidden)
	}
	test.Tap(r.v.Give)
	r.v.settle()
	if r.v.Result.Text != "" {
		t.Fatalf("give: %s", r.v.Result.Text)
	}
	if cur := r.mod.Floor().Current; cur == nil || cur.Speaker.Name != "Anriette Esterhuysen" {
		t.Fatalf("on the floor in the room: %+v", cur)
	}
	r.until(t, "the turn and its timer on the seat", func() bool {
		_, ok := findShown(r.w, "On the floor: Anriette Esterhuysen")
		return ok && (strings.HasPrefix(r.v.face.digits.Text, "2:5") || strings.HasPrefix(r.v.face.digits.Text, "3:00"))
	})
	if err := r.mod.TakeUpQuestion(ctx, 2, "How can security by design be encouraged?"); err != nil {
		t.Fatal(err)
	}
	if err := r.mod.EndTurn(ctx); err != nil {
		t.Fatal(err)
	}
	r.until(t, "the question and the balance on the seat", func() bool {
		return r.v.Question.Text == "Policy question 2: How can security by design be encouraged?" &&
			strings.Contains(r.v.Balance.Text, "remote · 0:0")
	})
	if _, ok := findShown(r.w, "Nobody has the floor"); !ok {
		t.Errorf("the turn's end is not on the seat:%s", screenWords(r.w))
	}
}

// A rapporteur's console offers the report's notes and nothing that
// changes the floor; a note it adds comes back from the room with its name.
func TestRapporteurSeatWritesATakeaway(t *testing.T) {
	r := newSeatRig(t, floor.RapporteurSeat)
	r.until(t, "the seat following", func() bool { return strings.Contains(r.v.Who.Text, "Rapporteur") })
	if !r.v.Give.Hidden || !r.v.Withdraw.Hidden || !r.v.End.Hidden || r.v.Takeaway.Hidden {
		t.Fatalf("a rapporteur is offered give %v, withdraw %v, end %v, takeaway %v", !r.v.Give.Hidden, !r.v.Withdraw.Hidden, !r.v.End.Hidden, !r.v.Takeaway.Hidden)
	}
	test.Type(r.v.Note, "Security by design needs incentives")
	test.Tap(r.v.Takeaway)
	r.v.settle()
	r.until(t, "the takeaway back from the room", func() bool {
		_, ok := findShown(r.w, "Takeaway by Ginger Paque: Security by design needs incentives")
		return ok
	})
	if r.v.Note.Text != "" {
		t.Errorf("the note is still in the entry: %q", r.v.Note.Text)
	}
}

// A co-moderator's console runs the session clock and steps through the
// policy questions; an online moderator's offers neither.
func TestCoModeratorSeatRunsTheClockAndTheQuestions(t *testing.T) {
	r := newSeatRig(t, floor.CoModerator)
	r.until(t, "the seat following", func() bool { return strings.Contains(r.v.Who.Text, "Co-moderator") })
	if r.v.Clock.Hidden || r.v.Clock.Text != "Start session" || r.v.NextQ.Hidden {
		t.Fatalf("the clock button %q hidden %v, next question hidden %v", r.v.Clock.Text, r.v.Clock.Hidden, r.v.NextQ.Hidden)
	}
	test.Tap(r.v.Clock)
	r.v.settle()
	if r.v.Result.Text != "" || !r.mod.TimerState().Started {
		t.Fatalf("start: %q, started %v", r.v.Result.Text, r.mod.TimerState().Started)
	}
	r.until(t, "the clock running on the seat", func() bool { return r.v.Clock.Text == "Pause session" })
	test.Tap(r.v.Clock)
	r.v.settle()
	if r.mod.TimerState().Session.Running {
		t.Fatal("the session clock still runs after Pause")
	}
	test.Tap(r.v.NextQ)
	r.v.settle()
	if r.v.Result.Text != "" || r.mod.Floor().Question != 1 {
		t.Fatalf("next question: %q, on the table %d", r.v.Result.Text, r.mod.Floor().Question)
	}
}

func TestOnlineModeratorSeatHasNoClock(t *testing.T) {
	r := newSeatRig(t, floor.OnlineModerator)
	r.until(t, "the seat following", func() bool { return strings.Contains(r.v.Who.Text, "Online moderator") })
	if !r.v.Clock.Hidden || !r.v.NextQ.Hidden {
		t.Fatalf("an online moderator is offered the clock (%v) or the questions (%v)", !r.v.Clock.Hidden, !r.v.NextQ.Hidden)
	}
}
