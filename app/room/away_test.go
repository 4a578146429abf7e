package room

import (
	"context"
	"path/filepath"
	"reflect"
	"sync"
	"testing"
	"time"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/control"
	"github.com/igf-floor/floor/app/floor"
	"github.com/igf-floor/floor/app/timer"
	"github.com/igf-floor/floor/storage"
)

type steppedClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *steppedClock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.now }
func (c *steppedClock) add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// inbox is a hub's side of a pipe: what the room sent it, decoded.
type inbox struct {
	mu   sync.Mutex
	msgs []control.Message
}

func (b *inbox) send(raw []byte) error {
	m, err := control.Decode(raw)
	if err != nil {
		return err
	}
	b.mu.Lock()
	b.msgs = append(b.msgs, m)
	b.mu.Unlock()
	return nil
}

func (b *inbox) welcome(t *testing.T) control.Message {
	t.Helper()
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, m := range b.msgs {
		if m.Type == control.Welcome {
			return m
		}
	}
	t.Fatal("no welcome")
	return control.Message{}
}

type awayRig struct {
	db    *storage.DB
	clock *steppedClock
	mod   *app.Moderator
	room  *Room
	alive map[string]bool
}

func openAwayRig(t *testing.T, path string, clock *steppedClock) *awayRig {
	t.Helper()
	ctx := context.Background()
	db, err := storage.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	r := &awayRig{db: db, clock: clock, alive: map[string]bool{}}
	if r.mod, err = app.OpenModerator(ctx, db, clock, "igf/ws234"); err != nil {
		t.Fatal(err)
	}
	r.room = New(Config{Moderator: r.mod, Clock: clock, SessionTitle: "WS #234",
		Active: func(_ context.Context, id string) bool { return !r.alive["revoked:"+id] }})
	t.Cleanup(r.room.Close)
	return r
}

func (r *awayRig) ask(t *testing.T, hubID, name string) {
	t.Helper()
	b, _ := control.Encode(control.Message{Type: control.Request, Speaker: &control.SpeakerWire{Name: name}})
	r.room.Receive(hubID, b)
}

func (r *awayRig) presence(hubID string) (Presence, bool) {
	for _, p := range r.room.Present() {
		if p.Hub.ID == hubID {
			return p, true
		}
	}
	return Presence{}, false
}

func queueIDs(st floor.State) []int {
	var ids []int
	for _, q := range st.Queue {
		ids = append(ids, q.ID)
	}
	return ids
}

var (
	nairobi = floor.Hub{ID: "h-nbo", Name: "Nairobi University", Group: "Civil Society", Region: "African Group"}
	accra   = floor.Hub{ID: "h-acc", Name: "Accra Youth Hub"}
)

// A hub whose link drops is away: it keeps its request and its place for
// the grace period, gets them back on its next connection (told in the
// welcome, so it does not ask again), and an old connection's late end
// does not send it away again.
func TestLostHubKeepsItsPlaceUntilTheGraceEnds(t *testing.T) {
	clock := &steppedClock{now: time.Date(2020, 11, 11, 11, 20, 0, 0, time.UTC)}
	r := openAwayRig(t, filepath.Join(t.TempDir(), "floor.db"), clock)
	ctx := context.Background()
	first := &inbox{}
	r.room.Join(nairobi, "c1", first.send)
	r.room.Join(accra, "a1", (&inbox{}).send)
	r.ask(t, nairobi.ID, "Grace Githaiga")
	r.ask(t, accra.ID, "Kwame")
	before := queueIDs(r.mod.Floor())
	if !reflect.DeepEqual(before, []int{1, 2}) || r.mod.Floor().Owner(1) != nairobi.ID {
		t.Fatalf("queue %v owner %q", before, r.mod.Floor().Owner(1))
	}

	r.room.Leave(nairobi.ID, "c1", control.Lost)
	p, ok := r.presence(nairobi.ID)
	if !ok || p.Away.IsZero() || !reflect.DeepEqual(p.Requests, []int{1}) {
		t.Fatalf("away hub %+v %v", p, ok)
	}
	clock.add(2*time.Minute + 59*time.Second)
	r.room.expire(ctx)
	if got := queueIDs(r.mod.Floor()); !reflect.DeepEqual(got, before) {
		t.Fatalf("queue changed while the hub was away within its grace: %v", got)
	}

	again := &inbox{}
	r.room.Join(nairobi, "c2", again.send)
	if w := again.welcome(t); w.Request != 1 {
		t.Errorf("welcome back names request %d, want 1", w.Request)
	}
	r.room.Leave(nairobi.ID, "c1", control.Lost) // the old connection ends late
	if p, _ := r.presence(nairobi.ID); !p.Away.IsZero() {
		t.Error("an old connection's end sent the returned hub away")
	}

	r.room.Leave(nairobi.ID, "c2", control.Lost)
	clock.add(DefaultGrace)
	r.room.expire(ctx)
	if got := queueIDs(r.mod.Floor()); !reflect.DeepEqual(got, []int{2}) {
		t.Errorf("after the grace the queue is %v, want [2]", got)
	}
	if _, ok := r.presence(nairobi.ID); ok {
		t.Error("the hub is still listed after its grace")
	}
}

// A hub that leaves, or whose invite is revoked while it is away, loses its
// waiting requests at once.
func TestHubThatLeftOrWasRevokedLosesItsRequests(t *testing.T) {
	clock := &steppedClock{now: time.Date(2020, 11, 11, 11, 20, 0, 0, time.UTC)}
	r := openAwayRig(t, filepath.Join(t.TempDir(), "floor.db"), clock)
	r.room.Join(nairobi, "c1", (&inbox{}).send)
	r.room.Join(accra, "a1", (&inbox{}).send)
	r.ask(t, nairobi.ID, "Grace Githaiga")
	r.ask(t, accra.ID, "Kwame")
	r.room.Leave(nairobi.ID, "c1", control.Left)
	if got := queueIDs(r.mod.Floor()); !reflect.DeepEqual(got, []int{2}) {
		t.Fatalf("after leaving: %v", got)
	}
	r.room.Leave(accra.ID, "a1", control.Lost)
	r.alive["revoked:"+accra.ID] = true
	clock.add(time.Second)
	r.room.expire(context.Background())
	if got := queueIDs(r.mod.Floor()); len(got) != 0 {
		t.Fatalf("a revoked away hub kept %v", got)
	}
}

// After the room restarts, the log says which hub owns which request and
// who has the floor: the hubs are expected back (away), get their requests
// back when they join, and a hub on the floor is live again.
func TestRestartedRoomGivesHubsBackTheirRequestsAndTheFloor(t *testing.T) {
	clock := &steppedClock{now: time.Date(2020, 11, 11, 11, 20, 0, 0, time.UTC)}
	path := filepath.Join(t.TempDir(), "floor.db")
	r := openAwayRig(t, path, clock)
	r.room.Join(nairobi, "c1", (&inbox{}).send)
	r.room.Join(accra, "a1", (&inbox{}).send)
	r.ask(t, nairobi.ID, "Grace Githaiga")
	r.ask(t, accra.ID, "Kwame")
	if err := r.mod.Give(context.Background(), 1, timer.CountDown, 3*time.Minute); err != nil {
		t.Fatal(err)
	}
	r.room.Close()
	r.db.Close()

	clock.add(5 * time.Second)
	back := openAwayRig(t, path, clock)
	for _, h := range []floor.Hub{nairobi, accra} {
		p, ok := back.presence(h.ID)
		if !ok || p.Away.IsZero() {
			t.Fatalf("%s is not expected back: %+v", h.Name, p)
		}
	}
	if live := back.room.LiveHubs(); !reflect.DeepEqual(live, []string{nairobi.ID}) {
		t.Fatalf("live after restart: %v", live)
	}
	box := &inbox{}
	back.room.Join(accra, "a2", box.send)
	if w := box.welcome(t); w.Request != 2 {
		t.Errorf("Accra's welcome after the restart names request %d, want 2", w.Request)
	}
	back.room.broadcast()
	box.mu.Lock()
	defer box.mu.Unlock()
	var placed bool
	for _, m := range box.msgs {
		if m.Type == control.Queue && m.Request == 2 && m.Position == 0 {
			placed = true
		}
	}
	if !placed {
		t.Errorf("Accra was not told its place: %+v", box.msgs)
	}
}

// A WHIP client without the control channel is queued by the moderator;
// the request is the hub's, so giving it the floor makes that hub live.
func TestMediaOnlyHubIsQueuedByTheModerator(t *testing.T) {
	clock := &steppedClock{now: time.Date(2020, 11, 11, 11, 20, 0, 0, time.UTC)}
	r := openAwayRig(t, filepath.Join(t.TempDir(), "floor.db"), clock)
	obs := floor.Hub{ID: "h-obs", Name: "La Paz studio (OBS)", Region: "Latin American and Caribbean Group (GRULAC)"}
	id, err := r.room.QueueHub(context.Background(), obs, "")
	if err != nil {
		t.Fatal(err)
	}
	if err := r.mod.Give(context.Background(), id, timer.CountDown, 2*time.Minute); err != nil {
		t.Fatal(err)
	}
	if !r.room.Live()[obs.ID] || r.room.LiveRequest(obs.ID) != id {
		t.Fatalf("live %v", r.room.Live())
	}
	if s := r.mod.Floor().Current.Speaker; s.Name != obs.Name || s.Region != obs.Region || s.Place() != "remote: "+obs.Name {
		t.Errorf("speaker %+v", s)
	}
}

// A hub on the floor hears the moderator's message to the speaker, once,
// as a message to the speaker, and loses it when its turn ends; a hub
// waiting in the queue does not hear it.
func TestHubOnTheFloorHearsTheMessageToTheSpeaker(t *testing.T) {
	clock := &steppedClock{now: time.Date(2020, 11, 11, 11, 20, 0, 0, time.UTC)}
	r := openAwayRig(t, filepath.Join(t.TempDir(), "floor.db"), clock)
	ctx := context.Background()
	live, waiting := &inbox{}, &inbox{}
	r.room.Join(nairobi, "c1", live.send)
	r.room.Join(accra, "a1", waiting.send)
	r.ask(t, nairobi.ID, "Grace Githaiga")
	r.ask(t, accra.ID, "Kwame")
	if err := r.mod.Give(ctx, 0, timer.CountDown, time.Minute); err != nil {
		t.Fatal(err)
	}
	if err := r.mod.TellSpeaker(ctx, "Please wrap up in 30 seconds"); err != nil {
		t.Fatal(err)
	}
	r.room.broadcast()
	r.room.broadcast()
	count := func(b *inbox) int {
		b.mu.Lock()
		defer b.mu.Unlock()
		n := 0
		for _, m := range b.msgs {
			if m.Type == control.ToSpeaker && m.Text == "Please wrap up in 30 seconds" {
				n++
			}
		}
		return n
	}
	if n := count(live); n != 1 {
		t.Errorf("the hub on the floor heard the message %d times, want once", n)
	}
	if n := count(waiting); n != 0 {
		t.Errorf("a waiting hub heard the speaker's message %d times", n)
	}
	// The turn ends: the hub's speaker loses the message, once.
	if err := r.mod.EndTurn(ctx); err != nil {
		t.Fatal(err)
	}
	r.room.broadcast()
	r.room.broadcast()
	live.mu.Lock()
	defer live.mu.Unlock()
	var view control.RoomView
	cleared := 0
	for _, m := range live.msgs {
		view.Apply(m, clock.now)
		if m.Type == control.ToSpeaker && m.Text == "" {
			cleared++
		}
	}
	if cleared != 1 || view.ToSpeaker != "" {
		t.Errorf("after the turn: cleared %d times, the hub still shows %q", cleared, view.ToSpeaker)
	}
}
