package app

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/igf-floor/floor/app/agenda"
	"github.com/igf-floor/floor/app/control"
	"github.com/igf-floor/floor/app/floor"
	"github.com/igf-floor/floor/app/timer"
)

// HubRoom is the moderator's side of the control channel: it takes hubs'
// requests for the floor into the moderator's queue and keeps every hub
// told of its place, the floor and the timers. The media layer calls Join,
// Receive and Leave; Run sends.
type HubRoom struct {
	mod     *Moderator
	clock   Clock
	session string // the session's title, for the welcome
	kick    chan struct{}

	unwatch func()

	mu     sync.Mutex
	hubs   map[string]*roomHub
	owner  map[int]string // request id → hub id
	notify func()         // after any change a console should show

	polls     *hubPolls
	headcount func(hub string, people int)
}

type roomHub struct {
	hub     floor.Hub
	send    func([]byte) error
	people  int
	joined  time.Time
	lastErr error
}

// HubPresence is a connected hub as the console lists it.
type HubPresence struct {
	Hub      floor.Hub
	People   int
	Joined   time.Time
	Requests []int // its requests still open
}

// NewHubRoom serves mod's session to hubs.
func NewHubRoom(mod *Moderator, clock Clock, sessionTitle string) *HubRoom {
	r := &HubRoom{mod: mod, clock: clock, session: sessionTitle, kick: make(chan struct{}, 1),
		hubs: map[string]*roomHub{}, owner: map[int]string{}}
	r.unwatch = mod.Watch(func(timer.State, floor.State) { r.wake() })
	return r
}

// Close stops following the moderator (the room closed to hubs).
func (r *HubRoom) Close() {
	r.unwatch()
	r.mu.Lock()
	if r.polls != nil {
		r.polls.unwatch()
	}
	r.mu.Unlock()
}

// OnChange calls f (from a network goroutine) whenever a hub joins, leaves
// or asks; the console re-reads the room then.
func (r *HubRoom) OnChange(f func()) {
	r.mu.Lock()
	r.notify = f
	r.mu.Unlock()
}

func (r *HubRoom) wake() {
	select {
	case r.kick <- struct{}{}:
	default:
	}
}

func (r *HubRoom) changed() {
	r.mu.Lock()
	f := r.notify
	r.mu.Unlock()
	if f != nil {
		f()
	}
}

// Run sends every hub the timers and its requests' state after each change
// and at least every control.HeartbeatEvery, until ctx ends.
func (r *HubRoom) Run(ctx context.Context) {
	tick := time.NewTicker(control.HeartbeatEvery)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-r.kick:
		case <-tick.C:
		}
		r.broadcast()
	}
}

// Join welcomes a hub whose control channel just opened.
func (r *HubRoom) Join(h floor.Hub, send func([]byte) error) {
	r.mu.Lock()
	r.hubs[h.ID] = &roomHub{hub: h, send: send, joined: r.clock.Now()}
	r.mu.Unlock()
	r.sendTo(h.ID, control.Message{Type: control.Welcome, Hub: h.Name, Text: r.session})
	r.wake()
	r.changed()
}

// Leave forgets a hub; its requests still waiting leave the queue with it,
// since nobody is there to give the floor to.
func (r *HubRoom) Leave(hubID, why string) {
	r.mu.Lock()
	delete(r.hubs, hubID)
	var open []int
	for id, owner := range r.owner {
		if owner == hubID {
			open = append(open, id)
			delete(r.owner, id)
		}
	}
	r.mu.Unlock()
	for _, id := range open {
		if slices.ContainsFunc(r.mod.Floor().Queue, func(q floor.Request) bool { return q.ID == id }) {
			_ = r.mod.Withdraw(context.Background(), id)
		}
	}
	r.changed()
}

// Receive handles one message from hub hubID; a bad one is answered with
// an error message and changes nothing.
func (r *HubRoom) Receive(hubID string, raw []byte) {
	received := r.clock.Now()
	r.mu.Lock()
	h := r.hubs[hubID]
	r.mu.Unlock()
	if h == nil {
		return
	}
	m, err := control.Decode(raw)
	if err != nil {
		r.sendTo(hubID, control.Message{Type: control.Error, Text: err.Error()})
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
			count(h.hub.Name, m.People)
		}
		r.changed()
	case control.Vote:
		err = r.vote(h.hub, m)
	case control.Request:
		err = r.request(h.hub, *m.Speaker)
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
func (r *HubRoom) request(h floor.Hub, s floor.Speaker) error {
	s.Remote, s.Hub = true, h.Name
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
	r.mu.Lock()
	open := 0
	for _, owner := range r.owner {
		if owner == h.ID {
			open++
		}
	}
	r.mu.Unlock()
	if open >= MaxRequestsPerHub {
		return fmt.Errorf("a hub may have %d requests waiting at once", MaxRequestsPerHub)
	}
	id, err := r.mod.Request(context.Background(), s)
	if err != nil {
		return err
	}
	r.mu.Lock()
	r.owner[id] = h.ID
	r.mu.Unlock()
	r.wake()
	r.changed()
	return nil
}

// MaxRequestsPerHub bounds one hub's share of the queue.
const MaxRequestsPerHub = 5

// withdraw takes the hub's request id (0: all of them) out of the queue.
func (r *HubRoom) withdraw(hubID string, id int) error {
	r.mu.Lock()
	var ids []int
	for rid, owner := range r.owner {
		if owner == hubID && (id == 0 || rid == id) {
			ids = append(ids, rid)
		}
	}
	r.mu.Unlock()
	if id != 0 && len(ids) == 0 {
		return fmt.Errorf("request %d is not this hub's", id)
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

// broadcast sends the timers to every hub and each hub the state of its
// requests; a finished request is reported once more as done, then dropped.
func (r *HubRoom) broadcast() {
	ts, fs := r.mod.TimerState(), r.mod.Floor()
	timerMsg := control.Message{Type: control.Timer, Timer: &ts}
	news := r.roomNews(fs)
	r.mu.Lock()
	ids := make([]string, 0, len(r.hubs))
	for id := range r.hubs {
		ids = append(ids, id)
	}
	byHub := map[string][]control.Message{}
	for rid, hubID := range r.owner {
		msgs, finished := requestState(rid, fs)
		byHub[hubID] = append(byHub[hubID], msgs...)
		if finished {
			delete(r.owner, rid)
		}
	}
	r.mu.Unlock()
	for _, id := range ids {
		r.sendTo(id, timerMsg)
		for _, m := range slices.Concat(news, byHub[id]) {
			r.sendTo(id, m)
		}
	}
}

// requestState is where request rid stands in fs, as messages for its hub.
func requestState(rid int, fs floor.State) ([]control.Message, bool) {
	if slices.Contains(fs.Live(), rid) {
		return []control.Message{{Type: control.State, Request: rid, Floor: control.Live}}, false
	}
	if i := slices.IndexFunc(fs.Queue, func(q floor.Request) bool { return q.ID == rid }); i >= 0 {
		st := control.Waiting
		if i == 0 {
			st = control.Next
		}
		return []control.Message{
			{Type: control.Queue, Request: rid, Position: i, Length: len(fs.Queue)},
			{Type: control.State, Request: rid, Floor: st},
		}, false
	}
	return []control.Message{{Type: control.State, Request: rid, Floor: control.Done}}, true
}

func (r *HubRoom) sendTo(hubID string, m control.Message) {
	b, err := control.Encode(m)
	if err != nil {
		return
	}
	r.mu.Lock()
	h := r.hubs[hubID]
	r.mu.Unlock()
	if h == nil {
		return
	}
	if err := h.send(b); err != nil {
		r.mu.Lock()
		h.lastErr = err
		r.mu.Unlock()
	}
}

// Say sends a message from the moderator to one hub, or to all with "".
func (r *HubRoom) Say(hubID, text string) {
	for _, p := range r.Present() {
		if hubID == "" || p.Hub.ID == hubID {
			r.sendTo(p.Hub.ID, control.Message{Type: control.Text, Text: text})
		}
	}
}

// Present lists the connected hubs, first joined first.
func (r *HubRoom) Present() []HubPresence {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := make([]HubPresence, 0, len(r.hubs))
	for _, h := range r.hubs {
		p := HubPresence{Hub: h.hub, People: h.people, Joined: h.joined}
		for rid, owner := range r.owner {
			if owner == h.hub.ID {
				p.Requests = append(p.Requests, rid)
			}
		}
		slices.Sort(p.Requests)
		out = append(out, p)
	}
	slices.SortFunc(out, func(a, b HubPresence) int { return a.Joined.Compare(b.Joined) })
	return out
}

// Live is the set of hubs that have the floor now: the turn's, and any
// that joined it.
func (r *HubRoom) Live() map[string]bool {
	ids := r.mod.Floor().Live()
	live := map[string]bool{}
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, rid := range ids {
		if hubID, ok := r.owner[rid]; ok {
			live[hubID] = true
		}
	}
	return live
}

// LiveHubs are the hubs on the floor, in the order they took it.
func (r *HubRoom) LiveHubs() []string {
	ids := r.mod.Floor().Live()
	r.mu.Lock()
	defer r.mu.Unlock()
	var hubs []string
	for _, rid := range ids {
		if hubID, ok := r.owner[rid]; ok && !slices.Contains(hubs, hubID) {
			hubs = append(hubs, hubID)
		}
	}
	return hubs
}

// LiveRequest is the request hubID has on the floor now; 0 when none.
func (r *HubRoom) LiveRequest(hubID string) int {
	ids := r.mod.Floor().Live()
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, rid := range ids {
		if r.owner[rid] == hubID {
			return rid
		}
	}
	return 0
}
