package room

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/agenda"
	"github.com/igf-floor/floor/app/control"
	"github.com/igf-floor/floor/app/floor"
	"github.com/igf-floor/floor/app/timer"
)

// Room is the moderator's side of the control channel: it takes hubs'
// requests for the floor into the moderator's queue and keeps every hub
// told of its place, the floor and the timers. The media layer calls Join,
// Receive and Leave; Run sends.
//
// Which hub owns which request is in the floor log (floor.Speaker.HubID),
// never in this room's memory: a hub that drops out is away, keeps its
// requests and its turn for the grace period, and gets them back when it
// returns — after a reconnect or after the room itself restarted.
type Room struct {
	mod     *app.Moderator
	clock   app.Clock
	session string // the session's title, for the welcome
	grace   time.Duration
	active  func(ctx context.Context, hubID string) bool
	kick    chan struct{}

	unwatch func()

	mu     sync.Mutex
	hubs   map[string]*roomHub
	notify func() // after any change a console should show

	polls     *hubPolls
	aud       *roomAudience
	headcount func(hub string, people int)

	team      team
	questions []string
	record    TeamRecord
	key       string
	auditor   Auditor
	seatByID  func(ctx context.Context, id string) (floor.Seat, error)
	connected func(hubID string) (floor.Hub, bool)
}

type roomHub struct {
	hub     floor.Hub
	conn    string             // the connection it is on; "" while away
	send    func([]byte) error // nil while away
	told    map[int]bool       // its open requests it was last told of
	toldMsg string             // the last message to the speaker it was sent while on the floor
	toldAud string             // the last list of the phones' questions it was sent (encoded)
	people  int
	joined  time.Time
	away    time.Time // when it dropped out; zero while connected
	lastErr error
}

// Config is what a room needs; zero values take the defaults.
type Config struct {
	Moderator    *app.Moderator
	Clock        app.Clock
	SessionTitle string
	// Grace is how long an away hub keeps its waiting requests (3 minutes).
	Grace time.Duration
	// Active, when set, says whether a hub's invite still lets it in: an
	// away hub whose invite was revoked loses its requests at once.
	Active func(ctx context.Context, hubID string) bool
	// Questions are the session's policy questions, which a seat takes up
	// by number.
	Questions []string
	// Record keeps the team's notes, under SessionKey; Audit the room's
	// security record, every seat's command in it. Seat finds a seat by id.
	Record     TeamRecord
	SessionKey string
	Audit      Auditor
	Seat       func(ctx context.Context, id string) (floor.Seat, error)
	// Connected, when set, finds a hub connected without the control
	// channel (a plain WHIP client, which never joins the room), so a
	// seat can queue it.
	Connected func(hubID string) (floor.Hub, bool)
}

// DefaultGrace is how long an away hub keeps its place in the queue.
const DefaultGrace = 3 * time.Minute

// New serves the moderator's session to hubs. Hubs whose requests
// the log holds open are expected back: they start away, with the grace
// period counted from now.
func New(c Config) *Room {
	if c.Grace <= 0 {
		c.Grace = DefaultGrace
	}
	if c.Clock == nil {
		c.Clock = app.SystemClock{}
	}
	r := &Room{mod: c.Moderator, clock: c.Clock, session: c.SessionTitle, grace: c.Grace, active: c.Active,
		kick: make(chan struct{}, 1), hubs: map[string]*roomHub{},
		questions: c.Questions, record: c.Record, key: c.SessionKey, auditor: c.Audit, seatByID: c.Seat, connected: c.Connected}
	now := r.clock.Now()
	for id, name := range r.mod.Floor().Hubs() {
		r.hubs[id] = &roomHub{hub: floor.Hub{ID: id, Name: name}, away: now, told: map[int]bool{}}
	}
	r.unwatch = r.mod.Watch(func(timer.State, floor.State) { r.wake(); r.teamChanged() })
	return r
}

// Grace is how long an away hub keeps its waiting requests.
func (r *Room) Grace() time.Duration { return r.grace }

// Close stops following the moderator (the room closed to hubs).
func (r *Room) Close() {
	r.unwatch()
	r.mu.Lock()
	if r.polls != nil {
		r.polls.unwatch()
	}
	if r.aud != nil {
		r.aud.unwatch()
	}
	r.mu.Unlock()
}

// OnChange calls f (from a network goroutine) whenever a hub joins, leaves
// or asks; the console re-reads the room then.
func (r *Room) OnChange(f func()) {
	r.mu.Lock()
	r.notify = f
	r.mu.Unlock()
}

func (r *Room) wake() {
	select {
	case r.kick <- struct{}{}:
	default:
	}
}

func (r *Room) changed() {
	r.teamChanged()
	r.mu.Lock()
	f := r.notify
	r.mu.Unlock()
	if f != nil {
		f()
	}
}

// Run sends every hub the timers and its requests' state after each change
// and at least every control.HeartbeatEvery, and ends the grace of away
// hubs, until ctx ends.
func (r *Room) Run(ctx context.Context) {
	tick := time.NewTicker(control.HeartbeatEvery)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-r.kick:
		case <-tick.C:
			r.expire(ctx)
		}
		r.broadcast()
	}
}

// Join welcomes a hub whose control channel just opened on connection
// conn. A hub that was away is back: its requests are still its own, and
// the welcome names the first of them, so it does not ask again.
func (r *Room) Join(h floor.Hub, conn string, send func([]byte) error) {
	r.mu.Lock()
	rh := r.hubs[h.ID]
	if rh == nil {
		rh = &roomHub{told: map[int]bool{}}
		r.hubs[h.ID] = rh
	}
	rh.hub, rh.conn, rh.send, rh.away, rh.joined, rh.lastErr = h, conn, send, time.Time{}, r.clock.Now(), nil
	rh.toldAud = "" // a new connection hears the questions again
	r.mu.Unlock()
	welcome := control.Message{Type: control.Welcome, Hub: h.Name, Text: r.session}
	if h.Group != "" || h.Region != "" { // so the hub's window shows what the room will file its requests under
		welcome.Speaker = control.WireSpeaker(floor.Speaker{Group: h.Group, Region: h.Region})
	}
	if open := r.mod.Floor().Open(h.ID); len(open) > 0 {
		welcome.Request = open[0]
	}
	r.sendTo(h.ID, welcome)
	r.wake()
	r.changed()
}

// Leave is connection conn of a hub ending; an older connection ending
// after a newer one joined changes nothing. A hub that was lost is away:
// its requests keep their places until the grace period ends. One that
// said goodbye, or whose invite was revoked, is gone with its waiting
// requests (a turn on the floor is the moderator's to end).
func (r *Room) Leave(hubID, conn string, d control.Departure) {
	r.mu.Lock()
	rh := r.hubs[hubID]
	if rh == nil || rh.conn != conn {
		r.mu.Unlock()
		return
	}
	rh.conn, rh.send, rh.away = "", nil, r.clock.Now()
	r.mu.Unlock()
	switch d {
	case control.Left, control.Revoked:
		r.Forget(context.Background(), hubID)
		return
	}
	r.changed()
}

// Forget lets hub go at once: its invite was revoked. Its waiting requests
// leave the queue; a turn it has on the floor is the moderator's to end.
func (r *Room) Forget(ctx context.Context, hubID string) {
	r.mu.Lock()
	delete(r.hubs, hubID)
	r.mu.Unlock()
	r.withdrawAll(ctx, hubID)
	r.changed()
}

// expire forgets away hubs whose grace has run out, and at once those
// whose invite was revoked.
func (r *Room) expire(ctx context.Context) {
	now := r.clock.Now()
	var gone []string
	r.mu.Lock()
	for id, rh := range r.hubs {
		if rh.away.IsZero() {
			continue
		}
		if now.Sub(rh.away) >= r.grace || (r.active != nil && !r.active(ctx, id)) {
			gone = append(gone, id)
		}
	}
	r.mu.Unlock()
	for _, id := range gone {
		r.Forget(ctx, id)
	}
}

func (r *Room) withdrawAll(ctx context.Context, hubID string) {
	for _, id := range r.mod.Floor().Waiting(hubID) {
		if err := r.mod.Withdraw(ctx, id); err != nil && !errors.Is(err, floor.ErrNoRequest) {
			r.mu.Lock()
			if rh := r.hubs[hubID]; rh != nil {
				rh.lastErr = err
			}
			r.mu.Unlock()
		}
	}
}

// Receive handles one message from hub hubID; a bad one is answered with
// an error message and changes nothing.
func (r *Room) Receive(hubID string, raw []byte) {
	received := r.clock.Now()
	r.mu.Lock()
	h := r.hubs[hubID]
	var hub floor.Hub
	if h != nil {
		hub = h.hub
	}
	r.mu.Unlock()
	if h == nil {
		return
	}
	m, err := control.Decode(raw)
	if err != nil {
		r.sendRaw(hubID, control.Refusal(err)) // another version's hub is answered in its own
		return
	}
	switch m.Type {
	case control.Ping:
		r.sendTo(hubID, control.Message{Type: control.Pong, T0: m.T0, T1: received.UnixNano(), T2: r.clock.Now().UnixNano()})
	case control.Hello:
		r.mu.Lock()
		h.people = m.People
		count := r.headcount
		r.mu.Unlock()
		if count != nil {
			count(hub.Name, m.People)
		}
		r.changed()
	case control.Vote:
		err = r.vote(hub, m)
	case control.Upvote:
		err = r.upvote(hub, m.QuestionID)
	case control.Request:
		err = r.request(hub, m.Speaker.Speaker())
	case control.Withdraw:
		err = r.withdraw(hubID, m.Request)
	default:
		err = fmt.Errorf("a hub cannot send %q", m.Type)
	}
	if err != nil {
		r.sendTo(hubID, control.Message{Type: control.Error, Text: err.Error()})
	}
}

// request queues a speaker from hub h. The place is the hub's, whatever the
// message says; group and region default to the hub's and must be known.
func (r *Room) request(h floor.Hub, s floor.Speaker) error {
	s.Remote, s.Hub, s.HubID = true, h.Name, h.ID
	if s.Group == "" {
		s.Group = h.Group
	} else if g, err := agenda.ParseGroup(s.Group); err != nil {
		return err
	} else {
		s.Group = g.String()
	}
	if s.Region == "" {
		s.Region = h.Region
	} else if reg, err := agenda.ParseRegion(s.Region); err != nil {
		return err
	} else {
		s.Region = reg.String()
	}
	if len(r.mod.Floor().Open(h.ID)) >= MaxRequestsPerHub {
		return fmt.Errorf("a hub may have %d requests waiting at once", MaxRequestsPerHub)
	}
	if _, err := r.mod.Request(context.Background(), s); err != nil {
		return err
	}
	r.wake()
	r.changed()
	return nil
}

// MaxRequestsPerHub bounds one hub's share of the queue.
const MaxRequestsPerHub = 5

// QueueHub puts a connected hub's speaker in the queue for the moderator:
// a WHIP client without the control channel (OBS, another client) cannot
// ask, so the moderator asks for it. name defaults to the hub's.
func (r *Room) QueueHub(ctx context.Context, h floor.Hub, name string) (int, error) {
	if name == "" {
		name = h.Name
	}
	s := floor.Speaker{Name: name, Group: h.Group, Region: h.Region, Remote: true, Hub: h.Name, HubID: h.ID}
	id, err := r.mod.Request(ctx, s)
	if err != nil {
		return 0, err
	}
	r.wake()
	r.changed()
	return id, nil
}

// withdraw takes the hub's request id (0: all of them) out of the queue.
func (r *Room) withdraw(hubID string, id int) error {
	ids := r.mod.Floor().Waiting(hubID)
	if id != 0 {
		if !slices.Contains(ids, id) {
			return fmt.Errorf("request %d is not this hub's", id)
		}
		ids = []int{id}
	}
	var errs []error
	for _, rid := range ids {
		if err := r.mod.Withdraw(context.Background(), rid); err != nil && !errors.Is(err, floor.ErrNoRequest) {
			errs = append(errs, err)
		}
	}
	r.wake()
	r.changed()
	return errors.Join(errs...)
}
