package hubserve

import (
	"context"
	"fmt"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/floor"
	"github.com/igf-floor/floor/app/room"
	"github.com/igf-floor/floor/app/seatlink"
)

// Links are the connected hubs with their link quality, then the hubs that
// dropped out and are still holding their place (away).
func (s *Serving) Links() []app.HubLink {
	present := map[string]room.Presence{}
	for _, p := range s.Room.Present() {
		present[p.Hub.ID] = p
	}
	var out []app.HubLink
	connected := map[string]bool{}
	for _, q := range s.Server.Quality() {
		connected[q.Hub.ID] = true
		out = append(out, app.HubLink{Hub: q.Hub, State: q.State, Lost: q.Lost, People: present[q.Hub.ID].People, RTT: q.RTT,
			Jitter: q.Jitter, PacketsLost: q.PacketsLost, Kbps: q.Kbps, FPS: q.FPS, CapKbps: q.CapKbps, Control: q.ControlOpen,
			Requests: present[q.Hub.ID].Requests})
	}
	for _, p := range s.Room.Present() {
		if connected[p.Hub.ID] || p.Away.IsZero() {
			continue
		}
		out = append(out, app.HubLink{Hub: p.Hub, State: "away", Away: p.Away, Grace: s.Room.Grace(), People: p.People, Requests: p.Requests})
	}
	return out
}

// QueueHub puts a connected hub in the queue by its id: for a WHIP client
// that has no control channel and cannot ask for itself.
func (s *Serving) QueueHub(ctx context.Context, hubID, name string) (int, error) {
	for _, q := range s.Server.Quality() {
		if q.Hub.ID == hubID {
			return s.Room.QueueHub(ctx, q.Hub, name)
		}
	}
	return 0, fmt.Errorf("%w: no hub %q is connected", floor.ErrNoRequest, hubID)
}

// connected finds a hub connected now, for the room: a plain WHIP client
// never joins the room, yet a seat may queue it.
func (s *Serving) connected(hubID string) (floor.Hub, bool) {
	if s.Server == nil { // still opening
		return floor.Hub{}, false
	}
	for _, q := range s.Server.Quality() {
		if q.Hub.ID == hubID {
			return q.Hub, true
		}
	}
	return floor.Hub{}, false
}

// SetVolume sets how loud the room hears the hubs: 0 mutes, 1 is full.
func (s *Serving) SetVolume(v float64) { s.Play.Mixer.SetVolume(v) }

// CutOff ends a revoked hub's connection now and its waiting requests
// with it.
func (s *Serving) CutOff(ctx context.Context, hubID string) {
	s.Server.Disconnect(hubID, "the hub's invite was revoked")
	s.Room.Forget(ctx, hubID)
}

var _ seatlink.LinkReader = (*Serving)(nil)
