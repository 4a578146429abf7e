package app

import (
	"fmt"
	"time"

	"github.com/igf-floor/floor/app/agenda"
)

// ZoneMode says in whose time the agenda is shown.
type ZoneMode int

// Zone modes: the event's own zone, the viewer's computer zone, or a zone
// the viewer chose (e.g. a remote hub's city).
const (
	ZoneEvent ZoneMode = iota
	ZoneLocal
	ZoneNamed
)

// ZoneChoice is the viewer's time-zone setting.
type ZoneChoice struct {
	Mode ZoneMode
	Loc  *time.Location // for ZoneNamed
}

// NamedZone returns the choice of an IANA zone such as "Africa/Nairobi".
func NamedZone(name string) (ZoneChoice, error) {
	loc, err := time.LoadLocation(name)
	if err != nil || name == "" || name == "Local" {
		return ZoneChoice{}, fmt.Errorf("unknown time zone %q (use an IANA name such as Africa/Nairobi)", name)
	}
	return ZoneChoice{Mode: ZoneNamed, Loc: loc}, nil
}

// SuggestedZones are the cities of IGF hosts and typical remote hubs, for
// the zone chooser; any IANA name may be typed as well.
func SuggestedZones() []string {
	return []string{"UTC", "Africa/Nairobi", "Africa/Lagos", "Africa/Johannesburg", "America/Sao_Paulo",
		"America/Mexico_City", "America/New_York", "Asia/Kolkata", "Asia/Riyadh", "Asia/Singapore",
		"Asia/Tokyo", "Australia/Sydney", "Europe/Berlin", "Europe/Oslo", "Europe/Warsaw", "Europe/Zurich", "Pacific/Auckland"}
}

// eventLocation is the session's own zone, UTC when it is unknown.
func eventLocation(s agenda.Session) *time.Location {
	if loc, err := time.LoadLocation(s.Zone); err == nil && s.Zone != "" {
		return loc
	}
	return time.UTC
}

// Location is where the viewer wants to see session s, local being the
// viewer's own zone.
func (z ZoneChoice) Location(s agenda.Session, local *time.Location) *time.Location {
	return z.viewerLocation(s, local)
}

// viewerLocation is where the viewer wants to see session s.
func (z ZoneChoice) viewerLocation(s agenda.Session, local *time.Location) *time.Location {
	switch z.Mode {
	case ZoneLocal:
		return local
	case ZoneNamed:
		return z.Loc
	}
	return eventLocation(s)
}

// zoneLabel names a location as people read it: the abbreviation when the
// zone has a real one ("CET"), else the IANA name.
func zoneLabel(t time.Time) string {
	name, _ := t.Zone()
	if name == "" || name[0] == '+' || name[0] == '-' {
		return t.Location().String()
	}
	return name
}

// FormatStart is "2020-11-11 11:20 UTC": the start in the event's zone, as
// the CLI prints it.
func FormatStart(s agenda.Session) string {
	if !s.Scheduled() {
		return "time to be announced"
	}
	t := s.Start.In(eventLocation(s))
	return t.Format("2006-01-02 15:04") + " " + zoneLabel(t)
}

// FormatSpan is a session's start and end in its event's zone, with the
// weekdays of that zone: "2020-11-11 11:20 to 12:20 UTC (Wednesday)", or
// across days "2024-07-01 00:00 (Monday) to 2024-07-08 00:00 BST (Monday)".
// The command line, the exports and the report say a span through it, so
// the end is never in another zone than the start.
func FormatSpan(s agenda.Session) string {
	if !s.Scheduled() {
		return "time to be announced"
	}
	loc := eventLocation(s)
	st := s.Start.In(loc)
	if !s.End.After(s.Start) {
		return st.Format("2006-01-02 15:04") + " " + zoneLabel(st) + " (" + st.Format("Monday") + ")"
	}
	en := s.End.In(loc)
	if en.Format("2006-01-02") == st.Format("2006-01-02") {
		return st.Format("2006-01-02 15:04") + " to " + en.Format("15:04") + " " + zoneLabel(en) + " (" + st.Format("Monday") + ")"
	}
	return st.Format("2006-01-02 15:04") + " (" + st.Format("Monday") + ") to " + en.Format("2006-01-02 15:04") + " " + zoneLabel(en) + " (" + en.Format("Monday") + ")"
}

// span is "11:20–12:20" in loc, with the zone label.
func span(s agenda.Session, loc *time.Location) string {
	st := s.Start.In(loc)
	if s.End.After(s.Start) {
		return st.Format("15:04") + "–" + s.End.In(loc).Format("15:04") + " " + zoneLabel(st)
	}
	return st.Format("15:04") + " " + zoneLabel(st)
}

// EventDay is the session's date in its event's zone, as YYYY-MM-DD.
func EventDay(s agenda.Session) string {
	return s.Start.In(eventLocation(s)).Format("2006-01-02")
}
