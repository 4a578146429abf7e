// Package timer is the session clock and the speaker timer of a moderated
// session, as a state machine over anchors: a running stopwatch stores when
// it started and how much had elapsed before, never a decremented counter,
// so any instant can be read exactly and a log of commands rebuilds the
// state after a crash. Time is always passed in; nothing here reads a clock.
package timer

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// Mode is how the speaker timer counts.
type Mode string

// Speaker timer modes.
const (
	CountDown Mode = "down" // from an allotted time to zero, then overtime
	CountUp   Mode = "up"   // from zero; an allotted time, if any, marks overtime
)

// Kind names a command; the names are what the log stores.
type Kind string

// Commands a moderator gives.
const (
	StartSession  Kind = "session.start" // Duration: the session's planned length
	PauseSession  Kind = "session.pause"
	ResumeSession Kind = "session.resume"
	EndSession    Kind = "session.end"
	NextSpeaker   Kind = "speaker.next" // Name, Mode, Duration (allotted; 0 for an open count-up)
	PauseSpeaker  Kind = "speaker.pause"
	ResumeSpeaker Kind = "speaker.resume"
	AddTime       Kind = "speaker.add" // Duration, negative to take time away
	EndSpeaker    Kind = "speaker.end"
)

// Known reports whether k is a command this version understands.
func (k Kind) Known() bool {
	switch k {
	case StartSession, PauseSession, ResumeSession, EndSession, NextSpeaker, PauseSpeaker, ResumeSpeaker, AddTime, EndSpeaker:
		return true
	}
	return false
}

// Command is one thing the moderator did, at one instant.
type Command struct {
	Kind     Kind
	At       time.Time
	Duration time.Duration
	Name     string
	Mode     Mode
	By       string // the seat of the session team that gave it; "" for the room's console
}

// Limits on what a command may ask, so a slip of the keyboard cannot set a
// 90-hour session or a negative speaking time.
const (
	MaxSession    = 12 * time.Hour
	MaxSpeaker    = 2 * time.Hour
	MaxAdjustment = time.Hour
	MaxNameRunes  = 200
)

// Errors for commands that do not fit the state; the state is unchanged.
var (
	ErrNotStarted     = errors.New("the session has not started")
	ErrAlreadyStarted = errors.New("the session has already started")
	ErrEnded          = errors.New("the session has ended")
	ErrNoSpeaker      = errors.New("no speaker has the floor")
	ErrRunning        = errors.New("the timer is already running")
	ErrPaused         = errors.New("the timer is already paused")
	ErrBadDuration    = errors.New("that length of time is not possible here")
	ErrUnknownCommand = errors.New("unknown timer command")
)

// Stopwatch measures elapsed time from anchors.
type Stopwatch struct {
	Running bool
	Since   time.Time     // when it was last started; meaningful while Running
	Before  time.Duration // time elapsed in earlier runs
}

// Elapsed is the total running time at now.
func (w Stopwatch) Elapsed(now time.Time) time.Duration {
	if !w.Running {
		return w.Before
	}
	if d := now.Sub(w.Since); d > 0 {
		return w.Before + d
	}
	return w.Before
}

func (w Stopwatch) start(at time.Time) Stopwatch {
	return Stopwatch{Running: true, Since: at, Before: w.Before}
}

func (w Stopwatch) stop(at time.Time) Stopwatch {
	return Stopwatch{Before: w.Elapsed(at)}
}

// Turn is the speaker who has the floor.
type Turn struct {
	Name     string
	Mode     Mode
	Allotted time.Duration // planned plus every adjustment; 0 for an open count-up
	Clock    Stopwatch
}

// State is everything the timers are; the zero value is a session not yet
// started with nobody speaking.
type State struct {
	Planned time.Duration // the session's length
	Started bool
	Ended   bool
	Session Stopwatch
	Speaker *Turn // nil when nobody has the floor
	Last    time.Time
	Applied int // how many commands made this state
}

// Apply returns the state after c, or an error and s unchanged. A command
// stamped before the previous one (a wall clock set back across a restart)
// is taken as happening at the previous one's instant.
func Apply(s State, c Command) (State, error) {
	if !c.Kind.Known() {
		return s, fmt.Errorf("%w %q", ErrUnknownCommand, c.Kind)
	}
	if c.At.Before(s.Last) {
		c.At = s.Last
	}
	next, err := apply(s, c)
	if err != nil {
		return s, fmt.Errorf("%s: %w", c.Kind, err)
	}
	next.Last = c.At
	next.Applied = s.Applied + 1
	return next, nil
}

func apply(s State, c Command) (State, error) {
	if s.Ended {
		return s, ErrEnded
	}
	switch c.Kind {
	case StartSession:
		if s.Started {
			return s, ErrAlreadyStarted
		}
		if c.Duration <= 0 || c.Duration > MaxSession {
			return s, fmt.Errorf("%w: a session of %v (1 s to %v)", ErrBadDuration, c.Duration, MaxSession)
		}
		s.Planned, s.Started, s.Session = c.Duration, true, Stopwatch{}.start(c.At)
	case PauseSession, ResumeSession:
		if !s.Started {
			return s, ErrNotStarted
		}
		w, err := toggle(s.Session, c.Kind == ResumeSession, c.At)
		if err != nil {
			return s, err
		}
		s.Session = w
	case EndSession:
		if !s.Started {
			return s, ErrNotStarted
		}
		s.Session, s.Ended = s.Session.stop(c.At), true
		s.Speaker = stopTurn(s.Speaker, c.At)
	case NextSpeaker:
		t, err := newTurn(c)
		if err != nil {
			return s, err
		}
		s.Speaker = &t
	case PauseSpeaker, ResumeSpeaker, AddTime, EndSpeaker:
		if s.Speaker == nil {
			return s, ErrNoSpeaker
		}
		t := *s.Speaker
		switch c.Kind {
		case EndSpeaker:
			s.Speaker = nil
			return s, nil
		case AddTime:
			if c.Duration == 0 || c.Duration > MaxAdjustment || c.Duration < -MaxAdjustment {
				return s, fmt.Errorf("%w: adding %v (up to ±%v)", ErrBadDuration, c.Duration, MaxAdjustment)
			}
			if t.Allotted+c.Duration < 0 || t.Allotted+c.Duration > MaxSpeaker {
				return s, fmt.Errorf("%w: %v would leave %v allotted", ErrBadDuration, c.Duration, t.Allotted+c.Duration)
			}
			t.Allotted += c.Duration
		default:
			w, err := toggle(t.Clock, c.Kind == ResumeSpeaker, c.At)
			if err != nil {
				return s, err
			}
			t.Clock = w
		}
		s.Speaker = &t
	}
	return s, nil
}

func toggle(w Stopwatch, run bool, at time.Time) (Stopwatch, error) {
	switch {
	case run && w.Running:
		return w, ErrRunning
	case !run && !w.Running:
		return w, ErrPaused
	case run:
		return w.start(at), nil
	}
	return w.stop(at), nil
}

func stopTurn(t *Turn, at time.Time) *Turn {
	if t == nil {
		return nil
	}
	stopped := *t
	stopped.Clock = t.Clock.stop(at)
	return &stopped
}

func newTurn(c Command) (Turn, error) {
	name := strings.TrimSpace(c.Name)
	switch {
	case name == "":
		return Turn{}, errors.New("the speaker needs a name")
	case len([]rune(name)) > MaxNameRunes:
		return Turn{}, fmt.Errorf("a speaker's name has at most %d characters", MaxNameRunes)
	}
	switch c.Mode {
	case CountDown:
		if c.Duration < time.Second || c.Duration > MaxSpeaker {
			return Turn{}, fmt.Errorf("%w: a turn of %v (1 s to %v)", ErrBadDuration, c.Duration, MaxSpeaker)
		}
	case CountUp:
		if c.Duration < 0 || c.Duration > MaxSpeaker {
			return Turn{}, fmt.Errorf("%w: a target of %v (0 to %v)", ErrBadDuration, c.Duration, MaxSpeaker)
		}
	default:
		return Turn{}, fmt.Errorf("unknown timer mode %q", c.Mode)
	}
	return Turn{Name: name, Mode: c.Mode, Allotted: c.Duration, Clock: Stopwatch{}.start(c.At)}, nil
}

// Replay folds a log of commands into a state. A command that does not
// apply is an error naming its position: a log is only ever written with
// commands that applied, so a failure means the log is damaged.
func Replay(log []Command) (State, error) {
	var s State
	for i, c := range log {
		next, err := Apply(s, c)
		if err != nil {
			return s, fmt.Errorf("timer log entry %d: %w", i+1, err)
		}
		s = next
	}
	return s, nil
}
