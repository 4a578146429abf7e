package ui

import (
	"errors"
	"strings"
	"time"

	"github.com/igf-floor/floor/app"
	"github.com/igf-floor/floor/app/control"
	"github.com/igf-floor/floor/app/floor"
	"github.com/igf-floor/floor/app/seatlink"
	"github.com/igf-floor/floor/app/timer"
)

// A seat's console in words: the same words the room's console uses.

func seatPlace(q control.RequestWire) string {
	switch {
	case q.Remote && q.Hub != "":
		return " — " + tr("remote: {{.Hub}}", "Hub", q.Hub)
	case q.Remote:
		return " — " + tr("remote")
	}
	return " — " + tr("in the room")
}

func roleWords(role string) string {
	switch role {
	case "online-moderator":
		return tr("Online moderator")
	case "rapporteur":
		return tr("Rapporteur")
	case "co-moderator":
		return tr("Co-moderator")
	}
	return role
}

func noteWords(kind string, turn int) string {
	switch kind {
	case "takeaway":
		return tr("Takeaway")
	case "call":
		return tr("Call to action")
	case "key":
		return tr("Key point (turn {{.Turn}})", "Turn", turn)
	}
	return kind
}

// seatBalance is the speaking time of the turns over by stakeholder group
// and by place, as the console's Balance tab counts it.
func seatBalance(turns []control.TurnRecordWire) string {
	var ivs []floor.Intervention
	for _, t := range turns {
		sp := t.Speaker.Speaker()
		sp.Remote = t.Remote
		ivs = append(ivs, floor.Intervention{Speaker: sp, Spoke: time.Duration(t.SpokeNs)})
	}
	var lines []string
	for _, sh := range floor.Balance(ivs) {
		if sh.Dimension == "stakeholder group" || sh.Dimension == "place" {
			lines = append(lines, sh.Category+" · "+timer.Clock(sh.Time, false))
		}
	}
	if len(lines) == 0 {
		return tr("No speaking time yet")
	}
	return strings.Join(lines, "\n")
}

// seatHubText is a hub as the room's console lists it, with its link
// figures as the room measures them.
func seatHubText(h control.HubPresenceWire, now time.Time) string {
	r := hubRow{hub: floor.Hub{ID: h.ID, Name: h.Name}, now: now}
	switch {
	case !h.Away.IsZero():
		r.link = &app.HubLink{State: "away", Away: h.Away, Grace: time.Duration(h.GraceNs)}
	case h.Link != nil:
		l := h.Link
		r.link = &app.HubLink{State: l.State, Lost: l.Lost, People: l.People, RTT: time.Duration(l.RTTNs), Jitter: time.Duration(l.JitterNs),
			PacketsLost: l.PacketsLost, Kbps: l.Kbps, FPS: l.FPS, Control: !l.MediaOnly}
	default: // present, figures not measured (a room without media)
		return h.Name
	}
	return hubText(r)
}

// seatGroup is the request's stakeholder group and region, when said.
func seatGroup(sp control.SpeakerWire) string {
	var parts []string
	if t, err := floor.ParseRequestType(sp.Type); err == nil && !t.IsZero() {
		parts = append(parts, strings.ToUpper(typeWords(t))) // in capitals, never by colour alone
	}
	for _, f := range []string{sp.Group, sp.Region} {
		if f != "" {
			parts = append(parts, f)
		}
	}
	if sp.Youth {
		parts = append(parts, tr("youth"))
	}
	if len(parts) == 0 {
		return ""
	}
	return " · " + strings.Join(parts, " · ")
}

// refusalWords is why a command was not done, in the window's language
// where the room's answer says it in a form the window knows (a stale
// screen, a right lacking, the room out of reach), else in the room's words.
func refusalWords(err error) string {
	var ref *seatlink.Refusal
	switch {
	case errors.Is(err, seatlink.ErrOutOfReach):
		return tr("the room is out of reach: nothing was sent")
	case errors.As(err, &ref) && ref.Reply.Stale:
		return tr("the room changed since this screen last saw it (someone else acted first); nothing was done")
	case errors.As(err, &ref) && rightWords(ref.Reply.Right) != "":
		return tr("this seat may not {{.Right}}", "Right", rightWords(ref.Reply.Right))
	}
	return err.Error()
}

// rightWords is a right's name on the wire in words, "" for one unknown.
func rightWords(right string) string {
	switch right {
	case "queue":
		return tr("manage the queue")
	case "message":
		return tr("message the hubs and the speaker")
	case "give-remote":
		return tr("give the floor to remote requests")
	case "floor":
		return tr("give and end turns")
	case "timer":
		return tr("run the timers")
	case "question":
		return tr("put policy questions on the table")
	case "polls":
		return tr("run polls")
	case "notes":
		return tr("write the report's notes")
	case "audience":
		return tr("moderate the audience's questions")
	}
	return ""
}
