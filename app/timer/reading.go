package timer

import (
	"fmt"
	"time"
)

// Zone is how urgent the speaker timer is. It is always shown in words as
// well as colour, so it reads without colour vision.
type Zone int

// Zones in order of urgency.
const (
	ZoneIdle     Zone = iota // nobody speaking
	ZoneNormal               // time left
	ZoneWarning              // wrap up
	ZoneDanger               // last seconds
	ZoneOvertime             // past the allotted time
)

// Thresholds say when the speaker timer warns: at Warning left, and at
// Danger left.
type Thresholds struct {
	Warning, Danger time.Duration
}

// DefaultThresholds warn at 30 s and at 10 s left.
func DefaultThresholds() Thresholds {
	return Thresholds{Warning: 30 * time.Second, Danger: 10 * time.Second}
}

// SessionReading is the session clock at one instant.
type SessionReading struct {
	Started, Running, Ended bool
	Planned, Elapsed        time.Duration
	Remaining               time.Duration // 0 once overrun
	Overrun                 time.Duration // time past the planned end
}

// SpeakerReading is the speaker timer at one instant.
type SpeakerReading struct {
	Active, Running bool
	Name            string
	Mode            Mode
	Allotted        time.Duration
	Elapsed         time.Duration
	Remaining       time.Duration // 0 in overtime, and for an open count-up
	Overtime        time.Duration
	Zone            Zone
	Digits          string // what the big display shows: "1:23", "+0:42"
	Words           string // the state in words: "WRAP UP", "OVER TIME", "PAUSED"
}

// Reading is both timers at one instant.
type Reading struct {
	At      time.Time
	Session SessionReading
	Speaker SpeakerReading
}

// Read returns both timers as they stand at now.
func (s State) Read(now time.Time, th Thresholds) Reading {
	if now.Before(s.Last) {
		now = s.Last
	}
	r := Reading{At: now}
	r.Session = SessionReading{Started: s.Started, Running: s.Session.Running, Ended: s.Ended, Planned: s.Planned}
	if s.Started {
		r.Session.Elapsed = s.Session.Elapsed(now)
		if left := s.Planned - r.Session.Elapsed; left > 0 {
			r.Session.Remaining = left
		} else {
			r.Session.Overrun = -left
		}
	}
	if s.Speaker != nil {
		r.Speaker = s.Speaker.read(now, th)
	} else {
		r.Speaker.Words = "NO SPEAKER"
	}
	return r
}

func (t Turn) read(now time.Time, th Thresholds) SpeakerReading {
	r := SpeakerReading{Active: true, Running: t.Clock.Running, Name: t.Name, Mode: t.Mode, Allotted: t.Allotted,
		Elapsed: t.Clock.Elapsed(now), Zone: ZoneNormal, Words: "SPEAKING"}
	limited := t.Mode == CountDown || t.Allotted > 0
	if limited {
		left := t.Allotted - r.Elapsed
		switch {
		case left < 0:
			r.Overtime, r.Zone, r.Words = -left, ZoneOvertime, "OVER TIME"
		case left <= th.Danger:
			r.Remaining, r.Zone, r.Words = left, ZoneDanger, "LAST SECONDS"
		case left <= th.Warning:
			r.Remaining, r.Zone, r.Words = left, ZoneWarning, "WRAP UP"
		default:
			r.Remaining = left
		}
	}
	switch {
	case r.Overtime > 0:
		r.Digits = "+" + Clock(r.Overtime, false)
	case t.Mode == CountDown:
		r.Digits = Clock(r.Remaining, true)
	default:
		r.Digits = Clock(r.Elapsed, false)
	}
	if !r.Running {
		r.Words = "PAUSED · " + r.Words
	}
	return r
}

// Clock formats a duration as m:ss, or h:mm:ss from an hour. Counting down,
// a part second shows as a whole one (0.4 s left reads 0:01, so 0:00 means
// time is up); counting up it is dropped.
func Clock(d time.Duration, roundUp bool) string {
	if d < 0 {
		d = -d
	}
	secs := int64(d / time.Second)
	if roundUp && d%time.Second != 0 {
		secs++
	}
	h, m, s := secs/3600, secs/60%60, secs%60
	if h > 0 {
		return fmt.Sprintf("%d:%02d:%02d", h, m, s)
	}
	return fmt.Sprintf("%d:%02d", m, s)
}
