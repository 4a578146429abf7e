package seatlink

import (
	"time"

	"github.com/igf-floor/floor/app"

	"github.com/igf-floor/floor/app/control"
	"github.com/igf-floor/floor/app/floor"
	"github.com/igf-floor/floor/app/room"
)

// Wire is the room's view for a seat, with the hubs' links as the room
// measures them, at now on the room's clock.
func Wire(v room.TeamView, links []app.HubLink, now time.Time) control.TeamStateWire {
	w := control.TeamStateWire{V: control.Version, Now: now, Base: control.BaseWire{Timer: v.Base.Timer, Floor: v.Base.Floor},
		Seat: wireSeat(v.Seat, v.Rights), Session: v.Session, Timer: control.WireTimer(v.Timer).WithThresholds(v.Thresholds), Queue: []control.RequestWire{},
		Question: v.Floor.Question, QuestionText: v.Floor.QuestionText,
		Questions: v.Questions, Message: v.Floor.Message}
	for _, q := range v.Floor.Queue {
		w.Queue = append(w.Queue, control.WireRequest(q))
	}
	if cur := v.Floor.Current; cur != nil {
		t := control.WireTurn(*cur)
		w.Floor = &t
	}
	for _, iv := range v.Floor.Interventions {
		w.Turns = append(w.Turns, control.WireTurn(iv))
	}
	measured := map[string]app.HubLink{}
	for _, l := range links {
		measured[l.Hub.ID] = l
	}
	for _, p := range v.Hubs {
		h := control.HubPresenceWire{ID: p.Hub.ID, Name: p.Hub.Name, Away: p.Away, Requests: p.Requests}
		if !p.Away.IsZero() {
			h.GraceNs = int64(v.Grace)
		}
		if l, ok := measured[p.Hub.ID]; ok && p.Away.IsZero() {
			h.Link = wireLink(l)
		}
		w.Hubs = append(w.Hubs, h)
		delete(measured, p.Hub.ID)
	}
	for _, l := range links { // connected without the control channel: media only, queued by a seat or the moderator
		if _, ok := measured[l.Hub.ID]; ok {
			w.Hubs = append(w.Hubs, control.HubPresenceWire{ID: l.Hub.ID, Name: l.Hub.Name, Link: wireLink(l)})
		}
	}
	for _, n := range v.Notes {
		w.Notes = append(w.Notes, control.WireNote(n))
	}
	if v.Poll != nil {
		w.Poll = control.WirePoll(*v.Poll)
	}
	for _, t := range v.Polls {
		w.Polls = append(w.Polls, control.WirePollResult(t))
	}
	for _, s := range v.Seats {
		w.Seats = append(w.Seats, wireSeat(s, nil))
	}
	for _, q := range v.Audience {
		w.Audience = append(w.Audience, control.WireAudienceQuestion(q))
	}
	for _, u := range v.Budgets {
		w.Budgets = append(w.Budgets, control.WireUsage(u))
	}
	for _, s := range v.Suggested {
		w.Suggested = append(w.Suggested, control.WireSuggestion(s))
	}
	return w
}

func wireLink(l app.HubLink) *control.LinkWire {
	return &control.LinkWire{State: l.State, Lost: l.Lost, People: l.People, RTTNs: int64(l.RTT), JitterNs: int64(l.Jitter),
		PacketsLost: l.PacketsLost, Kbps: l.Kbps, FPS: l.FPS, MediaOnly: !l.Control}
}

func wireSeat(s floor.Seat, rights []room.Right) control.SeatWire {
	w := control.SeatWire{ID: s.ID, Name: s.Name, Role: s.Role.String(), GiveRemote: s.GiveRemote}
	for _, r := range rights {
		w.Rights = append(w.Rights, r.String())
	}
	return w
}
