package seatlink

import (
	"time"

	"github.com/igf-floor/floor/app/control"
	"github.com/igf-floor/floor/app/floor"
	"github.com/igf-floor/floor/app/room"
)

// Wire is the room's view for a seat, at now on the room's clock.
func Wire(v room.TeamView, now time.Time) control.TeamStateWire {
	w := control.TeamStateWire{V: control.Version, Now: now, Base: control.BaseWire{Timer: v.Base.Timer, Floor: v.Base.Floor},
		Seat: wireSeat(v.Seat, v.Rights), Session: v.Session, Timer: control.WireTimer(v.Timer), Queue: []control.RequestWire{},
		Question: v.Floor.Question, QuestionText: v.Floor.QuestionText}
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
	for _, p := range v.Hubs {
		w.Hubs = append(w.Hubs, control.HubPresenceWire{ID: p.Hub.ID, Name: p.Hub.Name, Away: p.Away, Requests: p.Requests})
	}
	for _, n := range v.Notes {
		w.Notes = append(w.Notes, control.WireNote(n))
	}
	if v.Poll != nil {
		w.Poll = control.WirePoll(*v.Poll)
	}
	for _, s := range v.Seats {
		w.Seats = append(w.Seats, wireSeat(s, nil))
	}
	return w
}

func wireSeat(s floor.Seat, rights []room.Right) control.SeatWire {
	w := control.SeatWire{ID: s.ID, Name: s.Name, Role: s.Role.String(), GiveRemote: s.GiveRemote}
	for _, r := range rights {
		w.Rights = append(w.Rights, r.String())
	}
	return w
}
