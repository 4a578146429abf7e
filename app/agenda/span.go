package agenda

import (
	"strconv"
	"time"
)

// Location is the session's own zone (its event's), UTC when the zone is
// unknown. "Local" is never the viewer's machine: it counts as unknown, so
// what is shown does not depend on where Floor runs.
func (s Session) Location() *time.Location {
	if s.Zone == "" || s.Zone == "Local" {
		return time.UTC
	}
	if loc, err := time.LoadLocation(s.Zone); err == nil {
		return loc
	}
	return time.UTC
}

// ToBeAnnounced is what a span reads for a session without a time.
const ToBeAnnounced = "time to be announced"

// FormatSpan is a session's start and end in its event's zone, with the
// weekdays of that zone: "2020-11-11 11:20 to 12:20 UTC (Wednesday)", or
// across days "2019-12-29 23:30 (Sunday) to 2019-12-30 00:30 CET (Monday)".
// Everything that says a session's time in words (the command line, the
// report, the exports) says it through here or FormatSpanIn, so the end is
// never in another zone than the start, nor its weekday taken from UTC.
func FormatSpan(s Session) string { return FormatSpanIn(s, s.Location()) }

// FormatSpanIn is FormatSpan in the zone loc (a viewer's choice).
func FormatSpanIn(s Session, loc *time.Location) string {
	if !s.Scheduled() {
		return ToBeAnnounced
	}
	st := s.Start.In(loc)
	day := func(t time.Time) string { return " (" + t.Format("Monday") + ")" }
	if !s.End.After(s.Start) {
		return st.Format("2006-01-02 15:04") + " " + ZoneLabel(st) + day(st)
	}
	en := s.End.In(loc)
	startLabel := ""
	if ZoneLabel(st) != ZoneLabel(en) { // a clock change inside the session
		startLabel = " " + ZoneLabel(st)
	}
	if sameDay(st, en) {
		return st.Format("2006-01-02 15:04") + startLabel + " to " + en.Format("15:04") + " " + ZoneLabel(en) + day(st)
	}
	return st.Format("2006-01-02 15:04") + startLabel + day(st) + " to " + en.Format("2006-01-02 15:04") + " " + ZoneLabel(en) + day(en)
}

// FormatStart is "2020-11-11 11:20 UTC": the start alone, in the event's zone.
func FormatStart(s Session) string {
	if !s.Scheduled() {
		return ToBeAnnounced
	}
	t := s.Start.In(s.Location())
	return t.Format("2006-01-02 15:04") + " " + ZoneLabel(t)
}

// ClockSpan is the short span under a day's heading, in loc: "11:20–12:20 UTC";
// an end on a later day says how many days later, as timetables do
// ("23:30–00:30+1 CET"), so a span never reads as ending before it starts
// and needs no words to translate; a clock change inside the session names
// the zone at both ends ("01:30 CEST–03:30 CET").
func ClockSpan(s Session, loc *time.Location) string {
	st := s.Start.In(loc)
	if !s.End.After(s.Start) {
		return st.Format("15:04") + " " + ZoneLabel(st)
	}
	en := s.End.In(loc)
	startLabel := ""
	if ZoneLabel(st) != ZoneLabel(en) {
		startLabel = " " + ZoneLabel(st)
	}
	end := en.Format("15:04")
	if days := daysBetween(st, en); days > 0 {
		end += "+" + strconv.Itoa(days)
	}
	return st.Format("15:04") + startLabel + "–" + end + " " + ZoneLabel(en)
}

// daysBetween counts the midnights from a's date to b's, in their zone.
func daysBetween(a, b time.Time) int {
	ay, am, ad := a.Date()
	by, bm, bd := b.Date()
	return int(time.Date(by, bm, bd, 0, 0, 0, 0, time.UTC).Sub(time.Date(ay, am, ad, 0, 0, 0, 0, time.UTC)).Hours() / 24)
}

func sameDay(a, b time.Time) bool {
	ay, am, ad := a.Date()
	by, bm, bd := b.Date()
	return ay == by && am == bm && ad == bd
}

// ZoneLabel names a time's zone as people read it: the abbreviation when
// the zone has a real one ("CET"), else the IANA name ("Asia/Riyadh" rather
// than "+03").
func ZoneLabel(t time.Time) string {
	name, _ := t.Zone()
	if name == "" || name[0] == '+' || name[0] == '-' {
		return t.Location().String()
	}
	return name
}
