package room

import (
	"slices"
	"time"

	"github.com/igf-floor/floor/app/control"
	"github.com/igf-floor/floor/app/floor"
)

// broadcast sends the timers to every connected hub and each hub the state
// of its requests; a request that finished is reported once as done.
func (r *Room) broadcast() {
	ts, fs := r.mod.TimerState(), r.mod.Floor()
	timerMsg := control.Message{Type: control.Timer, Timer: control.WireTimer(ts).WithThresholds(r.mod.Thresholds())}
	news := r.roomNews(fs)
	r.mu.Lock()
	var ids []string
	byHub := map[string][]control.Message{}
	for id, rh := range r.hubs {
		if rh.send == nil {
			continue // away: told everything when it is back
		}
		ids = append(ids, id)
		open := fs.Open(id)
		for _, rid := range open {
			byHub[id] = append(byHub[id], requestState(rid, fs)...)
			rh.told[rid] = true
		}
		// A hub on the floor hears the message to the speaker when it
		// changes, and loses it when the message is cleared or its turn ends.
		msg := ""
		if live := fs.Live(); slices.ContainsFunc(open, func(rid int) bool { return slices.Contains(live, rid) }) {
			msg = fs.Message
		}
		if msg != rh.toldMsg {
			byHub[id] = append(byHub[id], control.Message{Type: control.ToSpeaker, Text: msg})
			rh.toldMsg = msg
		}
		for rid := range rh.told {
			if !slices.Contains(open, rid) {
				byHub[id] = append(byHub[id], control.Message{Type: control.State, Request: rid, Floor: control.Done})
				delete(rh.told, rid)
			}
		}
	}
	r.mu.Unlock()
	for _, id := range ids {
		r.sendTo(id, timerMsg)
		for _, m := range slices.Concat(news, byHub[id]) {
			r.sendTo(id, m)
		}
	}
	r.tellAudience(ids)
}

// requestState is where open request rid stands in fs, as messages for
// its hub.
func requestState(rid int, fs floor.State) []control.Message {
	if slices.Contains(fs.Live(), rid) {
		return []control.Message{{Type: control.State, Request: rid, Floor: control.Live}}
	}
	i := slices.IndexFunc(fs.Queue, func(q floor.Request) bool { return q.ID == rid })
	st := control.Waiting
	if i == 0 {
		st = control.Next
	}
	return []control.Message{
		{Type: control.Queue, Request: rid, Position: i, Length: len(fs.Queue)},
		{Type: control.State, Request: rid, Floor: st},
	}
}

func (r *Room) sendTo(hubID string, m control.Message) {
	b, err := control.Encode(m)
	if err != nil {
		return
	}
	r.sendRaw(hubID, b)
}

func (r *Room) sendRaw(hubID string, b []byte) {
	r.mu.Lock()
	h := r.hubs[hubID]
	var send func([]byte) error
	if h != nil {
		send = h.send
	}
	r.mu.Unlock()
	if send == nil {
		return
	}
	if err := send(b); err != nil {
		r.mu.Lock()
		h.lastErr = err
		r.mu.Unlock()
	}
}

// Say sends a message from the moderator to one hub, or to all with "".
func (r *Room) Say(hubID, text string) {
	for _, p := range r.Present() {
		if hubID == "" || p.Hub.ID == hubID {
			r.sendTo(p.Hub.ID, control.Message{Type: control.Text, Text: text})
		}
	}
}

// Presence is a hub the room knows, connected or away, as the console
// lists it.
type Presence struct {
	Hub      floor.Hub
	People   int
	Joined   time.Time
	Requests []int // its requests still open
	// Away is when the hub dropped out (zero while connected); it keeps
	// its requests until Away + the room's grace.
	Away time.Time
}

// Present lists the hubs the room knows, connected and away, first joined
// first.
func (r *Room) Present() []Presence {
	fs := r.mod.Floor()
	r.mu.Lock()
	defer r.mu.Unlock()
	out := make([]Presence, 0, len(r.hubs))
	for _, h := range r.hubs {
		out = append(out, Presence{Hub: h.hub, People: h.people, Joined: h.joined, Away: h.away, Requests: fs.Open(h.hub.ID)})
	}
	slices.SortFunc(out, func(a, b Presence) int {
		if c := a.Joined.Compare(b.Joined); c != 0 {
			return c
		}
		return a.Away.Compare(b.Away)
	})
	return out
}

// Live is the set of hubs that have the floor now: the turn's, and any
// that joined it.
func (r *Room) Live() map[string]bool {
	live := map[string]bool{}
	for _, id := range r.mod.Floor().LiveHubs() {
		live[id] = true
	}
	return live
}

// LiveHubs are the hubs on the floor, in the order they took it.
func (r *Room) LiveHubs() []string { return r.mod.Floor().LiveHubs() }

// LiveRequest is the request hubID has on the floor now; 0 when none.
func (r *Room) LiveRequest(hubID string) int { return r.mod.Floor().LiveRequest(hubID) }
