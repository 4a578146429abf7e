package app

import (
	"slices"
	"strings"

	"github.com/igf-floor/floor/app/agenda"
)

// Narrow keeps sessions of one event, day, track, room or type; an empty
// field keeps all. Track, room and type match part of the field, ignoring
// case; the day is the event's calendar day (YYYY-MM-DD).
type Narrow struct {
	Event, Day, Track, Room, Type string
}

// Keep reports whether s passes.
func (n Narrow) Keep(s agenda.Session) bool { return n.keep(zoneCache{}, s) }

func (n Narrow) keep(zones zoneCache, s agenda.Session) bool {
	if n.Event != "" && !strings.EqualFold(s.EventID, n.Event) {
		return false
	}
	if n.Day != "" && (!s.Scheduled() || zones.day(s) != n.Day) {
		return false
	}
	return containsFold(s.Track, n.Track) && containsFold(s.Room, n.Room) && containsFold(s.Format, n.Type)
}

// Apply returns the sessions that pass, in order.
func (n Narrow) Apply(ss []agenda.Session) []agenda.Session {
	if n == (Narrow{}) {
		return ss
	}
	var out []agenda.Session
	zones := zoneCache{}
	for _, s := range ss {
		if n.keep(zones, s) {
			out = append(out, s)
		}
	}
	return out
}

func containsFold(field, want string) bool {
	return want == "" || strings.Contains(strings.ToLower(field), strings.ToLower(want))
}

// Choices are the values a Narrow can take over some sessions, sorted.
type Choices struct {
	Events, Days, Tracks, Rooms, Types []string
}

// ChoicesOf lists the distinct events, days, tracks, rooms and types.
func ChoicesOf(ss []agenda.Session) Choices {
	var c Choices
	seen := map[*[]string]map[string]bool{}
	add := func(list *[]string, v string) {
		if seen[list] == nil {
			seen[list] = map[string]bool{}
		}
		if v != "" && !seen[list][v] {
			seen[list][v] = true
			*list = append(*list, v)
		}
	}
	zones := zoneCache{}
	for _, s := range ss {
		add(&c.Events, s.EventID)
		if s.Scheduled() {
			add(&c.Days, zones.day(s))
		}
		add(&c.Tracks, s.Track)
		add(&c.Rooms, s.Room)
		add(&c.Types, s.Format)
	}
	for _, l := range []*[]string{&c.Events, &c.Days, &c.Tracks, &c.Rooms, &c.Types} {
		slices.Sort(*l)
	}
	return c
}
