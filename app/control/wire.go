package control

import (
	"errors"
	"fmt"
	"slices"
	"time"
	"unicode/utf8"

	"github.com/igf-floor/floor/app/agenda"
	"github.com/igf-floor/floor/app/floor"
	"github.com/igf-floor/floor/app/timer"
)

// The wire's own structs: what the room and hubs exchange for the timers, a
// speaker and a poll, with names chosen for the wire (testdata/wire holds
// one of each message). The domain types (timer.State, floor.Speaker,
// floor.Poll) never go on the wire themselves, so renaming or adding one of
// their fields cannot change the protocol: the conversions below have to
// be changed, and the golden files show what that does to the JSON.
//
// Durations are integer nanoseconds (the names say so, "_ns"); instants are
// RFC 3339 strings with nanoseconds, in the room's clock.

// TimerWire is the room's timers: their anchors, from which a hub renders
// them at any instant of its estimate of the room's clock.
type TimerWire struct {
	PlannedNs int64         `json:"planned_ns"` // the session's length
	Started   bool          `json:"started"`
	Ended     bool          `json:"ended"`
	Session   StopwatchWire `json:"session"`
	Speaker   *TurnWire     `json:"speaker,omitempty"` // absent when nobody has the floor
	Last      time.Time     `json:"last,omitzero"`     // the last command's instant; readings are never earlier
	Applied   int           `json:"applied"`           // how many commands made this state
	// The moderator's thresholds for this session, so a hub warns when the
	// room does; absent (an older room): 30 s and 10 s.
	WarningNs int64 `json:"warning_ns,omitempty"`
	DangerNs  int64 `json:"danger_ns,omitempty"`
}

// StopwatchWire is one stopwatch: elapsed is before_ns, plus the time
// since "since" while running.
type StopwatchWire struct {
	Running  bool      `json:"running"`
	Since    time.Time `json:"since,omitzero"` // when it last started
	BeforeNs int64     `json:"before_ns"`      // elapsed in earlier runs
}

// TurnWire is the turn on the floor.
type TurnWire struct {
	Name       string        `json:"name"`
	Mode       string        `json:"mode"`        // "down" or "up"
	AllottedNs int64         `json:"allotted_ns"` // 0 for an open count-up
	Clock      StopwatchWire `json:"clock"`
}

// SpeakerWire is who a hub asks the floor for. Where the speaker is (remote,
// the hub's name and id) is the room's to say and is not on the wire.
type SpeakerWire struct {
	Name        string `json:"name"`
	Affiliation string `json:"affiliation,omitempty"`
	Group       string `json:"group,omitempty"`
	Region      string `json:"region,omitempty"`
	Youth       bool   `json:"youth,omitempty"`
	// Type is the kind of request: "point-of-order" or "direct-reply";
	// absent for a regular one.
	Type string `json:"type,omitempty"`
}

// PollWire is a poll, open or closed.
type PollWire struct {
	ID       int       `json:"id"`
	Code     string    `json:"code,omitempty"` // what phones in the room type to reach it
	Question string    `json:"question"`
	Kind     string    `json:"kind"` // "single", "multiple" or "text"
	Options  []string  `json:"options,omitempty"`
	Opened   time.Time `json:"opened,omitzero"`
	Closed   time.Time `json:"closed,omitzero"`
}

// WireTimer is s for the wire.
func WireTimer(s timer.State) *TimerWire {
	w := &TimerWire{PlannedNs: int64(s.Planned), Started: s.Started, Ended: s.Ended, Session: wireStopwatch(s.Session),
		Last: s.Last, Applied: s.Applied}
	if t := s.Speaker; t != nil {
		w.Speaker = &TurnWire{Name: t.Name, Mode: string(t.Mode), AllottedNs: int64(t.Allotted), Clock: wireStopwatch(t.Clock)}
	}
	return w
}

// WithThresholds puts the room's thresholds on w, and returns it.
func (w *TimerWire) WithThresholds(th timer.Thresholds) *TimerWire {
	w.WarningNs, w.DangerNs = int64(th.Warning), int64(th.Danger)
	return w
}

// Thresholds are the room's thresholds w carries, the defaults when none.
func (w TimerWire) Thresholds() timer.Thresholds {
	if w.WarningNs == 0 && w.DangerNs == 0 {
		return timer.DefaultThresholds()
	}
	return timer.Thresholds{Warning: time.Duration(w.WarningNs), Danger: time.Duration(w.DangerNs)}
}

func wireStopwatch(s timer.Stopwatch) StopwatchWire {
	return StopwatchWire{Running: s.Running, Since: s.Since, BeforeNs: int64(s.Before)}
}

// State is the timers w carries.
func (w TimerWire) State() timer.State {
	s := timer.State{Planned: time.Duration(w.PlannedNs), Started: w.Started, Ended: w.Ended, Session: w.Session.stopwatch(),
		Last: w.Last, Applied: w.Applied}
	if t := w.Speaker; t != nil {
		s.Speaker = &timer.Turn{Name: t.Name, Mode: timer.Mode(t.Mode), Allotted: time.Duration(t.AllottedNs), Clock: t.Clock.stopwatch()}
	}
	return s
}

func (w StopwatchWire) stopwatch() timer.Stopwatch {
	return timer.Stopwatch{Running: w.Running, Since: w.Since, Before: time.Duration(w.BeforeNs)}
}

// WireSpeaker is s for the wire: who, not where.
func WireSpeaker(s floor.Speaker) *SpeakerWire {
	w := &SpeakerWire{Name: s.Name, Affiliation: s.Affiliation, Group: s.Group, Region: s.Region, Youth: s.Youth}
	if !s.Type.IsZero() {
		w.Type = s.Type.String()
	}
	return w
}

// Speaker is the speaker w names; the room fills in where it is.
func (w SpeakerWire) Speaker() floor.Speaker {
	s := floor.Speaker{Name: w.Name, Affiliation: w.Affiliation, Group: w.Group, Region: w.Region, Youth: w.Youth}
	if t, err := floor.ParseRequestType(w.Type); err == nil && w.Type != "" { // checked in check()
		s.Type = t
	}
	return s
}

// WirePoll is p for the wire.
func WirePoll(p floor.Poll) *PollWire {
	return &PollWire{ID: p.ID, Code: p.Code, Question: p.Question, Kind: string(p.Kind), Options: slices.Clone(p.Options),
		Opened: p.Opened, Closed: p.Closed}
}

// Poll is the poll w carries.
func (w PollWire) Poll() floor.Poll {
	return floor.Poll{ID: w.ID, Code: w.Code, Question: w.Question, Kind: floor.PollKind(w.Kind), Options: slices.Clone(w.Options),
		Opened: w.Opened, Closed: w.Closed}
}

func label(what, s string, runes int) error {
	switch {
	case utf8.RuneCountInString(s) > runes:
		return fmt.Errorf("%s longer than %d characters", what, runes)
	case agenda.CheckText([]byte(s)) != nil:
		return fmt.Errorf("control or direction characters in %s", what)
	}
	return nil
}

func (w TimerWire) check() error {
	switch {
	case w.PlannedNs < 0 || w.PlannedNs > int64(timer.MaxSession):
		return fmt.Errorf("a session of %v", time.Duration(w.PlannedNs))
	case w.Session.BeforeNs < 0:
		return errors.New("negative session time")
	case w.WarningNs < 0 || w.DangerNs < 0 || w.DangerNs > w.WarningNs || w.WarningNs > int64(timer.MaxSpeaker):
		return fmt.Errorf("thresholds of %v and %v", time.Duration(w.WarningNs), time.Duration(w.DangerNs))
	}
	t := w.Speaker
	if t == nil {
		return nil
	}
	switch timer.Mode(t.Mode) {
	case timer.CountDown, timer.CountUp:
	default:
		return fmt.Errorf("unknown speaker timer mode %q", t.Mode)
	}
	switch {
	case t.AllottedNs < 0 || t.AllottedNs > int64(timer.MaxSpeaker):
		return fmt.Errorf("a turn of %v", time.Duration(t.AllottedNs))
	case t.Clock.BeforeNs < 0:
		return errors.New("negative speaking time")
	}
	return label("the speaker's name", t.Name, timer.MaxNameRunes)
}

func (w SpeakerWire) check() error {
	if w.Type != "" {
		if _, err := floor.ParseRequestType(w.Type); err != nil {
			return err
		}
	}
	for _, f := range []string{w.Name, w.Affiliation, w.Group, w.Region} {
		if err := label("the speaker", f, 500); err != nil {
			return err
		}
	}
	return nil
}

func (w PollWire) check() error {
	switch floor.PollKind(w.Kind) {
	case floor.Single, floor.Multiple, floor.TextPoll:
	default:
		return fmt.Errorf("unknown poll kind %q", w.Kind)
	}
	switch {
	case w.ID <= 0:
		return errors.New("a poll without an id")
	case len(w.Options) > floor.MaxOptions:
		return fmt.Errorf("more than %d options", floor.MaxOptions)
	}
	if err := label("the question", w.Question, floor.MaxPollText); err != nil {
		return err
	}
	if err := label("the poll's code", w.Code, 64); err != nil {
		return err
	}
	for _, o := range w.Options {
		if err := label("an option", o, floor.MaxOptionLen); err != nil {
			return err
		}
	}
	return nil
}
