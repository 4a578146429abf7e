package room_test

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/control"
	"github.com/igf-floor/floor/app/floor"
	"github.com/igf-floor/floor/app/room"
	"github.com/igf-floor/floor/app/timer"
	"github.com/igf-floor/floor/storage"
)

type fixedClock struct{ t time.Time }

func (c fixedClock) Now() time.Time { return c.t }

var now = fixedClock{time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)}

func openWireRoom(t *testing.T) (*app.Moderator, *room.Room) {
	t.Helper()
	_, m, r := openWireRoomOn(t)
	return m, r
}

// openWireRoomOn is openWireRoom with its database.
func openWireRoomOn(t *testing.T) (*storage.DB, *app.Moderator, *room.Room) {
	t.Helper()
	ctx := context.Background()
	db, err := storage.Open(ctx, filepath.Join(t.TempDir(), "floor.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	m, err := app.OpenModerator(ctx, db, now, "igf/ws234")
	if err != nil {
		t.Fatal(err)
	}
	r := room.New(room.Config{Moderator: m, Clock: now, SessionTitle: "WS #234"})
	t.Cleanup(r.Close)
	return db, m, r
}

var wireHub = floor.Hub{ID: "h1", Name: "Nairobi University", Group: "Civil Society", Region: "African Group"}

// TestHubAndRoomSpeakTheWire: a hub's request and the room's timers go
// through the wire structs and come out as the domain's on the other end.
func TestHubAndRoomSpeakTheWire(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	m, rm := openWireRoom(t)
	var hub *app.HubClient
	hub = app.NewHubClient(now, func(b []byte) error { rm.Receive(wireHub.ID, b); return nil })
	rm.Join(wireHub, "c1", func(b []byte) error { hub.Receive(b); return nil })
	go rm.Run(ctx)
	<-hub.Welcomed()
	// Where the speaker is is the room's to say, whatever the hub sends.
	if err := hub.RequestFloor(floor.Speaker{Name: "Wanjiru K.", Youth: true, HubID: "someone-else"}); err != nil {
		t.Fatal(err)
	}
	q := m.Floor().Queue
	if len(q) != 1 || q[0].Speaker.Name != "Wanjiru K." || !q[0].Speaker.Youth || !q[0].Speaker.Remote ||
		q[0].Speaker.HubID != wireHub.ID || q[0].Speaker.Region != "African Group" {
		t.Fatalf("queued %+v", q)
	}
	if err := m.Timer(ctx, timer.Command{Kind: timer.StartSession, Duration: time.Hour}); err != nil {
		t.Fatal(err)
	}
	if err := m.Give(ctx, 0, timer.CountDown, 3*time.Minute); err != nil {
		t.Fatal(err)
	}
	want := m.Read()
	for start := time.Now(); ; time.Sleep(10 * time.Millisecond) {
		st := hub.Status()
		if st.HaveTimer && st.Timer.Speaker.Name == "Wanjiru K." && st.Floor == control.Live {
			if st.Timer.Speaker != want.Speaker || st.Timer.Session != want.Session {
				t.Fatalf("the hub reads\n%+v\nthe room\n%+v", st.Timer, want)
			}
			break
		}
		if time.Since(start) > 5*time.Second {
			t.Fatalf("the hub never saw the turn: %+v", st)
		}
	}
}

// TestRoomAnswersAHubOfAnotherVersion: the room's refusal names both
// versions, in the hub's own version so that hub can read it, and the
// message changes nothing.
func TestRoomAnswersAHubOfAnotherVersion(t *testing.T) {
	_, rm := openWireRoom(t)
	var mu sync.Mutex
	var got [][]byte
	rm.Join(wireHub, "c1", func(b []byte) error { mu.Lock(); got = append(got, b); mu.Unlock(); return nil })
	for _, v := range []int{control.Version - 1, control.Version + 1} {
		rm.Receive(wireHub.ID, fmt.Appendf(nil, `{"v":%d,"type":"hello","people":40}`, v))
		mu.Lock()
		last := got[len(got)-1]
		mu.Unlock()
		var answer struct {
			V    int    `json:"v"`
			Type string `json:"type"`
			Text string `json:"text"`
		}
		if err := json.Unmarshal(last, &answer); err != nil {
			t.Fatal(err)
		}
		wantText := fmt.Sprintf("this hub speaks control protocol version %d and the room version %d", v, control.Version)
		if answer.V != v || answer.Type != "error" || !strings.Contains(answer.Text, wantText) {
			t.Fatalf("the room answered %s; want a version %d error saying %q", last, v, wantText)
		}
	}
	if p := rm.Present(); len(p) != 1 || p[0].People != 0 {
		t.Fatalf("another version's hello was taken: %+v", p)
	}
}

// TestHubNamesTheRoomsOtherVersion: a room of another version is said so,
// both versions named, whatever its message's fields look like.
func TestHubNamesTheRoomsOtherVersion(t *testing.T) {
	hub := app.NewHubClient(now, func([]byte) error { return nil })
	for _, v := range []int{control.Version - 1, control.Version + 1} {
		hub.Receive(fmt.Appendf(nil, `{"v":%d,"type":"timer","timer":{"Planned":"of another shape"}}`, v))
		want := fmt.Sprintf("The room speaks control protocol version %d and this hub version %d", v, control.Version)
		if st := hub.Status(); !strings.HasPrefix(st.Notice, want) || st.HaveTimer {
			t.Fatalf("notice %q, want %q…", st.Notice, want)
		}
	}
}

// A hub reads the phones' questions the moderators published (never one
// still waiting) and upvotes one, once: a second upvote is refused in
// words and counts nothing, and the hub sees its upvote counted.
func TestAHubUpvotesAPublishedQuestionOnce(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	db, m, rm := openWireRoomOn(t)
	aud, err := app.OpenAudience(ctx, db, m, now, "igf/ws234")
	if err != nil {
		t.Fatal(err)
	}
	rm.UseAudience(aud)
	shown, err := aud.AskQuestion(ctx, "phone-a", "Amina", "Who certifies connected products?")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := aud.AskQuestion(ctx, "phone-b", "", "Not for the room yet"); err != nil {
		t.Fatal(err)
	}
	if err := aud.Show(ctx, shown.ID); err != nil {
		t.Fatal(err)
	}
	if err := aud.Upvote(ctx, "phone-c", shown.ID); err != nil {
		t.Fatal(err)
	}
	hub := app.NewHubClient(now, func(b []byte) error { rm.Receive(wireHub.ID, b); return nil })
	rm.Join(wireHub, "c1", func(b []byte) error { hub.Receive(b); return nil })
	go rm.Run(ctx)
	<-hub.Welcomed()
	until := func(what string, ok func(app.HubStatus) bool) {
		t.Helper()
		for start := time.Now(); !ok(hub.Status()); time.Sleep(5 * time.Millisecond) {
			if time.Since(start) > 5*time.Second {
				t.Fatalf("the hub never saw %s: %+v", what, hub.Status().Questions)
			}
		}
	}
	until("the published question", func(st app.HubStatus) bool { return len(st.Questions) == 1 })
	if q := hub.Status().Questions[0]; q.ID != shown.ID || q.Name != "Amina" || q.Upvotes != 1 || q.Upvoted || q.State != "shown" {
		t.Fatalf("the question as the hub reads it: %+v", q)
	}
	if err := hub.Upvote(shown.ID); err != nil {
		t.Fatal(err)
	}
	until("its upvote counted", func(st app.HubStatus) bool {
		return len(st.Questions) == 1 && st.Questions[0].Upvoted && st.Questions[0].Upvotes == 2
	})
	if err := hub.Upvote(shown.ID); err != nil {
		t.Fatal(err)
	}
	until("the second upvote refused", func(st app.HubStatus) bool {
		return strings.Contains(st.Notice, "this hub has already upvoted question")
	})
	if err := hub.Upvote(2); err != nil { // the question still waiting for the moderators
		t.Fatal(err)
	}
	until("an upvote of a question not shown refused", func(st app.HubStatus) bool { return strings.Contains(st.Notice, "not open for upvotes") })
	if qs := aud.Questions(); qs[0].Upvotes != 2 || qs[1].Upvotes != 0 {
		t.Errorf("upvotes counted: %d and %d", qs[0].Upvotes, qs[1].Upvotes)
	}
	// The answer reaches the hub too.
	if err := aud.Answer(ctx, shown.ID, "The regulators, with the vendors."); err != nil {
		t.Fatal(err)
	}
	until("the answer", func(st app.HubStatus) bool {
		return len(st.Questions) == 1 && st.Questions[0].Answer == "The regulators, with the vendors."
	})
}
