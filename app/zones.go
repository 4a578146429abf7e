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
func eventLocation(s agenda.Session) *time.Location { return s.Location() }

// Location is where the viewer wants to see session s, local being the
// viewer's own zone.
func (z ZoneChoice) Location(s agenda.Session, local *time.Location) *time.Location {
	return z.viewerLocation(s, local)
}

// viewerLocation is where the viewer wants to see session s.
func (z ZoneChoice) viewerLocation(s agenda.Session, local *time.Location) *time.Location {
	return z.viewerLocationIn(zoneCache{}, s, local)
}

func (z ZoneChoice) viewerLocationIn(zones zoneCache, s agenda.Session, local *time.Location) *time.Location {
	switch z.Mode {
	case ZoneLocal:
		return local
	case ZoneNamed:
		return z.Loc
	}
	return zones.event(s)
}

// zoneCache loads each zone once for a pass over many sessions:
// time.LoadLocation reads and parses the zone's file at every call, and
// a refresh of 10 000 sessions asked for it 30 000 times (0.4 s).
type zoneCache map[string]*time.Location

// event is session s's own zone, as eventLocation.
func (c zoneCache) event(s agenda.Session) *time.Location {
	if loc, ok := c[s.Zone]; ok {
		return loc
	}
	loc := eventLocation(s)
	c[s.Zone] = loc
	return loc
}

// day is the session's date in its event's zone, as EventDay.
func (c zoneCache) day(s agenda.Session) string {
	return s.Start.In(c.event(s)).Format("2006-01-02")
}

// FormatStart is "2020-11-11 11:20 UTC": the start in the event's zone, as
// the CLI prints it.
func FormatStart(s agenda.Session) string { return agenda.FormatStart(s) }

// FormatSpan is a session's start and end in its event's zone, with the
// weekdays of that zone (see agenda.FormatSpan, the one path every place
// that says a span in words goes through).
func FormatSpan(s agenda.Session) string { return agenda.FormatSpan(s) }

// span is "11:20–12:20 UTC" in loc, saying when the end falls on a later
// day ("23:30–00:30+1 CET"): the agenda rows and the session view.
func span(s agenda.Session, loc *time.Location) string { return agenda.ClockSpan(s, loc) }

// EventDay is the session's date in its event's zone, as YYYY-MM-DD.
func EventDay(s agenda.Session) string {
	return s.Start.In(eventLocation(s)).Format("2006-01-02")
}
