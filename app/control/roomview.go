package control

import (
	"fmt"
	"time"

	"github.com/igf-floor/floor/app/floor"
	"github.com/igf-floor/floor/app/timer"
)

// StaleAfter is how long a hub waits without any message from the room
// before it marks the timer stale. The room sends the timer at least every
// HeartbeatEvery, so one lost heartbeat never trips it.
const (
	HeartbeatEvery = time.Second
	StaleAfter     = 3500 * time.Millisecond
)

// RoomView is what a hub knows of the room: the timers, where its request
// stands, the last message. It is fed messages and read at any instant.
type RoomView struct {
	Clock      ClockSync
	Session    string // the session's title, from the welcome
	HubName    string
	Invited    floor.Speaker // the hub's group and region as the moderator invited it, from the welcome
	Request    int           // this hub's open request, 0 when none
	Position   int           // in the queue, 0 is next
	Length     int           // the queue's length
	Floor      FloorState
	Notice     string // the last message or refusal from the room
	ToSpeaker  string // the moderator's message to this hub's speaker while on the floor
	Question   int    // the policy question on the table, 0: none
	Wording    string // its wording
	Poll       *floor.Poll
	Voted      map[int]int          // poll id → this hub's votes counted
	Questions  []PublicQuestionWire // the phones' questions shown to the room, most upvoted first
	timer      timer.State
	thresholds timer.Thresholds
	haveTimer  bool
	lastHeard  time.Time
}

// Apply takes one message from the room, received at local (the hub's
// clock).
func (v *RoomView) Apply(m Message, local time.Time) {
	v.lastHeard = local
	switch m.Type {
	case Welcome:
		// A hub that comes back is told its request still open, so it
		// does not ask again.
		v.HubName, v.Session, v.Request = m.Hub, m.Text, m.Request
		v.Invited = floor.Speaker{}
		if m.Speaker != nil {
			v.Invited = floor.Speaker{Group: m.Speaker.Group, Region: m.Speaker.Region}
		}
	case Timer:
		v.timer, v.haveTimer = m.Timer.State(), true
		v.thresholds = m.Timer.Thresholds()
	case Queue:
		v.Request, v.Position, v.Length = m.Request, m.Position, m.Length
	case State:
		v.Request, v.Floor = m.Request, m.Floor
		if m.Floor == Done {
			v.Request = 0
		}
		if m.Floor != Live {
			v.ToSpeaker = "" // a message is for the turn it was written in
		}
	case Pong:
		v.Clock.Add(NewSample(time.Unix(0, m.T0), time.Unix(0, m.T1), time.Unix(0, m.T2), local))
	case Text:
		v.Notice = m.Text
	case ToSpeaker:
		v.ToSpeaker = m.Text
	case Error:
		v.Notice = "The room refused: " + m.Text
	case Question:
		v.Question, v.Wording = m.Position, m.Text
	case Poll:
		p := m.Poll.Poll()
		v.Poll = &p
	case Audience:
		v.Questions = m.Questions
	case Voted:
		if v.Voted == nil {
			v.Voted = map[int]int{}
		}
		v.Voted[m.PollID] = m.Length
	}
}

// Stale reports whether the room has been silent too long at local.
func (v *RoomView) Stale(local time.Time) bool {
	return v.lastHeard.IsZero() || local.Sub(v.lastHeard) > StaleAfter
}

// Reading is the room's timers at local, on the room's clock.
func (v *RoomView) Reading(local time.Time) (timer.Reading, bool) {
	if !v.haveTimer {
		return timer.Reading{}, false
	}
	return v.timer.Read(v.Clock.RoomTime(local), v.thresholds), true
}

// Status is the hub's place in words: "3rd in the queue of 4", "Live".
func (v *RoomView) Status() string {
	switch {
	case v.Floor == Live:
		return "You have the floor"
	case v.Request == 0:
		return "Not asking for the floor"
	case v.Floor == Next || v.Position == 0:
		return fmt.Sprintf("Next of %d in the queue", max(v.Length, 1))
	}
	return fmt.Sprintf("%s of %d in the queue", ordinal(v.Position+1), v.Length)
}

func ordinal(n int) string {
	suffix := "th"
	switch {
	case n%100 >= 11 && n%100 <= 13:
	case n%10 == 1:
		suffix = "st"
	case n%10 == 2:
		suffix = "nd"
	case n%10 == 3:
		suffix = "rd"
	}
	return fmt.Sprintf("%d%s", n, suffix)
}
